import {
  type AccountDetail,
  type Evidence,
  evidenceToAdd,
  meetsLevel,
  POLICY_LEVEL_WORDS,
  type Policy,
  type PolicyAction,
  type PolicyLevel,
  type Role,
  roleAtLeast,
} from "@recovery-desk/shared";
import { formatPhone } from "./format.ts";
import { isHeldByOwner } from "./hold-words.ts";

/** The four recovery actions an agent can take on an account. */
export type RecoveryKind = "unlock" | "reactivate" | "temporary_password" | "username_reminder";

/**
 * The caller has just been verified: the recovery actions take the keyboard once the account shows a
 * window with this evidence. `action` is the one the agent added a method for; without it, the
 * account's next step.
 */
export type HandOver = { evidence: Evidence[]; action: RecoveryKind | null };

/** Where a temporary password can go. */
export type DeliveryChannel = "sms" | "email";

/**
 * One action as the agent sees it: usable now, or why not; `note` says which. `add` is set when the
 * window's evidence is short of what the policy requires: the methods of which one more helps.
 */
export type ActionOption = { kind: RecoveryKind; available: boolean; note: string; add?: Evidence[] };

/** One channel for a temporary password: usable (verified), or why not. */
export type ChannelOption = { channel: DeliveryChannel; available: boolean; to: string | null; note: string };

export type RecoveryOptions =
  /** Merged or closed: nothing can be changed, and `reason` says why in words. */
  | { open: false; reason: string }
  | {
      open: true;
      /** True while the agent holds the verified window for this account. */
      verified: boolean;
      /** The one obvious next step for the account's state, if it needs one. */
      primary: ActionOption | null;
      /** Always offered (subject to verification and channels). */
      secondary: ActionOption[];
      /**
       * Set when the account is held on its owner's report and the signed-in role may not lift the hold:
       * said in place of the account's next step.
       */
      holdNote: string | null;
      channels: ChannelOption[];
    };

export const VERIFY_FIRST = "Verify the caller first.";

type AccountFacts = Pick<
  AccountDetail,
  "status" | "statusReason" | "lock" | "channels" | "verification" | "securityQuestions"
>;

/** What the agent does to add each piece of evidence, as the call script says it. */
export const ADD_EVIDENCE_WORDS: Record<Evidence, string> = {
  knowledge: "ask the security questions",
  sms: "send a code by text message",
  email: "send a code by email",
};

/** "Needs two pieces, at least one a code. Also ask the security questions, or send a code by email." */
export function evidenceNote(level: PolicyLevel, add: Evidence[]): string {
  const needs = `Needs ${POLICY_LEVEL_WORDS[level]}.`;
  if (add.length === 0) return `${needs} This account has no other way to verify the caller.`;
  return `${needs} Also ${add.map((e) => ADD_EVIDENCE_WORDS[e]).join(", or ")}.`;
}

/**
 * When the open window's evidence is short of the level the policy sets for an action: what to say
 * and which methods this account can add. Null when it is enough, when no window is open, or while
 * the policy is not loaded (the API still checks).
 */
export function evidenceShortFor(
  account: Pick<AccountFacts, "verification" | "channels" | "securityQuestions">,
  policy: Policy | undefined,
  action: PolicyAction,
): { note: string; add: Evidence[] } | null {
  return evidenceShortOf(account, policy?.actions.find((a) => a.action === action)?.requires);
}

/** As evidenceShortFor, for a level given outright (e.g. the one for lifting a hold the owner asked for). */
function evidenceShortOf(
  account: Pick<AccountFacts, "verification" | "channels" | "securityQuestions">,
  level: PolicyLevel | undefined,
): { note: string; add: Evidence[] } | null {
  const evidence = account.verification?.evidence;
  if (!level || !evidence || meetsLevel(level, evidence)) return null;
  const { phone, email } = account.channels;
  const possible: Evidence[] = [
    ...(account.securityQuestions.length > 0 ? (["knowledge"] as const) : []),
    ...(phone.masked && phone.verified ? (["sms"] as const) : []),
    ...(email.masked && email.verified ? (["email"] as const) : []),
  ];
  const add = evidenceToAdd(level, evidence).filter((e) => possible.includes(e));
  return { note: evidenceNote(level, add), add };
}

/** Holds an action back when the window's evidence is short of what the policy requires, saying what to add. */
function checkEvidence(option: ActionOption, account: AccountFacts, policy: Policy | undefined): ActionOption {
  const short = option.available ? evidenceShortFor(account, policy, option.kind) : null;
  return short ? { ...option, available: false, ...short } : option;
}

/** Why nothing but lifting the hold is offered on an account its owner reported. */
export const WAITS_FOR_HOLD = "Not while the account is held on the owner's report: the hold must be lifted first.";

/** What a role that may not lift the owner's hold is told in place of Lift lockout. */
export const ONLY_SUPERVISOR_LIFTS =
  "Only a supervisor can lift this hold, after verifying the caller with a code. Ask a supervisor to take the call.";

/** Before any window, for a role that may lift the hold: the evidence the hold needs. */
export const VERIFY_BY_CODE_FIRST = "Verify the caller with a code by text message or email first.";

/**
 * Whether the signed-in role may lift a hold the owner asked for, as the policy says (a supervisor or
 * above); true while the policy or the role is not known (the API still checks).
 */
export function mayLiftHold(policy: Policy | undefined, role: Role | undefined): boolean {
  const needed = policy?.reportedLock?.role;
  return !needed || !role || roleAtLeast(role, needed);
}

/**
 * An account held on its owner's report: only lifting the hold, by a role the policy allows, on the
 * evidence it asks for (a code); everything else waits for it.
 */
function heldOptions(
  account: AccountFacts,
  policy: Policy | undefined,
  role: Role | undefined,
  channels: ChannelOption[],
): RecoveryOptions {
  const verified = account.verification !== null;
  const secondary: ActionOption[] = (["temporary_password", "username_reminder"] as const).map((kind) => ({
    kind,
    available: false,
    note: WAITS_FOR_HOLD,
  }));
  if (!mayLiftHold(policy, role)) {
    return { open: true, verified, primary: null, secondary, channels, holdNote: ONLY_SUPERVISOR_LIFTS };
  }
  const lift: ActionOption = verified
    ? {
        kind: "unlock",
        available: true,
        note: "Lifts the hold the owner asked for. Someone else may know the password by now: send a temporary password next.",
      }
    : { kind: "unlock", available: false, note: VERIFY_BY_CODE_FIRST };
  const short = lift.available ? evidenceShortOf(account, policy?.reportedLock?.requires) : null;
  return {
    open: true,
    verified,
    primary: short ? { ...lift, available: false, ...short } : lift,
    secondary,
    channels,
    holdNote: null,
  };
}

/** The phone and email of the account, each verified (usable) or with the reason it is not. */
export function channelOptions(channels: AccountDetail["channels"]): ChannelOption[] {
  const { phone, email } = channels;
  return [
    !phone.masked
      ? { channel: "sms", available: false, to: null, note: "No phone number on file." }
      : !phone.verified
        ? {
            channel: "sms",
            available: false,
            to: formatPhone(phone.masked),
            note: "The phone number is not verified, so nothing can be sent to it.",
          }
        : { channel: "sms", available: true, to: formatPhone(phone.masked), note: "" },
    !email.masked
      ? { channel: "email", available: false, to: null, note: "No email address on file." }
      : !email.verified
        ? {
            channel: "email",
            available: false,
            to: email.masked,
            note: "The email address is not verified, so nothing can be sent to it.",
          }
        : { channel: "email", available: true, to: email.masked, note: "" },
  ];
}

/** The action the account's state calls for: a lock is lifted, an inactive account reactivated. */
function primaryKind(account: AccountFacts): RecoveryKind | null {
  if (account.status === "locked") return "unlock";
  if (account.status === "deactivated" && account.statusReason === "inactivity") return "reactivate";
  return null;
}

function primaryNote(kind: RecoveryKind, account: AccountFacts): string {
  if (kind === "reactivate") return "Makes the account active again; the customer signs in with the current password.";
  return account.lock?.kind === "temporary"
    ? "Ends the temporary lock now instead of waiting for it to run out."
    : "Clears the lock and the failed sign-ins; the customer signs in with the current password.";
}

/**
 * What the agent can do for this account right now, and why anything else is not possible. Every
 * action needs the verified window with the evidence the policy asks for; sending anything needs a
 * verified channel. An account held on its owner's report offers only lifting the hold, to `role`s the
 * policy allows.
 */
export function recoveryOptions(account: AccountFacts, policy?: Policy, role?: Role): RecoveryOptions {
  if (account.status === "merged") {
    return {
      open: false,
      reason:
        "This account was merged into another account, so nothing can be changed on it. Help the caller on the account that remains.",
    };
  }
  if (account.status === "closed") {
    return { open: false, reason: "This account is closed, so nothing can be changed on it." };
  }
  const verified = account.verification !== null;
  const gate = (available: boolean, note: string): Pick<ActionOption, "available" | "note"> =>
    verified ? { available, note } : { available: false, note: VERIFY_FIRST };

  const channels = channelOptions(account.channels);
  if (isHeldByOwner(account)) return heldOptions(account, policy, role, channels);
  const usable = channels.filter((c) => c.available);
  const email = channels.find((c) => c.channel === "email");
  const kind = primaryKind(account);

  return {
    open: true,
    verified,
    primary: kind ? checkEvidence({ kind, ...gate(true, primaryNote(kind, account)) }, account, policy) : null,
    secondary: (
      [
        {
          kind: "temporary_password",
          ...gate(
            usable.length > 0,
            usable.length > 0
              ? "A new password by text or email that works for 24 hours; the customer picks a new one at sign-in."
              : "No verified phone or email to send it to.",
          ),
        },
        {
          kind: "username_reminder",
          ...gate(
            Boolean(email?.available),
            email?.available ? `Emails the username to ${email.to}.` : (email?.note ?? ""),
          ),
        },
      ] as ActionOption[]
    ).map((option) => checkEvidence(option, account, policy)),
    channels,
    holdNote: null,
  };
}

/** The first action held back only by its evidence (the account's next step first): what the call script asks to add. */
export function shortOfEvidence(options: RecoveryOptions): ActionOption | null {
  if (!options.open) return null;
  return [options.primary, ...options.secondary].find((option) => option?.add?.length) ?? null;
}

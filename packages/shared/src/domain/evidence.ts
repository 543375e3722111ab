/**
 * What a verified window rests on, the levels of evidence an action can require, and the presets the
 * API's policy starts from. The policy in force (a preset with any overrides) is served by
 * `GET /api/v1/policy`; the console reads it from there, never from here.
 */
import type { Role, VerificationMethod } from "./words.ts";

/** Both security questions answered, a code from the phone on file, a code from the email on file. */
export const EVIDENCE = ["knowledge", "sms", "email"] as const;
export type Evidence = (typeof EVIDENCE)[number];

export const POLICY_LEVELS = ["any", "code", "two_with_code", "two_codes"] as const;
export type PolicyLevel = (typeof POLICY_LEVELS)[number];

export const POLICY_ACTIONS = ["unlock", "username_reminder", "reactivate", "temporary_password", "merge"] as const;
export type PolicyAction = (typeof POLICY_ACTIONS)[number];

export const POLICY_PRESETS = ["default", "nist"] as const;
export type PolicyPreset = (typeof POLICY_PRESETS)[number];

/** The level each action requires, by preset: the one place that says it (product spec, "Evidence and the action policy"). */
export const POLICY_PRESET_LEVELS: Readonly<Record<PolicyPreset, Readonly<Record<PolicyAction, PolicyLevel>>>> = {
  default: {
    unlock: "any",
    username_reminder: "any",
    reactivate: "code",
    temporary_password: "two_with_code",
    merge: "code",
  },
  nist: {
    unlock: "code",
    username_reminder: "code",
    reactivate: "code",
    temporary_password: "two_codes",
    merge: "code",
  },
};

/**
 * Who may lift a lock the account's owner asked for (status reason `reported_by_owner`), and on what
 * evidence: a supervisor or above, whose own verified window holds a code. Every other recovery
 * action waits until it is lifted.
 */
export const REPORTED_LOCK_LIFT: { readonly role: Role; readonly requires: PolicyLevel } = {
  role: "supervisor",
  requires: "code",
};

/** The evidence a successful verification of this method gives. */
export function evidenceOf(method: VerificationMethod): Evidence {
  if (method === "otp_sms") return "sms";
  if (method === "otp_email") return "email";
  return "knowledge";
}

/** The verification method that gives this evidence. */
export function methodFor(evidence: Evidence): VerificationMethod {
  if (evidence === "sms") return "otp_sms";
  if (evidence === "email") return "otp_email";
  return "security_questions";
}

const isCode = (e: Evidence) => e !== "knowledge";

/** Whether the evidence a window holds reaches a level. */
export function meetsLevel(level: PolicyLevel, evidence: readonly Evidence[]): boolean {
  const held = new Set(evidence);
  const codes = [...held].filter(isCode).length;
  switch (level) {
    case "any":
      return held.size >= 1;
    case "code":
      return codes >= 1;
    case "two_with_code":
      return held.size >= 2 && codes >= 1;
    case "two_codes":
      return codes >= 2;
  }
}

/**
 * The methods of which any one, added to the window, brings it to the level or one step nearer;
 * none when the level is met. Questions come first where they count, since they send nothing.
 */
export function evidenceToAdd(level: PolicyLevel, evidence: readonly Evidence[]): Evidence[] {
  if (meetsLevel(level, evidence)) return [];
  const missing = EVIDENCE.filter((e) => !evidence.includes(e));
  const hasCode = evidence.some(isCode);
  switch (level) {
    case "any":
      return missing;
    case "code":
      return missing.filter(isCode);
    case "two_with_code":
      return hasCode ? missing : missing.filter(isCode);
    case "two_codes":
      return missing.filter(isCode);
  }
}

/** How an action reads at the start of a sentence. */
export const POLICY_ACTION_WORDS: Record<PolicyAction, string> = {
  unlock: "Lifting a failed-login lock",
  username_reminder: "A username reminder",
  reactivate: "Reactivating the account",
  temporary_password: "A temporary password",
  merge: "Proposing a merge",
};

/**
 * The policy as `GET /api/v1/policy` answers it: each action with its level, and a sentence saying
 * so; and who lifts a lock the owner asked for, on what evidence.
 */
export function describePolicy(preset: PolicyPreset, levels: Record<PolicyAction, PolicyLevel>) {
  const { role, requires } = REPORTED_LOCK_LIFT;
  return {
    preset,
    actions: POLICY_ACTIONS.map((action) => ({
      action,
      requires: levels[action],
      description: `${POLICY_ACTION_WORDS[action]} needs ${POLICY_LEVEL_WORDS[levels[action]]}.`,
    })),
    reportedLock: {
      role,
      requires,
      description: `An account frozen on its owner's report is lifted only by a ${role} or above, on ${POLICY_LEVEL_WORDS[requires]} in their own verified window; every other recovery action waits until then.`,
    },
  };
}

/** How a level reads to an agent: "any one piece of evidence", "one code", … */
export const POLICY_LEVEL_WORDS: Record<PolicyLevel, string> = {
  any: "any one piece of evidence",
  code: "one code",
  two_with_code: "two pieces, at least one a code",
  two_codes: "two codes on different channels",
};

/** How a piece of evidence reads to an agent. */
export const EVIDENCE_WORDS: Record<Evidence, string> = {
  knowledge: "the security questions",
  sms: "a code by text message",
  email: "a code by email",
};

/** "the security questions, or a code by email" — no evidence at all reads "nothing yet". */
export function listEvidence(evidence: readonly Evidence[], joiner: "and" | "or" = "and"): string {
  const words = evidence.map((e) => EVIDENCE_WORDS[e]);
  if (words.length === 0) return "nothing yet";
  if (words.length === 1) return words[0] as string;
  const last = joiner === "or" ? `, or ${words.at(-1)}` : ` and ${words.at(-1)}`;
  return words.slice(0, -1).join(", ") + last;
}

/**
 * The words of the API's problem answers, of the messages it sends and of its own audit events. The
 * API says them, and the console's test fakes say the same ones, so a change of wording here reaches both.
 */
import {
  type Evidence,
  evidenceToAdd,
  listEvidence,
  POLICY_ACTION_WORDS,
  POLICY_LEVEL_WORDS,
  type PolicyAction,
  type PolicyLevel,
} from "./evidence.ts";
import type { ErrorCode, Role } from "./words.ts";

/** The `title` of a problem, by its code. */
export const PROBLEM_TITLES: Record<ErrorCode, string> = {
  validation_failed: "The request is not valid",
  unauthenticated: "Sign-in required",
  invalid_credentials: "Username or password is not right",
  forbidden: "Not allowed",
  verification_required: "The caller must be verified first",
  verification_insufficient: "The verification is not enough for this action",
  not_found: "Not found",
  conflict: "Conflict",
  invalid_transition: "Not possible in the account's current state",
  payload_too_large: "The request body is too large",
  unsupported_media_type: "Unsupported media type",
  verification_failed: "Not verified",
  verification_locked: "Verification is locked",
  rate_limited: "Too many requests",
  internal: "Something went wrong on our side",
  delivery_failed: "The message could not be sent",
  unavailable: "The service is unavailable",
};

/** The `type` URI of a problem, by its code. */
export const problemType = (code: ErrorCode) => `https://recovery-desk.example/problems/${code.replaceAll("_", "-")}`;

type Channel = "email" | "sms";
const channelName = (channel: Channel) => (channel === "sms" ? "text message" : "email");

/** "1 code has" or "5 codes have". */
const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A wait of `seconds`, roughly, in words: "about 3 hours", "about 20 minutes", "a minute". */
export function waitWords(seconds: number): string {
  if (seconds <= 60) return "a minute";
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return `about ${minutes} minutes`;
  return `about ${Math.round(minutes / 60)} hours`;
}

/** The `detail` of a problem, where it is the same on every answer (or differs only by a name or a number). */
export const PROBLEM_DETAILS = {
  notFound: (what: string) => `${what} was not found.`,
  fieldsInvalid: "Some fields are not valid.",
  jsonOnly: "Send the request body as application/json.",
  signInOrKey: "Sign in, or send an API key, to use this.",
  roleNeeded: (role: Role) => `This needs the ${role} role or higher.`,
  idempotencyKeyReused: "This Idempotency-Key was already used for a different request.",

  wrongPassword: "Username or password is not right.",
  tooManyFailedSignIns: "Too many failed sign-ins for this username. Try again later.",

  verificationOfAnotherAgent: "This verification belongs to another agent.",
  verificationSucceeded: "This verification has already succeeded.",
  verificationEnded: "This verification has ended. Start a new one.",
  verifyOnAccountInUse: (status: string) => `The account is ${status}; verify the caller on the account in use.`,
  answerEachQuestion: "Give one answer for each question of this verification.",
  answersWrong: "The answers do not match. The caller is not verified.",
  questionsLocked:
    "Too many failed answers for this account. Verify with a one-time code or in person at a post office.",
  questionsLockedNow:
    "Too many failed answers for this account in 24 hours. Verify with a one-time code, or the caller verifies in person at a post office.",
  codeWrong: "The code does not match. The caller is not verified.",
  codeTriesUsed: "No tries are left on this code. Send a new code.",
  codeExpired: "The code has expired. Send a new code.",
  questionsHaveNoCode: "Questions have no code to send.",
  noMoreCodes: "No more codes can be sent for this verification. Start a new one.",
  resendTooSoon: "A new code can be sent 60 seconds after the last one.",
  accountGone: "The account is gone.",
  codesLocked:
    "Too many wrong codes for this account in 24 hours: codes are locked. Verify with the security questions, or the caller verifies in person at a post office.",
  /** A per-account daily cap reached: nothing was sent; `retryAfter` in seconds. */
  codeCapReached: (limit: number, retryAfter: number) =>
    `${counted(limit, "code has", "codes have")} been sent to this account in 24 hours, the most allowed; no code was sent. ` +
    `Verify with the security questions, or send a code in ${waitWords(retryAfter)}.`,
  temporaryPasswordCapReached: (limit: number, retryAfter: number) =>
    `${counted(limit, "temporary password has", "temporary passwords have")} been sent for this account in 24 hours, the most allowed; ` +
    `nothing was sent or changed. Another can be sent in ${waitWords(retryAfter)}.`,
  usernameReminderCapReached: (limit: number, retryAfter: number) =>
    `${counted(limit, "username reminder has", "username reminders have")} been sent for this account in 24 hours, the most allowed; ` +
    `nothing was sent. Read the username to the verified caller, or send another in ${waitWords(retryAfter)}.`,

  noPhone: "The account has no phone number.",
  phoneNotVerified: "The account's phone number is not verified; nothing can be sent to it.",
  noEmail: "The account has no email address.",
  emailNotVerified: "The account's email address is not verified; nothing can be sent to it.",
  /** `otherwise` says what the agent can do instead. */
  deliveryFailed: (
    channel: Channel,
    masked: string,
    otherwise = "Try again, or use another way to verify the caller.",
  ) => `The ${channelName(channel)} to ${masked} could not be sent. ${otherwise}`,
  temporaryPasswordNotSent: "Nothing was changed. Try again, or send it to the other verified channel.",
  usernameReminderNotSent: "Try again later, or read the username to the verified caller.",

  /** An action whose policy level the window's evidence does not reach. */
  evidenceShort: (action: PolicyAction, required: PolicyLevel, evidence: readonly Evidence[]) =>
    `${POLICY_ACTION_WORDS[action]} needs ${POLICY_LEVEL_WORDS[required]}; the window has ${listEvidence(evidence)}. ` +
    `Also verify with ${listEvidence(evidenceToAdd(required, evidence), "or")}.`,
  verifyFirst: "Verify the caller first: recovery actions need an open verified window.",
  otherCase: (windowCase: string, caseRef: string) =>
    `The caller was verified for case ${windowCase}, not ${caseRef}. Verify the caller again to act on another case.`,
  nothingCanChange: (status: string) => `The account is ${status}; nothing can be changed on it.`,
  /** Every recovery action on an account its owner reported, except a supervisor lifting the lock. */
  frozenByOwner: "The account is frozen on the owner's report; a supervisor must lift it first.",
  reportedLockNeedsRole: (role: Role) =>
    `The account is frozen on the owner's report: only a ${role} can lift it (this needs the ${role} role or higher).`,
  /** The lock an owner asked for lifts only on evidence of `required`; the window has less. */
  reportedLockNeedsMore: (required: PolicyLevel, evidence: readonly Evidence[]) =>
    `Lifting a lock the owner asked for needs ${POLICY_LEVEL_WORDS[required]}; the window has ${listEvidence(evidence)}. ` +
    `Also verify with ${listEvidence(evidenceToAdd(required, evidence), "or")}.`,
  /** The same answer for a report link that never existed, was used or has expired. */
  reportLinkUnusable: "This report link does not work: it may have been used already, or it has expired.",
  tooManyReports: "Too many reports from this address. Try again later.",

  inPendingMerge: "One of these accounts is already in a merge waiting for approval.",
  notAtSurvivorAddress: (username: string) =>
    `The account ${username} is not at the survivor's address; only duplicates at one address can be merged.`,
  ownMergeProposal: "Another supervisor must decide on a merge you proposed.",
  mergeAlready: (status: string) => `The merge is already ${status.replace("_", " ")}.`,
  undoOnlyCompleted: (status: string) =>
    `Only a completed merge can be undone; this one is ${status.replace("_", " ")}.`,
  undoTooLate: (deadline: Date) =>
    `A merge can be undone for 30 days; this one could be undone until ${deadline.toISOString().slice(0, 10)}.`,

  alertAcknowledgedAlready: (by: string, at: Date) =>
    `This alert was already acknowledged by ${by} at ${at.toISOString().slice(0, 16).replace("T", " ")} UTC.`,

  staffNameTaken: (username: string) => `A staff member named ${username} already exists.`,
  notYourself: "You cannot disable or demote yourself; ask another admin.",
  lastActiveAdmin: "This is the last active admin.",
  keyRevoked: "The API key is already revoked.",

  unknownActor: (actor: string) =>
    `No staff member or API key "${actor}": give a staff username, or a staff or API key id.`,
  unknownAccount: (account: string) => `No account "${account}": give an account's username or id.`,
} as const;

/** The messages the API sends to an account holder. */
export const MESSAGES = {
  code: (code: string) => ({
    subject: "Your verification code",
    text: `Your USPS account verification code is ${code}. It expires in 10 minutes. Read it only to the agent on your call; USPS will never ask for it any other way.`,
  }),
  temporaryPassword: (password: string) => ({
    subject: "Your temporary password",
    text: `Your temporary USPS password is ${password} . It works for 24 hours; when you sign in you will choose a new password.`,
  }),
  usernameReminder: (username: string) => ({
    subject: "Your USPS username",
    text: `The username of your USPS online account is ${username}.`,
  }),
} as const;

/** The reasons the API writes on the audit events of its own decisions. */
export const AUDIT_REASONS = {
  failedLogins: (failures: number) => `${failures} failed logins within 15 minutes`,
  temporaryLockEnded: "The temporary lock ended.",
  inactive: (days: number) => `No activity for ${days} days`,
  /** Why a merge involving an account its owner reported was rejected. */
  reportedByOwner: "The account's owner reported a recovery they did not ask for.",
} as const;

/** The API's own actors on audit events: the policies that lock and deactivate accounts, and the owner's report. */
export const SYSTEM_ACTORS = {
  lockoutPolicy: { type: "system", id: null, name: "lockout policy" },
  inactivitySweep: { type: "system", id: null, name: "inactivity sweep" },
  ownerReport: { type: "system", id: null, name: "account owner's report" },
} as const;

/**
 * An account's risk: a level and the signals behind it, each with a reason an agent can read out
 * to a supervisor. Pure rules over facts the API gathers in one statement.
 */

export const RISK_LEVELS = ["low", "elevated", "high"] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const RISK_SIGNALS = [
  "recent_recovery",
  "reported_by_owner",
  "verification_failures",
  "code_send_velocity",
  "contact_recently_changed",
  "sim_swap",
] as const;
export type RiskSignalCode = (typeof RISK_SIGNALS)[number];

export interface RiskSignal {
  code: RiskSignalCode;
  level: RiskLevel;
  /** One sentence an agent can read aloud. */
  reason: string;
  /** When the signal began (the event behind it); null when not known. */
  since: Date | null;
  /** What the signal changes for the desk, if anything beyond the level. */
  effect: string | null;
}

export interface Risk {
  level: RiskLevel;
  signals: RiskSignal[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The thresholds of the risk signals, in one place. */
export const RISK_POLICY = {
  /** A desk recovery action this recent: elevated. */
  recentRecoveryMs: 7 * DAY,
  /** An owner's report this recent (or an account still frozen on one): high. */
  ownerReportMs: 30 * DAY,
  /** Failed verification attempts (all agents) are counted over this long… */
  failureWindowMs: 24 * HOUR,
  /** …this many or more: high (fewer, but at least one: elevated). */
  failuresHigh: 3,
  /** Codes sent are counted over this long… */
  codeWindowMs: 24 * HOUR,
  /** …this many or more: elevated. */
  codesElevated: 3,
  /** The email or phone on file changed this recently: elevated… */
  contactElevatedMs: 30 * DAY,
  /** …this recently: high. */
  contactHighMs: 72 * HOUR,
  /** The carrier reports a SIM change this recently: high. */
  simSwapMs: 7 * DAY,
} as const;
export type RiskPolicy = { [K in keyof typeof RISK_POLICY]: number };

/** The audit actions that count as a desk recovery (done by staff). */
export const DESK_RECOVERY_ACTIONS = [
  "account.unlocked",
  "account.reactivated",
  "account.temporary_password_issued",
  "account.username_reminder_sent",
] as const;

/**
 * What the carrier says of the phone on file: not asked (no carrier check configured, or no
 * phone), asked without an answer, or the date of the latest SIM change (null: none known).
 */
export type SimSwapFact =
  | { status: "not_checked" }
  | { status: "unknown" }
  | { status: "known"; latestSimChange: Date | null };

/** The facts the rules need, gathered by the API in the account's read. */
export interface RiskFacts {
  /** The latest desk recovery action and when it was done. */
  lastRecovery: { action: string; at: Date } | null;
  /** The latest owner's report ("this wasn't me"). */
  reportedAt: Date | null;
  /** The account is frozen on an owner's report right now. */
  frozenOnReport: boolean;
  /** Failed verification attempts within `failureWindowMs`, across all agents, and the first one's time. */
  verificationFailures: { count: number; firstAt: Date | null };
  /** One-time codes sent within `codeWindowMs`, and the first one's time. */
  codesSent: { count: number; firstAt: Date | null };
  emailChangedAt: Date | null;
  phoneChangedAt: Date | null;
  simSwap: SimSwapFact;
}

export const NO_RISK_FACTS: RiskFacts = {
  lastRecovery: null,
  reportedAt: null,
  frozenOnReport: false,
  verificationFailures: { count: 0, firstAt: null },
  codesSent: { count: 0, firstAt: null },
  emailChangedAt: null,
  phoneChangedAt: null,
  simSwap: { status: "not_checked" },
};

/** What each level changes at the desk, for the console and the README. */
export const RISK_LEVEL_EFFECTS: Record<RiskLevel, string> = {
  low: "Nothing is held.",
  elevated: "Take care: confirm the caller's story before any recovery action.",
  high: "Take great care: verify the caller by a code and ask a supervisor before any recovery action.",
};

const RECOVERY_WORDS: Record<string, string> = {
  "account.unlocked": "the account was unlocked",
  "account.reactivated": "the account was reactivated",
  "account.temporary_password_issued": "a temporary password was issued",
  "account.username_reminder_sent": "a username reminder was sent",
};

const ORDER: Record<RiskLevel, number> = { low: 0, elevated: 1, high: 2 };

/** The higher of two levels. */
export function maxRiskLevel(a: RiskLevel, b: RiskLevel): RiskLevel {
  return ORDER[a] >= ORDER[b] ? a : b;
}

/** "just now", "40 minutes ago", "5 hours ago", "yesterday", "3 days ago". */
export function timeAgo(at: Date, now: Date): string {
  const ms = Math.max(0, now.getTime() - at.getTime());
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return minutes === 1 ? "a minute ago" : `${minutes} minutes ago`;
  const hours = Math.floor(ms / HOUR);
  if (hours < 24) return hours === 1 ? "an hour ago" : `${hours} hours ago`;
  const days = Math.floor(ms / DAY);
  return days === 1 ? "yesterday" : `${days} days ago`;
}

const within = (at: Date | null, windowMs: number, now: Date): at is Date =>
  at !== null && now.getTime() - at.getTime() < windowMs;

/** The one function that turns an account's facts into its risk level and signals, highest first. */
export function computeRisk(facts: RiskFacts, now: Date, policy: RiskPolicy = RISK_POLICY): Risk {
  const signals: RiskSignal[] = [];
  const add = (signal: RiskSignal) => signals.push(signal);

  if (facts.frozenOnReport || within(facts.reportedAt, policy.ownerReportMs, now)) {
    add({
      code: "reported_by_owner",
      level: "high",
      reason: facts.reportedAt
        ? `The owner reported a recovery they did not ask for ${timeAgo(facts.reportedAt, now)}.`
        : "The account is frozen on the owner's report of a recovery they did not ask for.",
      since: facts.reportedAt,
      effect: facts.frozenOnReport ? "The account stays frozen until a supervisor lifts the hold." : null,
    });
  }

  const sim = facts.simSwap;
  if (sim.status === "known" && within(sim.latestSimChange, policy.simSwapMs, now)) {
    add({
      code: "sim_swap",
      level: "high",
      reason: `The carrier reports a new SIM on the phone on file ${timeAgo(sim.latestSimChange, now)}.`,
      since: sim.latestSimChange,
      effect: "SMS codes and SMS temporary passwords are off for this account.",
    });
  } else if (sim.status === "unknown") {
    add({
      code: "sim_swap",
      level: "low",
      reason: "The carrier did not answer whether the SIM on the phone on file changed recently: unknown.",
      since: null,
      effect: "Nothing is held for this; SMS stays available.",
    });
  }

  const contact = contactSignal(facts, now, policy);
  if (contact) add(contact);

  const failures = facts.verificationFailures;
  if (failures.count > 0) {
    add({
      code: "verification_failures",
      level: failures.count >= policy.failuresHigh ? "high" : "elevated",
      reason: `${failures.count === 1 ? "1 failed verification attempt" : `${failures.count} failed verification attempts`} in the last ${hoursWord(policy.failureWindowMs)}, across all agents.`,
      since: failures.firstAt,
      effect: null,
    });
  }

  const codes = facts.codesSent;
  if (codes.count >= policy.codesElevated) {
    add({
      code: "code_send_velocity",
      level: "elevated",
      reason: `${codes.count} one-time codes were sent in the last ${hoursWord(policy.codeWindowMs)}.`,
      since: codes.firstAt,
      effect: null,
    });
  }

  const recovery = facts.lastRecovery;
  if (recovery && within(recovery.at, policy.recentRecoveryMs, now)) {
    const what = RECOVERY_WORDS[recovery.action] ?? "a recovery action was done";
    add({
      code: "recent_recovery",
      level: "elevated",
      reason: `The desk recovered this account ${timeAgo(recovery.at, now)}: ${what}.`,
      since: recovery.at,
      effect: null,
    });
  }

  signals.sort((a, b) => ORDER[b.level] - ORDER[a.level]);
  const level = signals.reduce<RiskLevel>((top, s) => maxRiskLevel(top, s.level), "low");
  return { level, signals };
}

function contactSignal(facts: RiskFacts, now: Date, policy: RiskPolicy): RiskSignal | null {
  const changes = [
    { what: "phone number", at: facts.phoneChangedAt },
    { what: "email address", at: facts.emailChangedAt },
  ]
    .filter((c): c is { what: string; at: Date } => within(c.at, policy.contactElevatedMs, now))
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  const latest = changes[0];
  if (!latest) return null;
  const said = changes.map((c) => `the ${c.what} on file changed ${timeAgo(c.at, now)}`).join("; ");
  return {
    code: "contact_recently_changed",
    level: within(latest.at, policy.contactHighMs, now) ? "high" : "elevated",
    reason: `${said.charAt(0).toUpperCase()}${said.slice(1)}.`,
    since: latest.at,
    effect: null,
  };
}

function hoursWord(ms: number): string {
  const hours = Math.round(ms / HOUR);
  return hours === 1 ? "hour" : `${hours} hours`;
}

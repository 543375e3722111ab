import type { Logger } from "pino";
import type { Database } from "./db/client.ts";
import type { RecoveryPolicy } from "./features/policy/policy.ts";
import type { AccountCaps } from "./lib/account-caps.ts";
import type { Clock } from "./lib/clock.ts";
import type { Notifier } from "./notify/notifier.ts";

/** Settings the app reads; built from the environment by the server and set directly by tests. */
export interface AppConfig {
  /** Demo mode: the demo world and the outbox page exist. */
  demo: boolean;
  /** `auto`: Secure cookies when the request came over https. */
  cookieSecure: "auto" | "true" | "false";
  /** Origins besides the API's own that may send state-changing requests with a cookie. */
  allowedOrigins: string[];
  /**
   * Staff sign-in limits: failures per username and per client address in `windowMs` (failures per
   * address 0: no limit), and attempts a minute across all usernames (0: no ceiling).
   */
  login: { maxFailures: number; windowMs: number; maxFailuresPerAddress: number; maxAttemptsPerMinute: number };
  session: { idleMs: number; absoluteMs: number };
  /** Requests a minute per staff member (all their sessions together) and per API key. */
  rateLimits: { perStaffPerMinute: number; perKeyPerMinute: number };
  /** Accounts with no activity for this many days are deactivated by the sweep. */
  inactiveDays: number;
  /** Where customers reach the console's public pages (the report link in notices), without a trailing slash. */
  publicUrl: string;
  /** The built console to serve at `/`; none in API-only tests. */
  consoleDist: string | null;
  /** The bearer token `GET /metrics` asks for; open to any caller without one. */
  metricsToken?: string;
  /** The evidence each recovery action requires; without it, the `default` preset. */
  recoveryPolicy?: RecoveryPolicy;
  /** Owners' reports (`POST /api/v1/reports`) from one client address in `windowMs` (0: no limit); without it, 10 an hour. */
  reportLimit?: { perAddress: number; windowMs: number };
  /** Per-account caps a day; without it, 5 codes, 10 wrong codes, 2 temporary passwords and 3 username reminders. */
  accountCaps?: AccountCaps;
  /** An agent's recovery actions and failed verifications in an hour past which supervisors get an alert; without it, 20 and 10. */
  alertThresholds?: { recoveryActionsPerHour: number; failedVerificationsPerHour: number };
}

/** Everything the app is built from. The server passes real ones, tests pass their own. */
export interface AppDeps {
  database: Database;
  clock: Clock;
  logger: Logger;
  config: AppConfig;
  /** Sends customer messages (one-time codes, temporary passwords, reminders, notices). */
  notifier: Notifier;
  /** Told after a transaction that queued notices commits; the server wakes its notice deliverer. */
  noticesQueued?: () => void;
  /** Makes the one-time codes sent to customers; without it, 6 digits from a cryptographic source. */
  oneTimeCode?: () => string;
}

export const DEFAULT_CONFIG: AppConfig = {
  demo: true,
  cookieSecure: "auto",
  allowedOrigins: [],
  login: { maxFailures: 5, windowMs: 15 * 60_000, maxFailuresPerAddress: 20, maxAttemptsPerMinute: 300 },
  session: { idleMs: 30 * 60_000, absoluteMs: 12 * 60 * 60_000 },
  rateLimits: { perStaffPerMinute: 600, perKeyPerMinute: 1200 },
  inactiveDays: 3 * 365,
  consoleDist: null,
  publicUrl: "http://localhost:3000",
};

import { PROBLEM_DETAILS } from "@recovery-desk/shared";
import type { Database } from "../db/client.ts";
import { ApiError } from "../http/errors.ts";
import { DAY } from "./clock.ts";
import { countHitWithin, refundHit } from "./rate-limit.ts";

/**
 * Per-account caps a day, across all agents: one-time codes sent (any channel), wrong codes
 * (across verifications; reaching it locks the code route for 24 hours), temporary passwords and
 * username reminders sent.
 */
export interface AccountCaps {
  codesPerDay: number;
  wrongCodesPerDay: number;
  temporaryPasswordsPerDay: number;
  usernameRemindersPerDay: number;
}

export const DEFAULT_ACCOUNT_CAPS: AccountCaps = {
  codesPerDay: 5,
  wrongCodesPerDay: 10,
  temporaryPasswordsPerDay: 2,
  usernameRemindersPerDay: 3,
};

/**
 * The window of the message caps: it starts with the first message counted and lasts 24 hours,
 * like the other counters (`rate_limit_counters`).
 */
export const ACCOUNT_CAP_WINDOW_MS = DAY;

/** The messages a cap counts. */
export type CappedMessage = "code" | "temporary_password" | "username_reminder";

const CAPS: Record<
  CappedMessage,
  { key: string; limit: (caps: AccountCaps) => number; detail: typeof PROBLEM_DETAILS.codeCapReached }
> = {
  code: { key: "cap:codes:", limit: (c) => c.codesPerDay, detail: PROBLEM_DETAILS.codeCapReached },
  temporary_password: {
    key: "cap:temporary-passwords:",
    limit: (c) => c.temporaryPasswordsPerDay,
    detail: PROBLEM_DETAILS.temporaryPasswordCapReached,
  },
  username_reminder: {
    key: "cap:username-reminders:",
    limit: (c) => c.usernameRemindersPerDay,
    detail: PROBLEM_DETAILS.usernameReminderCapReached,
  },
};

/** The part of the app's settings the caps read (the app's deps fit it). */
interface CapSettings {
  config: { accountCaps?: AccountCaps | undefined };
}

export function accountCaps(deps: CapSettings): AccountCaps {
  return deps.config.accountCaps ?? DEFAULT_ACCOUNT_CAPS;
}

/** The counter key of `message` for an account. */
export function capKey(message: CappedMessage, accountId: string): string {
  return `${CAPS[message].key}${accountId}`;
}

/**
 * Counts one `message` against the account's cap, then sends it. The count and the check are one
 * atomic statement, so however many requests arrive at once, no more than the cap are sent in a
 * window. Over the cap: 429 `rate_limited` with `Retry-After`, nothing sent and nothing counted. A
 * message that could not be sent gives its count back.
 */
export async function sendUnderCap<T>(
  deps: CapSettings & { database: Database },
  message: CappedMessage,
  accountId: string,
  now: Date,
  send: () => Promise<T>,
): Promise<T> {
  const { db } = deps.database;
  const cap = CAPS[message];
  const limit = cap.limit(accountCaps(deps));
  const key = capKey(message, accountId);
  const counted = await countHitWithin(db, key, now, ACCOUNT_CAP_WINDOW_MS, limit);
  if (!counted.admitted) {
    throw new ApiError("rate_limited", cap.detail(limit, counted.retryAfter), { retryAfter: counted.retryAfter });
  }
  try {
    return await send();
  } catch (error) {
    await refundHit(db, key, counted.hit.windowStartedAt);
    throw error;
  }
}

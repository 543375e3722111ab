import { PROBLEM_DETAILS } from "@recovery-desk/shared";
import { eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { rateLimitCounters } from "../../db/schema/index.ts";
import type { AppDeps } from "../../deps.ts";
import { ApiError } from "../../http/errors.ts";
import { countHitWithin, refundHit, resetCount } from "../../lib/rate-limit.ts";

/** Sign-in attempts across all usernames are counted per minute. */
export const CEILING_WINDOW_MS = 60_000;
/** Counts the sign-in attempts that reach a password check, like the other request counters (`rate:…`). */
export const CEILING_KEY = "rate:sign-in";

/** The counter of a username's sign-in attempts since its last success, in any letter case. */
export const usernameKey = (username: string) => `login:${username.toLowerCase()}`;
/** The counter of failed sign-ins from one client address. */
export const addressKey = (address: string) => `login-address:${address}`;

/**
 * The address a sign-in is counted under: an IPv4 address as it is (also when written as an
 * IPv4-mapped IPv6 address), an IPv6 address by its /64, which one household or server usually holds.
 */
export function countedAddress(ip: string): string {
  const bare = ip.split("%")[0] ?? ip;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(bare);
  if (mapped?.[1]) return mapped[1];
  if (!bare.includes(":")) return bare;
  const groups = (part: string) =>
    part
      ? part.split(":").flatMap((g) => {
          const quad = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(g);
          if (!quad) return [g];
          const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
          return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
        })
      : [];
  const [head = "", tail] = bare.split("::");
  const front = groups(head);
  const back = tail === undefined ? [] : groups(tail);
  const all =
    tail === undefined ? front : [...front, ...Array(Math.max(0, 8 - front.length - back.length)).fill("0"), ...back];
  return `${all
    .slice(0, 4)
    .map((g) => Number.parseInt(g || "0", 16).toString(16))
    .join(":")}::/64`;
}

/** One attempt counted under a key, in the window that started at `windowStartedAt`. */
interface Hit {
  key: string;
  windowStartedAt: Date;
}

/** What an admitted attempt counted, to be settled when its password check is done. */
export interface SignInTicket {
  usernameKey: string;
  address: Hit | null;
}

/**
 * Counts a sign-in attempt before its password is checked, and refuses it with 429 `rate_limited`
 * when it is one too many:
 * - past the failures allowed from the client's address in the window;
 * - past the failures allowed for the username in the window, counted since its last success;
 * - past the ceiling on attempts a minute across all usernames.
 * Each count is one atomic statement that adds the attempt only while under the limit, so however
 * many requests arrive at once, no more than the limit reach the password check. An attempt refused
 * by one limit is taken back from the counts it was already added to: no password was checked. So
 * the ceiling counts only attempts that reach a check, and one client sending attempts at a username
 * it has locked cannot raise it and block everyone else's sign-in.
 */
export async function admitSignIn(deps: AppDeps, username: string, ip: string | null): Promise<SignInTicket> {
  const { db } = deps.database;
  const { maxFailures, windowMs, maxFailuresPerAddress, maxAttemptsPerMinute } = deps.config.login;
  const now = deps.clock.now();
  const counted: Hit[] = [];
  const giveBack = () => Promise.all(counted.map((hit) => refundHit(db, hit.key, hit.windowStartedAt)));

  let address: Hit | null = null;
  if (ip && maxFailuresPerAddress > 0) {
    const key = addressKey(countedAddress(ip));
    const hit = await countHitWithin(db, key, now, windowMs, maxFailuresPerAddress);
    if (!hit.admitted) {
      throw new ApiError("rate_limited", "Too many failed sign-ins from this address. Try again later.", {
        retryAfter: hit.retryAfter,
      });
    }
    address = { key, windowStartedAt: hit.hit.windowStartedAt };
    counted.push(address);
  }

  const key = usernameKey(username);
  const forUsername = await countHitWithin(db, key, now, windowMs, maxFailures);
  if (!forUsername.admitted) {
    await giveBack();
    throw new ApiError("rate_limited", PROBLEM_DETAILS.tooManyFailedSignIns, {
      retryAfter: forUsername.retryAfter,
    });
  }
  counted.push({ key, windowStartedAt: forUsername.hit.windowStartedAt });

  if (maxAttemptsPerMinute > 0) {
    const all = await countHitWithin(db, CEILING_KEY, now, CEILING_WINDOW_MS, maxAttemptsPerMinute);
    if (!all.admitted) {
      await giveBack();
      throw new ApiError("rate_limited", "Too many sign-in attempts right now. Try again in a minute.", {
        retryAfter: all.retryAfter,
      });
    }
  }
  return { usernameKey: key, address };
}

/**
 * A right password: the username's count starts again, and this attempt is taken back from its
 * address (only this one, so signing in to one's own account does not wipe out failures tried
 * from the same address against others).
 */
export async function signInSucceeded(tx: Executor, ticket: SignInTicket): Promise<void> {
  await resetCount(tx, ticket.usernameKey);
  if (ticket.address) await refundHit(tx, ticket.address.key, ticket.address.windowStartedAt);
}

/** When sign-in stops being refused for each of these usernames, for those refused now. */
export async function signInLimitedUntil(deps: AppDeps, usernames: string[]): Promise<Map<string, Date>> {
  const { maxFailures, windowMs } = deps.config.login;
  const now = deps.clock.now().getTime();
  const limited = new Map<string, Date>();
  if (usernames.length === 0) return limited;
  const rows = await deps.database.db
    .select()
    .from(rateLimitCounters)
    .where(inArray(rateLimitCounters.key, usernames.map(usernameKey)));
  const byKey = new Map(rows.map((row) => [row.key, row]));
  for (const username of usernames) {
    const row = byKey.get(usernameKey(username));
    if (!row || row.count < maxFailures) continue;
    const until = row.windowStartedAt.getTime() + windowMs;
    if (until > now) limited.set(username, new Date(until));
  }
  return limited;
}

/** Lets a username sign in again at once (an admin's action for someone locked out by others' guesses). */
export async function clearSignInLimit(tx: Executor, username: string): Promise<boolean> {
  const gone = await tx
    .delete(rateLimitCounters)
    .where(eq(rateLimitCounters.key, usernameKey(username)))
    .returning({ key: rateLimitCounters.key });
  return gone.length > 0;
}

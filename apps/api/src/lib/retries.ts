import type { Logger } from "pino";
import { safeError } from "./safe-error.ts";

/**
 * How a queue of outgoing messages (webhook deliveries, notices) is sent and retried. Each
 * sender claims due items with `FOR UPDATE SKIP LOCKED` and moves their next attempt to the end of
 * a lease in one short statement, so several API processes share the queue without sending one
 * twice, no transaction stays open while the other side answers, and an item whose sender died is
 * taken up again when its lease ends. The server uses the defaults, tests shorten them.
 */
export interface RetryOptions {
  /** Items claimed and sent at once by one pass. */
  batch: number;
  /** How long the other side has to answer. */
  timeoutMs: number;
  /** Attempts before an item is `failed`. */
  maxAttempts: number;
  /** The wait before the second attempt; it doubles each time, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A number in [0, 1) for the jitter. */
  random: () => number;
}

/**
 * The wait before attempt `attempt + 1`: `baseDelayMs · 2^(attempt-1)`, capped, with "equal
 * jitter" (half fixed, half random) so items that failed together are not retried together.
 */
export function retryDelayMs(attempt: number, options: RetryOptions): number {
  const full = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(full / 2 + options.random() * (full / 2));
}

/** Until when a claimed item is its sender's: past the send's timeout, with a minute to record the outcome. */
export function leaseEnd(now: Date, options: RetryOptions): Date {
  return new Date(now.getTime() + options.timeoutMs + 60_000);
}

/** What becomes of an item after attempt number `attempt` (counting from 1). */
export function afterAttempt(
  attempt: number,
  succeeded: boolean,
  now: Date,
  options: RetryOptions,
): { outcome: "done" } | { outcome: "retry"; next: Date } | { outcome: "failed" } {
  if (succeeded) return { outcome: "done" };
  if (attempt >= options.maxAttempts) return { outcome: "failed" };
  return { outcome: "retry", next: new Date(now.getTime() + retryDelayMs(attempt, options)) };
}

/**
 * Runs `pass` every `intervalMs`, and at once when woken, never two at once in one process (a wake
 * during a pass runs one more pass after it). Returns the timer, for the server to stop, and `wake`.
 */
export function startPolling(
  pass: () => Promise<unknown>,
  intervalMs: number,
  logger: Logger,
  failure: string,
): { timer: NodeJS.Timeout; wake: () => void } {
  let running = false;
  let again = false;
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    again = false;
    pass()
      .catch((error) => logger.warn({ err: safeError(error) }, failure))
      .finally(() => {
        running = false;
        if (again) run();
      });
  };
  return { timer: setInterval(run, intervalMs), wake: run };
}

import { useLayoutEffect, useState } from "react";

/**
 * The current time in milliseconds, updated every `intervalMs` while the component is shown.
 * A new `restartKey` (e.g. a new deadline) reads the clock again at once, before the screen is
 * painted, so a fresh countdown never starts a second off.
 */
export function useNow(intervalMs = 1_000, restartKey?: unknown): number {
  const [now, setNow] = useState(() => Date.now());
  // biome-ignore lint/correctness/useExhaustiveDependencies: restartKey only says when to read the clock again
  useLayoutEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, restartKey]);
  return now;
}

/** Whole seconds from `now` until `iso` (0 once it has passed, or when there is no time). */
export function secondsUntil(iso: string | null | undefined, now: number): number {
  if (!iso) return 0;
  return Math.max(0, Math.ceil((Date.parse(iso) - now) / 1_000));
}

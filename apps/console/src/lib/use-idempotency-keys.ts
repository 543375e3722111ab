import { useMemo, useRef } from "react";
import { isApiProblem } from "../api/problem.ts";
import { newIdempotencyKey } from "./idempotency-key.ts";

/**
 * True when the answer says for certain what happened. A lost connection or a server fault leaves it
 * open: the API may have acted before the answer was lost.
 */
export function outcomeKnown(error: unknown): boolean {
  if (!isApiProblem(error)) return false;
  return error.code !== "network_error" && error.code !== "bad_response" && error.status < 500;
}

/**
 * One Idempotency-Key per thing the agent asks for. Asking again for exactly the same thing after an
 * answer that never came reuses the key, so the API replays its first answer instead of acting
 * twice; a new request, or one after a clear answer, gets a fresh key.
 */
export function useIdempotencyKeys() {
  const open = useRef<{ fingerprint: string; key: string } | null>(null);
  return useMemo(
    () => ({
      keyFor(fingerprint: string): string {
        if (open.current?.fingerprint === fingerprint) return open.current.key;
        const key = newIdempotencyKey();
        open.current = { fingerprint, key };
        return key;
      },
      /** The request got its answer: once the outcome is known, the next request gets a new key. */
      settle(fingerprint: string, known: boolean): void {
        if (known && open.current?.fingerprint === fingerprint) open.current = null;
      },
    }),
    [],
  );
}

import { useCallback, useEffect, useRef } from "react";

/**
 * Calls `callback` once the agent has stopped typing for `delayMs`. `flush` runs the waiting call
 * at once (e.g. on Enter) and says whether there was one; `cancel` drops it.
 */
export function useDebouncedCallback<Args extends unknown[]>(callback: (...args: Args) => void, delayMs: number) {
  const callbackRef = useRef(callback);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pendingArgsRef = useRef<Args | null>(null);

  useEffect(() => {
    callbackRef.current = callback;
  });

  const cancel = useCallback(() => {
    if (timerRef.current) clearTimeout(timerRef.current);
    timerRef.current = null;
    pendingArgsRef.current = null;
  }, []);

  const flush = useCallback((): boolean => {
    const args = pendingArgsRef.current;
    cancel();
    if (!args) return false;
    callbackRef.current(...args);
    return true;
  }, [cancel]);

  const run = useCallback(
    (...args: Args) => {
      if (timerRef.current) clearTimeout(timerRef.current);
      pendingArgsRef.current = args;
      timerRef.current = setTimeout(flush, delayMs);
    },
    [delayMs, flush],
  );

  useEffect(() => cancel, [cancel]);

  return { run, flush, cancel };
}

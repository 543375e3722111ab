import { useCallback, useEffect, useRef, useState } from "react";

type FocusTarget = () => HTMLElement | null | undefined;

/**
 * Moves keyboard focus once the screen has caught up with a change, e.g. to the first answer box
 * after a failed attempt cleared the form, or to a button that only exists after the next render.
 */
export function useFocusAfterRender(): (target: FocusTarget) => void {
  const pending = useRef<FocusTarget | null>(null);
  const [request, setRequest] = useState(0);

  useEffect(() => {
    if (request === 0) return;
    const target = pending.current;
    pending.current = null;
    target?.()?.focus();
  }, [request]);

  return useCallback((target: FocusTarget) => {
    pending.current = target;
    setRequest((n) => n + 1);
  }, []);
}

import { useEffect, useRef } from "react";
import { formatClock, formatTime } from "../../lib/format.ts";
import { secondsUntil, useNow } from "../../lib/use-now.ts";
import { verifiedBy } from "../../lib/verification-words.ts";
import { CheckIcon } from "../../ui/icons.tsx";
import type { VerifiedWindow } from "./verification-steps.ts";

type VerifiedBannerProps = {
  window: VerifiedWindow;
  /** Take the keyboard when the caller has just been verified (not when the page opens mid-window). */
  takeFocus: boolean;
  /** Called once, when the window closes. */
  onEnd: () => void;
};

/**
 * The result of the call script: how the caller was verified, on which case, and a live countdown
 * to the end of the window. The countdown is a timer, not a live region, so it is never read out
 * every second; the panel announces the result once.
 */
export function VerifiedBanner({ window, takeFocus, onEnd }: VerifiedBannerProps) {
  const banner = useRef<HTMLDivElement>(null);
  const onEndRef = useRef(onEnd);
  const secondsLeft = secondsUntil(window.verifiedUntil, useNow(1_000, window.verifiedUntil));
  const ended = secondsLeft === 0;

  useEffect(() => {
    onEndRef.current = onEnd;
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus only on arrival
  useEffect(() => {
    if (takeFocus) banner.current?.focus();
  }, []);

  useEffect(() => {
    if (ended) onEndRef.current();
  }, [ended]);

  return (
    <div ref={banner} tabIndex={-1} className="verified-banner">
      <CheckIcon className="verified-banner__icon" />
      <div className="stack">
        <p className="verified-banner__title">
          Caller verified {verifiedBy(window.evidence)}
          {window.caseRef ? ` · case ${window.caseRef}` : ""} · window closes in{" "}
          <span role="timer" aria-label="Time left in the verified window" className="countdown">
            {formatClock(secondsLeft)}
          </span>
        </p>
        <p>
          Contact data is shown in full until{" "}
          <time dateTime={window.verifiedUntil}>{formatTime(window.verifiedUntil)}</time>. After that, verify the caller
          again before changing anything.
        </p>
      </div>
    </div>
  );
}

import { type Ref, useId } from "react";
import { secondsUntil, useNow } from "../../lib/use-now.ts";
import { Button } from "../../ui/button.tsx";

type ResendButtonProps = {
  /** When the API allows the next code (60 seconds after the last one). */
  availableAt: string | null;
  busy: boolean;
  onResend: () => void;
  buttonRef: Ref<HTMLButtonElement>;
};

/** "Send a new code", disabled with a visible countdown until the API allows another one. */
export function ResendButton({ availableAt, busy, onResend, buttonRef }: ResendButtonProps) {
  const waitId = useId();
  const secondsLeft = secondsUntil(availableAt, useNow(1_000, availableAt));
  const waiting = secondsLeft > 0;
  return (
    <span className="resend">
      <Button
        ref={buttonRef}
        disabled={waiting}
        busy={busy}
        aria-describedby={waiting ? waitId : undefined}
        onClick={onResend}
      >
        Send a new code
      </Button>
      {waiting ? (
        <span id={waitId} className="resend__wait">
          You can send a new code in <span className="countdown">{secondsLeft}</span> s
        </span>
      ) : null}
    </span>
  );
}

import { CodeRequest, VERIFICATION_POLICY, type Verification, type VerificationSuccess } from "@recovery-desk/shared";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { type ApiProblem, isApiProblem } from "../../api/problem.ts";
import { resendCode, submitCode } from "../../api/verification.ts";
import { formatTime } from "../../lib/format.ts";
import { useFocusAfterRender } from "../../lib/use-focus-after-render.ts";
import { secondsUntil, useNow } from "../../lib/use-now.ts";
import { CODE_ROUTE } from "../../lib/verification-words.ts";
import { AlertRegion } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Field } from "../../ui/field.tsx";
import { Input } from "../../ui/input.tsx";
import { type CodeNotice, CodeNoticeView } from "./code-notice.tsx";
import { ResendButton } from "./resend-button.tsx";

type CodeStepProps = {
  verification: Verification;
  onVerified: (result: VerificationSuccess) => void;
  onRestart: () => void;
  /** Says something politely to screen readers, e.g. that a new code went out. */
  announce: (message: string) => void;
};

/** The caller reads out the 6-digit code that was sent to their verified phone or email. */
export function CodeStep({ verification: started, onVerified, onRestart, announce }: CodeStepProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const resendButton = useRef<HTMLButtonElement>(null);
  const restartButton = useRef<HTMLButtonElement>(null);
  const focusAfterRender = useFocusAfterRender();
  const [verification, setVerification] = useState(started);
  const now = useNow(1_000, verification.codeExpiresAt);
  const [code, setCode] = useState("");
  const [notice, setNotice] = useState<CodeNotice | null>(null);
  const [resent, setResent] = useState(false);
  const route = CODE_ROUTE[verification.method === "otp_email" ? "otp_email" : "otp_sms"];

  useEffect(() => {
    input.current?.focus();
  }, []);

  /** A new code is the next thing to do when it can be sent now; otherwise stay at the code box. */
  const resendOrInput = () =>
    resendButton.current && !resendButton.current.disabled ? resendButton.current : input.current;

  const check = useMutation({
    mutationFn: (value: string) => submitCode(verification.id, value),
    onSuccess: onVerified,
    onError: (error) => {
      setCode("");
      if (isApiProblem(error) && error.code === "verification_failed") {
        const left = error.attemptsRemaining;
        setNotice(
          left === 0
            ? { kind: "dead", detail: "No tries are left on this code. Send a new code." }
            : { kind: "mismatch", attemptsRemaining: left },
        );
        focusAfterRender(left === 0 ? resendOrInput : () => input.current);
      } else if (isApiProblem(error) && error.code === "conflict" && error.attemptsRemaining === 0) {
        setNotice({ kind: "dead", detail: error.detail });
        focusAfterRender(resendOrInput);
      } else if (isApiProblem(error) && (error.code === "conflict" || error.code === "verification_locked")) {
        // `verification_locked`: too many wrong codes for the account; the words point to the questions.
        setNotice({ kind: "ended", detail: error.detail });
        focusAfterRender(() => restartButton.current);
      } else {
        setNotice({ kind: "error", error });
        focusAfterRender(() => input.current);
      }
    },
  });

  const resend = useMutation({
    mutationFn: () => resendCode(verification.id),
    onSuccess: (next) => {
      setVerification(next);
      setResent(true);
      setCode("");
      setNotice(null);
      announce(
        `A new code was sent ${route} to ${next.deliveredTo ?? "the caller"}. The earlier code no longer works.`,
      );
      focusAfterRender(() => input.current);
    },
    onError: (error) => {
      if (isApiProblem(error) && (error.code === "verification_locked" || isDailyCodeLimit(error))) {
        setNotice({ kind: "ended", detail: error.detail });
        focusAfterRender(() => restartButton.current);
      } else if (isApiProblem(error) && error.code === "rate_limited") {
        const availableAt = new Date(Date.now() + (error.retryAfter ?? 60) * 1_000).toISOString();
        setVerification((current) => ({ ...current, resendAvailableAt: availableAt }));
        setNotice({ kind: "wait" });
      } else if (isApiProblem(error) && error.code === "delivery_failed") {
        setNotice({ kind: "delivery", detail: error.detail });
      } else if (isApiProblem(error) && error.code === "conflict") {
        setNotice({ kind: "ended", detail: error.detail });
        focusAfterRender(() => restartButton.current);
      } else {
        setNotice({ kind: "error", error });
      }
    },
  });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (check.isPending) return;
    const parsed = CodeRequest.safeParse({ code });
    if (!parsed.success) {
      setNotice({ kind: "format" });
      input.current?.focus();
      return;
    }
    setNotice(null);
    check.mutate(parsed.data.code);
  }

  const expired = verification.codeExpiresAt !== null && secondsUntil(verification.codeExpiresAt, now) === 0;

  return (
    <form className="stack" onSubmit={handleSubmit} noValidate aria-labelledby={`${id}-intro`}>
      <p id={`${id}-intro`} className="script-line">
        {resent ? "A new code was sent" : "A code was sent"} {route} to{" "}
        <span className="masked">{verification.deliveredTo}</span>. Ask the caller to read it out.
      </p>
      <AlertRegion id={`${id}-problem`}>
        <CodeNoticeView notice={notice} restartButtonRef={restartButton} onRestart={onRestart} />
      </AlertRegion>
      <Field
        label="Code the caller reads out"
        hint={
          expired
            ? "This code has expired. Send a new code."
            : verification.codeExpiresAt
              ? `6 digits. The code works until ${formatTime(verification.codeExpiresAt)}.`
              : "6 digits."
        }
        invalid={notice?.kind === "format"}
        describedBy={[notice && `${id}-problem`]}
      >
        {(control) => (
          <Input
            ref={input}
            {...control}
            className="code-input"
            value={code}
            onChange={(event) => setCode(event.target.value)}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={20}
            spellCheck={false}
          />
        )}
      </Field>
      <div className="cluster">
        <Button type="submit" variant="primary" busy={check.isPending}>
          Check code
        </Button>
        <ResendButton
          availableAt={verification.resendAvailableAt}
          busy={resend.isPending}
          onResend={() => resend.mutate()}
          buttonRef={resendButton}
        />
        <Button onClick={onRestart}>Choose another way</Button>
      </div>
    </form>
  );
}

/** A 429 that waits longer than the minute between codes: the account's codes for the day are used up. */
function isDailyCodeLimit(error: ApiProblem): boolean {
  return error.code === "rate_limited" && (error.retryAfter ?? 0) * 1_000 > VERIFICATION_POLICY.resendAfterMs;
}

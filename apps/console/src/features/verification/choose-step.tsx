import type { AccountDetail, StartVerificationRequest, Verification, VerificationMethod } from "@recovery-desk/shared";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { isApiProblem } from "../../api/problem.ts";
import { startVerification } from "../../api/verification.ts";
import { useFocusAfterRender } from "../../lib/use-focus-after-render.ts";
import { methodChoices } from "../../lib/verification-words.ts";
import { Alert, AlertRegion } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { ProblemNotice } from "../../ui/problem-notice.tsx";
import { checkCaseRef } from "./case-ref.ts";
import { CaseRefField } from "./case-ref-field.tsx";
import { MethodButtons } from "./method-buttons.tsx";

type ChooseStepProps = {
  account: AccountDetail;
  caseRef: string;
  onCaseRefChange: (value: string) => void;
  questionsLockedUntil: string | null;
  /** Put the keyboard on the first method that can be used, e.g. after "Choose another way". */
  takeFocus: boolean;
  onStarted: (verification: Verification) => void;
  onQuestionsLocked: (retryAfterSeconds: number | null) => void;
  /**
   * While a window is open and an action needs more evidence: the line that says so, the methods
   * that add it (the first usable one is the next step), and the window's case, which they go under.
   */
  adding?: { line: string; methods: VerificationMethod[]; caseRef: string | null } | undefined;
  /** The account is held on its owner's report and only a code lets the hold be lifted: offer a code first. */
  codeFirst?: boolean | undefined;
};

/** Why a method could not start: the code was not delivered, the API refused, or something else. */
type StartNotice =
  | { kind: "delivery"; method: VerificationMethod; detail: string }
  | { kind: "refused"; detail: string }
  | { kind: "error"; error: unknown };

/** Step one of the call script: note the case, then pick how the caller proves who they are. */
export function ChooseStep(props: ChooseStepProps) {
  const { account, caseRef, questionsLockedUntil, onStarted, onQuestionsLocked, adding, codeFirst } = props;
  const caseRefInput = useRef<HTMLInputElement>(null);
  const methodGroup = useRef<HTMLFieldSetElement>(null);
  const tryAgainButton = useRef<HTMLButtonElement>(null);
  const focusAfterRender = useFocusAfterRender();
  const [caseRefError, setCaseRefError] = useState<string | null>(null);
  const [notice, setNotice] = useState<StartNotice | null>(null);

  const firstMethod = () => methodGroup.current?.querySelector<HTMLButtonElement>("button:not(:disabled)");

  // Only on arrival: later focus moves follow what the agent did.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once when the step appears
  useEffect(() => {
    if (props.takeFocus) firstMethod()?.focus();
  }, []);

  const start = useMutation({
    mutationFn: (request: StartVerificationRequest) => startVerification(account.id, request),
    onSuccess: onStarted,
    onError: (error, request) => {
      const codeMethod = request.method !== "security_questions";
      if (
        isApiProblem(error) &&
        codeMethod &&
        (error.code === "verification_locked" || error.code === "rate_limited")
      ) {
        // Codes are locked after too many wrong ones, or the account's daily codes are used up:
        // the API's words say so and point to the questions.
        setNotice({ kind: "refused", detail: error.detail });
      } else if (isApiProblem(error) && error.code === "verification_locked") {
        setNotice(null);
        onQuestionsLocked(error.retryAfter);
        focusAfterRender(firstMethod);
      } else if (isApiProblem(error) && error.code === "delivery_failed") {
        setNotice({ kind: "delivery", method: request.method, detail: error.detail });
        focusAfterRender(() => tryAgainButton.current);
      } else if (isApiProblem(error) && error.code === "conflict") {
        setNotice({ kind: "refused", detail: error.detail });
      } else {
        setNotice({ kind: "error", error });
      }
    },
  });

  function choose(method: VerificationMethod) {
    if (start.isPending) return;
    if (adding) {
      setNotice(null);
      start.mutate(adding.caseRef ? { method, caseRef: adding.caseRef } : { method });
      return;
    }
    const checked = checkCaseRef(caseRef);
    if (!checked.ok) {
      setCaseRefError(checked.message);
      caseRefInput.current?.focus();
      return;
    }
    setCaseRefError(null);
    setNotice(null);
    start.mutate(checked.value ? { method, caseRef: checked.value } : { method });
  }

  const all = methodChoices(account, questionsLockedUntil);
  const choices = adding ? all.filter((c) => adding.methods.includes(c.method)) : all;
  const obvious = adding
    ? choices.find((c) => c.available)?.method
    : codeFirst
      ? choices.find((c) => c.available && c.method !== "security_questions")?.method
      : undefined;

  return (
    <div className="stack">
      {adding ? (
        <p className="script-line">{adding.line}</p>
      ) : (
        <>
          <p className="script-line">
            {codeFirst
              ? "The owner reported a recovery they did not ask for. Verify the caller with a code by text message or email: lifting the hold needs one."
              : "Before you change anything on the account, verify that the caller owns it."}
          </p>
          <CaseRefField value={caseRef} onChange={props.onCaseRefChange} error={caseRefError} inputRef={caseRefInput} />
        </>
      )}
      <AlertRegion>
        {notice?.kind === "delivery" ? (
          <Alert tone="danger" title="The code was not sent">
            <p>{notice.detail}</p>
            <div className="cluster">
              <Button ref={tryAgainButton} variant="primary" onClick={() => choose(notice.method)}>
                Try again
              </Button>
            </div>
            <p>Or choose another way below.</p>
          </Alert>
        ) : null}
        {notice?.kind === "refused" ? (
          <Alert tone="danger" title="This way cannot be used">
            <p>{notice.detail}</p>
          </Alert>
        ) : null}
        {notice?.kind === "error" ? <ProblemNotice error={notice.error} title="Verification did not start" /> : null}
      </AlertRegion>
      <MethodButtons
        choices={choices}
        legend={adding ? "Verify the caller also by" : undefined}
        obvious={obvious}
        pendingMethod={start.isPending ? (start.variables?.method ?? null) : null}
        onChoose={choose}
        groupRef={methodGroup}
      />
    </div>
  );
}

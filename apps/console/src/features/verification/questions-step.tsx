import type { AnswersRequest, Verification, VerificationSuccess } from "@recovery-desk/shared";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { isApiProblem } from "../../api/problem.ts";
import { submitAnswers } from "../../api/verification.ts";
import { useFocusAfterRender } from "../../lib/use-focus-after-render.ts";
import { questionAttemptsLeft } from "../../lib/verification-words.ts";
import { Alert, AlertRegion } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Field } from "../../ui/field.tsx";
import { Input } from "../../ui/input.tsx";
import { ProblemNotice } from "../../ui/problem-notice.tsx";

type QuestionsStepProps = {
  verification: Verification;
  onVerified: (result: VerificationSuccess) => void;
  onLocked: (retryAfterSeconds: number | null) => void;
  onRestart: () => void;
};

type QuestionsNotice =
  | { kind: "missing" }
  | { kind: "mismatch"; attemptsRemaining: number | null }
  | { kind: "ended"; detail: string }
  | { kind: "error"; error: unknown };

/**
 * The agent reads each prompt to the caller and types what they say. The API answers only
 * "verified" or "not verified", so a mismatch clears both answers and never hints which one was wrong.
 */
export function QuestionsStep({ verification, onVerified, onLocked, onRestart }: QuestionsStepProps) {
  const id = useId();
  const questions = verification.questions ?? [];
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const restartButton = useRef<HTMLButtonElement>(null);
  const focusAfterRender = useFocusAfterRender();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<string[]>([]);
  const [notice, setNotice] = useState<QuestionsNotice | null>(null);
  const [attemptsLeft, setAttemptsLeft] = useState(verification.attemptsRemaining);

  const inputFor = (questionId: string | undefined) => (questionId ? inputs.current.get(questionId) : undefined);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the first question gets the keyboard once, on arrival
  useEffect(() => {
    inputFor(questions[0]?.id)?.focus();
  }, []);

  const check = useMutation({
    mutationFn: (list: AnswersRequest["answers"]) => submitAnswers(verification.id, list),
    onSuccess: onVerified,
    onError: (error) => {
      if (isApiProblem(error) && error.code === "verification_locked") {
        onLocked(error.retryAfter);
      } else if (isApiProblem(error) && error.code === "verification_failed") {
        setAnswers({});
        setNotice({ kind: "mismatch", attemptsRemaining: error.attemptsRemaining });
        if (error.attemptsRemaining !== null) setAttemptsLeft(error.attemptsRemaining);
        focusAfterRender(() => inputFor(questions[0]?.id));
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
    const empty = questions.filter((q) => !answers[q.id]?.trim()).map((q) => q.id);
    setMissing(empty);
    if (empty.length > 0) {
      setNotice({ kind: "missing" });
      inputFor(empty[0])?.focus();
      return;
    }
    setNotice(null);
    check.mutate(questions.map((q) => ({ questionId: q.id, answer: answers[q.id] ?? "" })));
  }

  return (
    <form className="stack" onSubmit={handleSubmit} noValidate aria-labelledby={`${id}-intro`}>
      <p id={`${id}-intro`} className="script-line">
        Ask the caller each question and type what they say. Both answers must match.
      </p>
      <AlertRegion id={`${id}-problem`}>
        {notice?.kind === "missing" ? (
          <Alert tone="danger">
            <p>Type the caller's answer to each question.</p>
          </Alert>
        ) : null}
        {notice?.kind === "mismatch" ? (
          <Alert tone="danger" title="Not verified">
            <p>
              The answers do not match.
              {notice.attemptsRemaining !== null ? ` ${questionAttemptsLeft(notice.attemptsRemaining)}` : null}
            </p>
          </Alert>
        ) : null}
        {notice?.kind === "ended" ? (
          <Alert tone="danger" title="This verification has ended">
            <p>{notice.detail}</p>
          </Alert>
        ) : null}
        {notice?.kind === "error" ? <ProblemNotice error={notice.error} title="The answers were not checked" /> : null}
      </AlertRegion>
      {questions.map((question, index) => (
        <Field
          key={question.id}
          id={`${id}-q${index}`}
          label={
            <>
              <span className="script-line__cue">Ask:</span> {question.prompt}
            </>
          }
          labelClassName="script-line"
          invalid={missing.includes(question.id)}
          describedBy={[notice && `${id}-problem`]}
        >
          {(control) => (
            <Input
              ref={(element) => {
                if (element) inputs.current.set(question.id, element);
                else inputs.current.delete(question.id);
              }}
              {...control}
              value={answers[question.id] ?? ""}
              onChange={(event) => setAnswers((current) => ({ ...current, [question.id]: event.target.value }))}
              maxLength={200}
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </Field>
      ))}
      <p className="muted">{questionAttemptsLeft(attemptsLeft)}</p>
      <div className="cluster">
        <Button type="submit" variant="primary" busy={check.isPending}>
          Check answers
        </Button>
        <Button ref={restartButton} onClick={onRestart}>
          Choose another way
        </Button>
      </div>
    </form>
  );
}

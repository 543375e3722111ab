import type { ReactNode } from "react";
import { describeProblem, type ProblemMessage } from "../lib/problem-words.ts";
import { Alert } from "./alert.tsx";
import { Button } from "./button.tsx";

type ProblemNoticeProps = {
  /** The failure itself, put in words here; or `problem`, already put in words by the feature. */
  error?: unknown;
  problem?: ProblemMessage;
  title?: ReactNode;
  /** Offers "Try again", which calls this. */
  onRetry?: () => void;
  /** Other buttons or links offered under the message. */
  actions?: ReactNode;
};

/** A failure explained in plain words, with the reference the agent quotes to the support desk. */
export function ProblemNotice({
  error,
  problem,
  title = "Something went wrong",
  onRetry,
  actions,
}: ProblemNoticeProps) {
  const { message, requestId } = problem ?? describeProblem(error);
  return (
    <Alert tone="danger" title={title}>
      <p>{message}</p>
      {requestId ? (
        <p className="muted">
          If it keeps happening, quote reference <code className="reference">{requestId}</code> to the support desk.
        </p>
      ) : null}
      {onRetry || actions ? (
        <div className="cluster">
          {onRetry ? (
            <Button variant="primary" onClick={onRetry}>
              Try again
            </Button>
          ) : null}
          {actions}
        </div>
      ) : null}
    </Alert>
  );
}

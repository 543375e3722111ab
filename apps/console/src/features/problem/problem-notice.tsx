import type { ReactNode } from "react";
import { describeProblem } from "../../lib/problem-words.ts";
import { Alert } from "../../ui/alert.tsx";

type ProblemNoticeProps = {
  error: unknown;
  title?: ReactNode;
  /** Buttons or links offered under the message, e.g. "Try again". */
  actions?: ReactNode;
};

/** A failure explained in plain words, with the reference the agent quotes to the support desk. */
export function ProblemNotice({ error, title = "Something went wrong", actions }: ProblemNoticeProps) {
  const { message, requestId } = describeProblem(error);
  return (
    <Alert tone="danger" title={title}>
      <p>{message}</p>
      {requestId ? (
        <p className="muted">
          If it keeps happening, quote reference <code className="reference">{requestId}</code> to the support desk.
        </p>
      ) : null}
      {actions ? <div className="cluster">{actions}</div> : null}
    </Alert>
  );
}

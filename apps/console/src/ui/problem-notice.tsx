import type { ReactNode } from "react";
import { describeProblem, type ProblemMessage } from "../lib/problem-words.ts";
import { Alert } from "./alert.tsx";

type ProblemNoticeProps = {
  /** The failure itself, put in words here; or `problem`, already put in words by the feature. */
  error?: unknown;
  problem?: ProblemMessage;
  title?: ReactNode;
  /** "brief" for a form that is still in front of the agent: just "Reference …". */
  reference?: "quote" | "brief";
  /** Buttons or links offered under the message, e.g. "Try again". */
  actions?: ReactNode;
};

/** A failure explained in plain words, with the reference the agent quotes to the support desk. */
export function ProblemNotice({
  error,
  problem,
  title = "Something went wrong",
  reference = "quote",
  actions,
}: ProblemNoticeProps) {
  const { message, requestId } = problem ?? describeProblem(error);
  return (
    <Alert tone="danger" title={title}>
      <p>{message}</p>
      {requestId ? <ProblemReference requestId={requestId} wording={reference} /> : null}
      {actions ? <div className="cluster">{actions}</div> : null}
    </Alert>
  );
}

function ProblemReference({ requestId, wording }: { requestId: string; wording: "quote" | "brief" }) {
  const code = <code className="reference">{requestId}</code>;
  return wording === "brief" ? (
    <p className="muted">Reference {code}</p>
  ) : (
    <p className="muted">If it keeps happening, quote reference {code} to the support desk.</p>
  );
}

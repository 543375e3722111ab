import type { Ref } from "react";
import { codeTriesLeft } from "../../lib/verification-words.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { ProblemNotice } from "../../ui/problem-notice.tsx";

/** Why the code step is not done yet. */
export type CodeNotice =
  | { kind: "format" }
  | { kind: "mismatch"; attemptsRemaining: number | null }
  /** The code expired or has no tries left: only a new code helps. */
  | { kind: "dead"; detail: string }
  | { kind: "ended"; detail: string }
  | { kind: "wait" }
  | { kind: "delivery"; detail: string }
  | { kind: "error"; error: unknown };

type CodeNoticeViewProps = {
  notice: CodeNotice | null;
  restartButtonRef: Ref<HTMLButtonElement>;
  onRestart: () => void;
};

/** What went wrong with the code, in words, with the way on. */
export function CodeNoticeView({ notice, restartButtonRef, onRestart }: CodeNoticeViewProps) {
  switch (notice?.kind) {
    case undefined:
      return null;
    case "format":
      return (
        <Alert tone="danger">
          <p>The code has 6 digits. Type the digits the caller reads out.</p>
        </Alert>
      );
    case "mismatch":
      return (
        <Alert tone="danger" title="Not verified">
          <p>
            The code does not match.
            {notice.attemptsRemaining !== null ? ` ${codeTriesLeft(notice.attemptsRemaining)}` : null}
          </p>
        </Alert>
      );
    case "dead":
      return (
        <Alert tone="danger" title="This code no longer works">
          <p>{notice.detail}</p>
        </Alert>
      );
    case "wait":
      return (
        <Alert tone="danger">
          <p>A new code can be sent 60 seconds after the last one.</p>
        </Alert>
      );
    case "delivery":
      return (
        <Alert tone="danger" title="The new code was not sent">
          <p>{notice.detail}</p>
          <p>Send a new code to try again, or choose another way.</p>
        </Alert>
      );
    case "ended":
      return (
        <Alert tone="danger" title="This verification has ended">
          <p>{notice.detail}</p>
          <div className="cluster">
            <Button ref={restartButtonRef} variant="primary" onClick={onRestart}>
              Start again
            </Button>
          </div>
        </Alert>
      );
    case "error":
      return <ProblemNotice error={notice.error} title="The code was not checked" />;
  }
}

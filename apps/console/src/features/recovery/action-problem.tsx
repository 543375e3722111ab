import { describeActionProblem } from "../../lib/action-problem-words.ts";
import type { DeliveryChannel, RecoveryKind } from "../../lib/recovery-options.ts";
import { Alert } from "../../ui/alert.tsx";

type ActionProblemProps = { error: unknown; kind: RecoveryKind; channel: DeliveryChannel | null };

/** Why the action was not done, inside its dialog, with the reference the support desk asks for. */
export function ActionProblem({ error, kind, channel }: ActionProblemProps) {
  const { title, message, requestId } = describeActionProblem(error, kind, channel);
  return (
    <Alert tone="danger" title={title}>
      <p>{message}</p>
      {requestId ? (
        <p className="muted">
          If it keeps happening, quote reference <code className="reference">{requestId}</code> to the support desk.
        </p>
      ) : null}
    </Alert>
  );
}

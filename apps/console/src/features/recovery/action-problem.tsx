import type { DeliveryChannel, RecoveryKind } from "../../lib/recovery-options.ts";
import { ProblemNotice } from "../../ui/problem-notice.tsx";
import { describeActionProblem } from "./action-problem-words.ts";

type ActionProblemProps = { error: unknown; kind: RecoveryKind; channel: DeliveryChannel | null };

/** Why the action was not done, inside its dialog, with the reference the support desk asks for. */
export function ActionProblem({ error, kind, channel }: ActionProblemProps) {
  const { title, ...problem } = describeActionProblem(error, kind, channel);
  return <ProblemNotice title={title} problem={problem} />;
}

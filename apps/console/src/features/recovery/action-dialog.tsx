import type { AccountDetail } from "@recovery-desk/shared";
import { useState } from "react";
import type { ChannelOption, DeliveryChannel, RecoveryKind } from "../../lib/recovery-options.ts";
import { ACTION_LABELS, actionOutcome, actionQuestion, suggestedReason } from "../../lib/recovery-words.ts";
import { Alert } from "../../ui/alert.tsx";
import { ActionProblem } from "./action-problem.tsx";
import { WINDOW_CLOSED } from "./action-problem-words.ts";
import { ChannelField } from "./channel-field.tsx";
import { ReasonDialog } from "./reason-dialog.tsx";
import type { RecoveryRequest } from "./recovery-request.ts";

type ActionDialogProps = {
  account: AccountDetail;
  kind: RecoveryKind;
  channels: ChannelOption[];
  busy: boolean;
  /** Why the last confirm failed, shown until the next one. */
  problem: unknown;
  onConfirm: (request: RecoveryRequest) => void;
};

/**
 * The confirm step of a recovery action: what will happen, the reason for the audit trail (suggested
 * from how the caller was verified), and the call's case. Enter confirms from a one-line field or a
 * button, Ctrl/⌘+Enter from the reason box; Escape cancels.
 */
export function ActionDialog({ account, kind, channels, busy, problem, onConfirm }: ActionDialogProps) {
  const verified = account.verification;
  const [channel, setChannel] = useState<DeliveryChannel | null>(
    () => channels.find((option) => option.available)?.channel ?? null,
  );
  const sendsTo = kind === "temporary_password" ? channel : kind === "username_reminder" ? ("email" as const) : null;
  const destination = channels.find((option) => option.channel === sendsTo);
  const caseRef = verified?.caseRef ?? null;

  function confirm(reason: string) {
    const body = { reason, ...(caseRef ? { caseRef } : {}) };
    if (kind === "temporary_password") {
      if (channel) onConfirm({ kind, body: { ...body, channel } });
    } else {
      onConfirm({ kind, body });
    }
  }

  return (
    <ReasonDialog
      title={actionQuestion(kind, account.displayName)}
      description={actionOutcome(
        kind,
        account,
        destination?.to && sendsTo ? { channel: sendsTo, to: destination.to } : undefined,
      )}
      suggestedReason={suggestedReason(kind, verified?.evidence ?? null)}
      caseRef={caseRef}
      problem={
        !verified ? (
          <Alert tone="danger" title="Verify the caller again">
            <p>{WINDOW_CLOSED}</p>
          </Alert>
        ) : problem ? (
          <ActionProblem error={problem} kind={kind} channel={sendsTo} />
        ) : null
      }
      confirmLabel={ACTION_LABELS[kind]}
      busy={busy}
      blocked={!verified}
      enterConfirms
      onConfirm={confirm}
    >
      {kind === "temporary_password" ? (
        <ChannelField channels={channels} value={channel} onChange={setChannel} />
      ) : null}
    </ReasonDialog>
  );
}

import { type AccountDetail, Reason } from "@recovery-desk/shared";
import { type FormEvent, type KeyboardEvent, useRef, useState } from "react";
import { WINDOW_CLOSED } from "../../lib/action-problem-words.ts";
import type { ChannelOption, DeliveryChannel, RecoveryKind } from "../../lib/recovery-options.ts";
import { ACTION_LABELS, actionOutcome, actionQuestion, suggestedReason } from "../../lib/recovery-words.ts";
import { Alert, AlertRegion } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { DialogClose, DialogDescription, DialogTitle } from "../../ui/dialog.tsx";
import { ActionProblem } from "./action-problem.tsx";
import { ChannelField } from "./channel-field.tsx";
import { REASON_MAX, ReasonField } from "./reason-field.tsx";
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
  const reasonBox = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState(() => suggestedReason(kind, verified?.method ?? null));
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [channel, setChannel] = useState<DeliveryChannel | null>(
    () => channels.find((option) => option.available)?.channel ?? null,
  );
  const sendsTo = kind === "temporary_password" ? channel : kind === "username_reminder" ? ("email" as const) : null;
  const destination = channels.find((option) => option.channel === sendsTo);
  const caseRef = verified?.caseRef ?? null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || !verified) return;
    const checked = Reason.safeParse(reason);
    if (!checked.success) {
      setReasonError(
        reason.trim()
          ? `The reason can be at most ${REASON_MAX} characters.`
          : "Give a reason; it is kept in the audit trail.",
      );
      reasonBox.current?.focus();
      return;
    }
    setReasonError(null);
    const body = { reason: checked.data, ...(caseRef ? { caseRef } : {}) };
    if (kind === "temporary_password") {
      if (channel) onConfirm({ kind, body: { ...body, channel } });
    } else {
      onConfirm({ kind, body });
    }
  }

  function confirmWithKeyboard(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== "Enter" || event.nativeEvent.isComposing) return;
    const inOneLineField = event.target instanceof HTMLInputElement;
    if (event.ctrlKey || event.metaKey || inOneLineField) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  }

  return (
    <form className="stack" onSubmit={submit} onKeyDown={confirmWithKeyboard} noValidate>
      <DialogTitle>{actionQuestion(kind, account.displayName)}</DialogTitle>
      <DialogDescription>
        {actionOutcome(
          kind,
          account,
          destination?.to && sendsTo ? { channel: sendsTo, to: destination.to } : undefined,
        )}
      </DialogDescription>
      {kind === "temporary_password" ? (
        <ChannelField channels={channels} value={channel} onChange={setChannel} />
      ) : null}
      <ReasonField value={reason} onChange={setReason} error={reasonError} fieldRef={reasonBox} />
      <p className="dialog__case">
        <span className="label">Case reference:</span>{" "}
        {caseRef ? <code className="reference">{caseRef}</code> : "none was given when the caller was verified"}
      </p>
      <AlertRegion>
        {!verified ? (
          <Alert tone="danger" title="Verify the caller again">
            <p>{WINDOW_CLOSED}</p>
          </Alert>
        ) : problem ? (
          <ActionProblem error={problem} kind={kind} channel={sendsTo} />
        ) : null}
      </AlertRegion>
      <div className="cluster dialog__buttons">
        <Button type="submit" variant="primary" busy={busy} disabled={!verified}>
          {ACTION_LABELS[kind]}
        </Button>
        <DialogClose asChild>
          <Button>Cancel</Button>
        </DialogClose>
      </div>
    </form>
  );
}

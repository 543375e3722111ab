import type { AccountDetail, Policy, Role } from "@recovery-desk/shared";
import { useEffect, useRef, useState } from "react";
import { type HandOver, type RecoveryKind, recoveryOptions } from "../../lib/recovery-options.ts";
import { nextStepLine } from "../../lib/recovery-words.ts";
import { Section } from "../../ui/card.tsx";
import { Dialog, DialogContent } from "../../ui/dialog.tsx";
import { ActionButton } from "./action-button.tsx";
import { ActionDialog } from "./action-dialog.tsx";
import { useRecoveryMutation } from "./use-recovery-mutation.ts";

type RecoveryPanelProps = {
  account: AccountDetail;
  /** The evidence each action needs: an action the window is short of is held back, saying what to add. */
  policy?: Policy | undefined;
  /** The signed-in staff member's role: on an account its owner reported, only some roles may lift the hold. */
  role?: Role | undefined;
  /** Receives the place after the actions where the call script offers the method to add next. */
  addSlotRef?: (element: HTMLDivElement | null) => void;
  /**
   * The caller has just been verified: once the account shows the new window, put the keyboard on the
   * action the agent added a method for, or else on the account's next step.
   */
  handOver: HandOver | null;
  onFocusTaken: () => void;
};

const SECONDARY: RecoveryKind[] = ["temporary_password", "username_reminder"];

/**
 * What the agent can fix for the caller: the one next step the account's state calls for, and the
 * messages that can always be sent. Each opens a confirm dialog; nothing works until the caller is verified.
 */
export function RecoveryPanel({ account, policy, role, addSlotRef, handOver, onFocusTaken }: RecoveryPanelProps) {
  const options = recoveryOptions(account, policy, role);
  const panel = useRef<HTMLElement>(null);
  const triggers = useRef(new Map<RecoveryKind, HTMLButtonElement>());
  const [dialog, setDialog] = useState<{ kind: RecoveryKind; session: number } | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const sessions = useRef(0);
  const openSession = useRef<number | null>(null);
  const lastKind = useRef<RecoveryKind | null>(null);
  const focusOtherActions = useRef(false);

  const close = () => {
    openSession.current = null;
    setDialog(null);
  };

  const action = useRecoveryMutation(account, {
    isOpen: (session) => openSession.current === session,
    onSucceeded: (session, result) => {
      if (openSession.current !== session) return;
      // A lifted lock or a reactivation takes its own button away: carry on at the other actions.
      focusOtherActions.current = "account" in result;
      close();
    },
    onFailed: (_session, error) => setProblem(error),
  });

  function open(kind: RecoveryKind) {
    sessions.current += 1;
    openSession.current = sessions.current;
    lastKind.current = kind;
    setProblem(null);
    setDialog({ kind, session: sessions.current });
  }

  const triggerRef = (kind: RecoveryKind) => (element: HTMLButtonElement | null) => {
    if (element) triggers.current.set(kind, element);
    else triggers.current.delete(kind);
  };

  const firstOtherAction = () =>
    SECONDARY.map((kind) => triggers.current.get(kind)).find((button) => button && !button.disabled);

  /** Back to the button that opened the dialog, or on to the other actions when that button is gone. */
  function returnFocus(event: Event) {
    event.preventDefault();
    const trigger = lastKind.current ? triggers.current.get(lastKind.current) : undefined;
    const backToTrigger = !focusOtherActions.current && trigger?.isConnected && !trigger.disabled;
    focusOtherActions.current = false;
    (backToTrigger ? trigger : (firstOtherAction() ?? panel.current))?.focus();
  }

  const windowEvidence = account.verification?.evidence;
  const primaryKind = options.open ? (options.primary?.kind ?? null) : null;
  // The account has reloaded with the window the caller was just verified into.
  const handOverReady = Boolean(
    handOver && windowEvidence && handOver.evidence.every((e) => windowEvidence.includes(e)),
  );

  // Right after verification the account reloads with the window; then the action the agent was working
  // toward (a method added for it) or the account's next step gets the keyboard.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the reloaded window arrives
  useEffect(() => {
    if (!handOver || !handOverReady) return;
    onFocusTaken();
    const kind = handOver.action ?? primaryKind;
    const target = kind ? triggers.current.get(kind) : undefined;
    const active = document.activeElement;
    const typing = active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement;
    if (target && !target.disabled && !typing) target.focus();
  }, [handOverReady]);

  if (!options.open) {
    return (
      <Section title="Recovery actions" className="recovery-panel">
        <p>{options.reason}</p>
      </Section>
    );
  }

  const { primary, holdNote } = options;
  return (
    <Section ref={panel} tabIndex={-1} title="Recovery actions" className="recovery-panel" data-needs-verified-window>
      <p className="script-line">{nextStepLine(account, primaryKind)}</p>
      {primary ? (
        <ActionButton
          option={primary}
          prominent
          buttonRef={triggerRef(primary.kind)}
          onOpen={() => open(primary.kind)}
        />
      ) : null}
      {holdNote ? <p className="recovery-hold">{holdNote}</p> : null}
      <div className="stack">
        {primary || holdNote ? <h3 className="recovery-panel__subtitle">Other actions</h3> : null}
        <ul className="recovery-list">
          {options.secondary.map((option) => (
            <li key={option.kind}>
              <ActionButton option={option} buttonRef={triggerRef(option.kind)} onOpen={() => open(option.kind)} />
            </li>
          ))}
        </ul>
      </div>
      <div ref={addSlotRef} />
      <Dialog
        open={dialog !== null}
        onOpenChange={(next) => {
          if (!next) close();
        }}
      >
        {dialog ? (
          <DialogContent onCloseAutoFocus={returnFocus}>
            <ActionDialog
              key={dialog.session}
              account={account}
              kind={dialog.kind}
              channels={options.channels}
              busy={action.pendingSession === dialog.session}
              problem={problem}
              onConfirm={(request) => action.confirm(dialog.session, request)}
            />
          </DialogContent>
        ) : null}
      </Dialog>
    </Section>
  );
}

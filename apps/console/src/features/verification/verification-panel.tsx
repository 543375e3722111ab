import {
  type AccountDetail,
  methodFor,
  type Policy,
  type Role,
  type Verification,
  type VerificationSuccess,
} from "@recovery-desk/shared";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { accountKeys } from "../../api/accounts.ts";
import { formatTime } from "../../lib/format.ts";
import { isHeldByOwner } from "../../lib/hold-words.ts";
import {
  type HandOver,
  mayLiftHold,
  type RecoveryKind,
  recoveryOptions,
  shortOfEvidence,
} from "../../lib/recovery-options.ts";
import { ACTION_LABELS } from "../../lib/recovery-words.ts";
import { verifiedBy } from "../../lib/verification-words.ts";
import { AlertRegion } from "../../ui/alert.tsx";
import { Section } from "../../ui/card.tsx";
import { VisuallyHidden } from "../../ui/visually-hidden.tsx";
import { ChooseStep } from "./choose-step.tsx";
import { CodeStep } from "./code-step.tsx";
import { QuestionsLockedNotice } from "./questions-locked-notice.tsx";
import { QuestionsStep } from "./questions-step.tsx";
import { initialStep, type Step, stepFor } from "./verification-steps.ts";
import { VerifiedBanner } from "./verified-banner.tsx";

/** Question verification stays blocked this long when the API does not say (its policy is 24 hours). */
const DEFAULT_LOCK_SECONDS = 24 * 60 * 60;

type VerificationPanelProps = {
  account: AccountDetail;
  /** The evidence each action needs; while the window is short of an action's, the script asks for more. */
  policy?: Policy | undefined;
  /** The signed-in staff member's role: on an account its owner reported, it decides who may lift the hold. */
  role?: Role | undefined;
  /**
   * Where the method to add next is offered: after the recovery actions, so the keyboard meets the
   * actions the window already allows first.
   */
  addSlot?: HTMLElement | null;
  /**
   * The caller has just been verified (not when the page opens mid-window): with the evidence the
   * window now rests on, and the action the agent added a method for, if they did.
   */
  onVerified?: (handOver: HandOver) => void;
};

/**
 * The agent's call script for proving who the caller is: case reference and method, then the
 * questions or the code, then the verified window with its countdown, and while an action needs more
 * evidence than the window has, the method to add next. Success and the end of the window both
 * reload the account, so its contact data unmasks and masks again.
 */
export function VerificationPanel({ account, policy, role, addSlot, onVerified }: VerificationPanelProps) {
  const queryClient = useQueryClient();
  const panel = useRef<HTMLElement>(null);
  const [step, setStep] = useState<Step>(() => initialStep(account.verification));
  const [caseRef, setCaseRef] = useState("");
  const [questionsLockedUntil, setQuestionsLockedUntil] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const hadWindow = useRef(account.verification !== null);

  // The API can end the window before the countdown does (an action answered "verify again"): follow it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reacts only to the window coming and going
  useEffect(() => {
    const hasWindow = account.verification !== null;
    if (hadWindow.current && !hasWindow && step.kind === "verified") windowEnded();
    hadWindow.current = hasWindow;
  }, [account.verification]);

  if (account.status === "merged" || account.status === "closed") {
    return (
      <Section title="Verify the caller" className="verify-panel">
        <p>
          This account is {account.status}, so a caller cannot be verified on it. Verify the caller on the account they
          use now.
        </p>
      </Section>
    );
  }

  const reloadAccount = () => queryClient.invalidateQueries({ queryKey: accountKeys.detail(account.id) });

  function verified(verification: Verification, result: VerificationSuccess, toward?: RecoveryKind) {
    const { method, caseRef: ref } = verification;
    const { verifiedUntil, evidence } = result;
    const caseRef = ref ?? account.verification?.caseRef ?? null;
    setStep({ kind: "verified", window: { method, caseRef, verifiedUntil, evidence }, focus: true });
    setAnnouncement(
      `Caller verified ${verifiedBy(evidence)}. Contact data is shown until ${formatTime(verifiedUntil)}.`,
    );
    void reloadAccount();
    onVerified?.({ evidence, action: toward ?? null });
  }

  function windowEnded() {
    // Bring the keyboard back to the script only if it was here, or on an action that needs the window;
    // never pull it away from other work.
    const active = document.activeElement;
    const focusWasHere =
      active === document.body ||
      Boolean(panel.current?.contains(active)) ||
      Boolean(active?.closest("[data-needs-verified-window]"));
    setStep({ kind: "choose", focus: focusWasHere });
    setAnnouncement("The verified window has closed. Contact data is masked again.");
    void reloadAccount();
  }

  function questionsLocked(retryAfterSeconds: number | null) {
    const seconds = retryAfterSeconds ?? DEFAULT_LOCK_SECONDS;
    setQuestionsLockedUntil(new Date(Date.now() + seconds * 1_000).toISOString());
    restart();
  }

  // Back to the start of the script, or to the open window when another method was being added.
  const restart = () => setStep(initialStep(account.verification, Date.now(), true));
  const short = step.kind === "verified" ? shortOfEvidence(recoveryOptions(account, policy, role)) : null;
  // Lifting a hold the owner asked for needs a code: the script starts there.
  const codeFirst = isHeldByOwner(account) && mayLiftHold(policy, role);

  return (
    <Section ref={panel} title="Verify the caller" className="verify-panel">
      <VisuallyHidden role="status">{announcement}</VisuallyHidden>
      <AlertRegion>
        {step.kind === "choose" && questionsLockedUntil ? <QuestionsLockedNotice until={questionsLockedUntil} /> : null}
      </AlertRegion>
      {step.kind === "choose" ? (
        <ChooseStep
          account={account}
          caseRef={caseRef}
          onCaseRefChange={setCaseRef}
          questionsLockedUntil={questionsLockedUntil}
          takeFocus={step.focus}
          onStarted={(verification) => setStep(stepFor(verification))}
          onQuestionsLocked={questionsLocked}
          codeFirst={codeFirst}
        />
      ) : null}
      {step.kind === "questions" ? (
        <QuestionsStep
          verification={step.verification}
          onVerified={(result) => verified(step.verification, result, step.toward)}
          onLocked={questionsLocked}
          onRestart={restart}
        />
      ) : null}
      {step.kind === "code" ? (
        <CodeStep
          verification={step.verification}
          onVerified={(result) => verified(step.verification, result, step.toward)}
          onRestart={restart}
          announce={setAnnouncement}
        />
      ) : null}
      {step.kind === "verified" ? (
        <VerifiedBanner window={step.window} takeFocus={step.focus} onEnd={windowEnded} />
      ) : null}
      {short?.add && addSlot
        ? createPortal(
            <ChooseStep
              key="adding"
              account={account}
              caseRef=""
              onCaseRefChange={() => {}}
              questionsLockedUntil={questionsLockedUntil}
              takeFocus={false}
              onStarted={(verification) => setStep(stepFor(verification, short.kind))}
              onQuestionsLocked={questionsLocked}
              adding={{
                line: `${ACTION_LABELS[short.kind]}: ${short.note}`,
                methods: short.add.map(methodFor),
                caseRef: account.verification?.caseRef ?? null,
              }}
            />,
            addSlot,
          )
        : null}
    </Section>
  );
}

import type { AccountDetail, Evidence, Verification, VerificationMethod } from "@recovery-desk/shared";
import type { RecoveryKind } from "../../lib/recovery-options.ts";

/** An open verified window: how the caller was verified (everything it rests on), on which case, and until when. */
export type VerifiedWindow = {
  method: VerificationMethod;
  caseRef: string | null;
  verifiedUntil: string;
  evidence: Evidence[];
};

/**
 * Where the agent is in the call script. `focus` says whether the step takes keyboard focus when it
 * appears (it does after the agent acted, not when the page first opens). `toward` is the action whose
 * "needs more" note the agent is adding a method for, while a window is open.
 */
export type Step =
  | { kind: "choose"; focus: boolean }
  | { kind: "questions"; verification: Verification; toward?: RecoveryKind | undefined }
  | { kind: "code"; verification: Verification; toward?: RecoveryKind | undefined }
  | { kind: "verified"; window: VerifiedWindow; focus: boolean };

/** A page opened during an open window starts at the verified banner; otherwise at the choice of method. */
export function initialStep(window: AccountDetail["verification"], now = Date.now(), focus = false): Step {
  if (window && Date.parse(window.verifiedUntil) > now) return { kind: "verified", window, focus };
  return { kind: "choose", focus };
}

/** The next step once a verification has started: its questions, or the code that was just sent. */
export function stepFor(verification: Verification, toward?: RecoveryKind): Step {
  return verification.method === "security_questions"
    ? { kind: "questions", verification, toward }
    : { kind: "code", verification, toward };
}

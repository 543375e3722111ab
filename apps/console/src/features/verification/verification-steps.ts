import type { AccountDetail, Evidence, Verification, VerificationMethod } from "@recovery-desk/shared";

/** An open verified window: how the caller was verified (everything it rests on), on which case, and until when. */
export type VerifiedWindow = {
  method: VerificationMethod;
  caseRef: string | null;
  verifiedUntil: string;
  evidence: Evidence[];
};

/**
 * Where the agent is in the call script. `focus` says whether the step takes keyboard focus when it
 * appears (it does after the agent acted, not when the page first opens).
 */
export type Step =
  | { kind: "choose"; focus: boolean }
  | { kind: "questions"; verification: Verification }
  | { kind: "code"; verification: Verification }
  | { kind: "verified"; window: VerifiedWindow; focus: boolean };

/** A page opened during an open window starts at the verified banner; otherwise at the choice of method. */
export function initialStep(window: AccountDetail["verification"], now = Date.now(), focus = false): Step {
  if (window && Date.parse(window.verifiedUntil) > now) return { kind: "verified", window, focus };
  return { kind: "choose", focus };
}

/** The next step once a verification has started: its questions, or the code that was just sent. */
export function stepFor(verification: Verification): Step {
  return verification.method === "security_questions"
    ? { kind: "questions", verification }
    : { kind: "code", verification };
}

import { isApiProblem } from "../../api/problem.ts";
import { describeProblem, type ProblemMessage } from "../../lib/problem-words.ts";
import type { DeliveryChannel, RecoveryKind } from "../../lib/recovery-options.ts";
import { ACTION_LABELS } from "../../lib/recovery-words.ts";

/** A failed recovery action in words: a title, what happened, and the reference for support. */
export type ActionProblemMessage = ProblemMessage & { title: string };

export const WINDOW_CLOSED = "The verified window has closed. Verify the caller again.";

const MESSAGE_KIND: Record<DeliveryChannel, string> = { sms: "text message", email: "email" };

/** Why an action was not done, in the agent's words; `channel` is where a message was meant to go. */
export function describeActionProblem(
  error: unknown,
  kind: RecoveryKind,
  channel: DeliveryChannel | null,
): ActionProblemMessage {
  const fallback = { ...describeProblem(error), title: "Not done" };
  if (!isApiProblem(error)) return fallback;
  const requestId = error.requestId;
  switch (error.code) {
    case "verification_required":
      return { title: "Verify the caller again", message: WINDOW_CLOSED, requestId: null };
    case "verification_insufficient":
      return { title: "Verify the caller also another way", message: error.detail, requestId: null };
    case "invalid_transition":
      return {
        title: `${ACTION_LABELS[kind]} is not possible now`,
        message: `${error.detail} The page now shows the account as it is.`,
        requestId: null,
      };
    case "conflict":
      return { title: "Not done", message: error.detail, requestId };
    case "delivery_failed": {
      const what = MESSAGE_KIND[channel ?? "email"];
      const other = kind === "temporary_password" ? ", or choose the other way to send it" : "";
      return {
        title: "Nothing was sent",
        message: `The ${what} could not be sent, so nothing changed on the account. Try again${other}.`,
        requestId,
      };
    }
    case "validation_failed":
      return { title: "Not done", message: `Check the reason and try again. ${error.detail}`, requestId };
    case "rate_limited":
      // The account's daily limit for this message (or the agent's requests a minute): the API says which, and when.
      return { title: "Not done", message: error.detail, requestId: null };
    default:
      return fallback;
  }
}

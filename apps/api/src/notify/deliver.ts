import { type MessageKind, maskEmail, maskPhone, PROBLEM_DETAILS } from "@recovery-desk/shared";
import { deliveryFailures } from "../db/schema/index.ts";
import type { AppDeps } from "../deps.ts";
import { ApiError } from "../http/errors.ts";
import { newId } from "../lib/ids.ts";
import { DeliveryError } from "./notifier.ts";

/** A verified channel of an account, resolved to its address and its masked form. */
export interface Channel {
  channel: "email" | "sms";
  to: string;
  masked: string;
}

/** The account's verified email or phone, or why it cannot be used. */
export function verifiedChannel(
  kind: "email" | "sms",
  account: { email: string | null; emailVerified: boolean; phone: string | null; phoneVerified: boolean },
): Channel | { refused: string } {
  if (kind === "sms") {
    if (!account.phone) return { refused: PROBLEM_DETAILS.noPhone };
    if (!account.phoneVerified) return { refused: PROBLEM_DETAILS.phoneNotVerified };
    return { channel: "sms", to: account.phone, masked: maskPhone(account.phone) };
  }
  if (!account.email) return { refused: PROBLEM_DETAILS.noEmail };
  if (!account.emailVerified) return { refused: PROBLEM_DETAILS.emailNotVerified };
  return { channel: "email", to: account.email, masked: maskEmail(account.email) };
}

/**
 * Sends a message that carries a secret (a code, a temporary password). When the gateway fails,
 * the failure is recorded (without the message) and the agent gets a clear `delivery_failed`;
 * callers send before they write anything else, so a failure leaves nothing half-done.
 */
export async function deliver(
  deps: AppDeps,
  channel: Channel,
  message: { subject: string; text: string; kind: MessageKind },
  refs: { accountId: string; verificationId?: string },
  /** What the agent can do instead, said after the failure. */
  otherwise?: string,
): Promise<void> {
  try {
    // The messages that carry a secret are written in English only.
    await deps.notifier.send({
      channel: channel.channel,
      to: channel.to,
      ...message,
      language: "en",
      accountId: refs.accountId,
    });
  } catch (error) {
    const reason = error instanceof DeliveryError ? error.reason : "the message could not be handed over";
    await deps.database.db.insert(deliveryFailures).values({
      id: newId("failure"),
      channel: channel.channel,
      accountId: refs.accountId,
      verificationId: refs.verificationId ?? null,
      error: reason,
      failedAt: deps.clock.now(),
    });
    deps.logger.warn({ channel: channel.channel, accountId: refs.accountId, reason }, "code delivery failed");
    throw new ApiError("delivery_failed", PROBLEM_DETAILS.deliveryFailed(channel.channel, channel.masked, otherwise));
  }
}

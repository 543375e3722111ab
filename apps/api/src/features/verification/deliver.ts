import { deliveryFailures } from "../../db/schema/index.ts";
import type { AppDeps } from "../../deps.ts";
import { ApiError } from "../../http/errors.ts";
import { newId } from "../../lib/ids.ts";
import { DeliveryError } from "../../notify/notifier.ts";
import type { CodeChannel } from "./codes.ts";

/**
 * Sends a code message. When the gateway fails, the failure is recorded (without the message)
 * and the agent gets a clear `delivery_failed`; the caller of this writes nothing else.
 */
export async function deliverCode(
  deps: AppDeps,
  channel: CodeChannel,
  message: { subject: string; text: string },
  refs: { accountId: string; verificationId: string },
): Promise<void> {
  try {
    await deps.notifier.send({ channel: channel.channel, to: channel.to, ...message, accountId: refs.accountId });
  } catch (error) {
    const reason = error instanceof DeliveryError ? error.reason : "the message could not be handed over";
    await deps.database.db.insert(deliveryFailures).values({
      id: newId("failure"),
      channel: channel.channel,
      accountId: refs.accountId,
      verificationId: refs.verificationId,
      error: reason,
      failedAt: deps.clock.now(),
    });
    deps.logger.warn({ channel: channel.channel, accountId: refs.accountId, reason }, "code delivery failed");
    throw new ApiError(
      "delivery_failed",
      `The ${channel.channel === "sms" ? "text message" : "email"} to ${channel.masked} could not be sent. Try again, or use another way to verify the caller.`,
    );
  }
}

import type { MessageKind } from "@recovery-desk/shared";

/** A message to a customer by email or SMS. Its text may hold a one-time code: never log it. */
export interface OutgoingMessage {
  channel: "email" | "sms";
  /** A secret sent at once (`code`, `temporary_password`, `username_reminder`) or a queued notice. */
  kind: MessageKind;
  /** The language the text is written in (BCP 47). */
  language: string;
  /** Full email address or E.164 phone number. */
  to: string;
  subject: string;
  text: string;
  accountId: string | null;
}

/** Sends customer messages. Throws `DeliveryError` when the message could not be handed over. */
export interface Notifier {
  send(message: OutgoingMessage): Promise<void>;
}

/** The gateway refused or did not answer; `reason` is safe to record (it never holds the message). */
export class DeliveryError extends Error {
  constructor(
    readonly channel: "email" | "sms",
    readonly reason: string,
  ) {
    super(`The ${channel === "sms" ? "text message" : "email"} could not be sent: ${reason}`);
    this.name = "DeliveryError";
  }
}

/** Sends email with one notifier and SMS with another. */
export function byChannel(email: Notifier, sms: Notifier): Notifier {
  return { send: (message) => (message.channel === "email" ? email : sms).send(message) };
}

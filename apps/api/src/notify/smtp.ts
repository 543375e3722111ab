import { createTransport } from "nodemailer";
import { DeliveryError, type Notifier } from "./notifier.ts";

/** Sends email through an SMTP server, e.g. `smtps://user:pass@mail.example:465`. */
export function smtpNotifier(options: { url: string; from: string; timeoutMs?: number }): Notifier {
  const timeout = options.timeoutMs ?? 10_000;
  const transport = createTransport(options.url, {
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  } as never);
  return {
    async send(message) {
      try {
        await transport.sendMail({ from: options.from, to: message.to, subject: message.subject, text: message.text });
      } catch (error) {
        const code =
          (error as { code?: unknown; responseCode?: unknown }).responseCode ?? (error as { code?: unknown }).code;
        throw new DeliveryError("email", `the mail server refused or did not answer (${String(code ?? "no code")})`);
      }
    },
  };
}

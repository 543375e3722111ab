import { DeliveryError, type Notifier } from "./notifier.ts";

/**
 * Sends SMS through an HTTP gateway: `POST url` with JSON `{ to, text }` and, when a token is
 * configured, `Authorization: Bearer <token>`. Any 2xx answer counts as accepted.
 */
export function smsWebhookNotifier(options: { url: string; token?: string | undefined; timeoutMs?: number }): Notifier {
  return {
    async send(message) {
      let res: Response;
      try {
        res = await fetch(options.url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          },
          body: JSON.stringify({ to: message.to, text: message.text }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
      } catch (error) {
        throw new DeliveryError("sms", `the SMS gateway did not answer (${(error as Error).name})`);
      }
      if (!res.ok) throw new DeliveryError("sms", `the SMS gateway answered ${res.status}`);
    },
  };
}

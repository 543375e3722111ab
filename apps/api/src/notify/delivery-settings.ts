/** The delivery settings of the environment (see env.ts). */
export interface DeliverySettings {
  EMAIL_DELIVERY: "outbox" | "smtp";
  SMTP_URL?: string | undefined;
  SMS_DELIVERY: "outbox" | "webhook";
  SMS_WEBHOOK_URL?: string | undefined;
  DELIVERY?: "outbox" | undefined;
  PUBLIC_URL?: string | undefined;
}

/** The channels whose messages stay in the outbox table instead of going out. */
export function outboxChannels(env: DeliverySettings): Array<"email" | "sms"> {
  const channels: Array<"email" | "sms"> = [];
  if (!(env.EMAIL_DELIVERY === "smtp" && env.SMTP_URL)) channels.push("email");
  if (!(env.SMS_DELIVERY === "webhook" && env.SMS_WEBHOOK_URL)) channels.push("sms");
  return channels;
}

/**
 * Why the server must not start with these settings, or null. Outside demo mode a code or a
 * temporary password kept in the outbox reaches no customer, so the server starts that way only
 * when `DELIVERY=outbox` says it is meant; and messages that really go out need `PUBLIC_URL` for
 * the report links in notices.
 */
export function deliveryRefusal(env: DeliverySettings, demo: boolean): string | null {
  const kept = outboxChannels(env);
  if (demo) return null;
  // Notices that really go out carry a report link; without PUBLIC_URL it would name this server.
  if (kept.length < 2 && !env.PUBLIC_URL) {
    return (
      "Recovery Desk cannot start: outside demo mode, with email or SMS really sent, it needs PUBLIC_URL, " +
      "the address customers reach the console at (e.g. https://help.example.com): every notice of a " +
      "recovery carries the owner's report link <PUBLIC_URL>/report/<token>."
    );
  }
  if (kept.length === 0 || env.DELIVERY === "outbox") return null;
  const missing = [
    kept.includes("email") ? "email (EMAIL_DELIVERY=smtp with SMTP_URL)" : null,
    kept.includes("sms") ? "SMS (SMS_DELIVERY=webhook with SMS_WEBHOOK_URL)" : null,
  ].filter(Boolean);
  return (
    `Recovery Desk cannot start: outside demo mode it needs real delivery for ${missing.join(" and ")}, ` +
    "or verification codes and temporary passwords would reach no customer and wait in the outbox table. " +
    "Set those variables, or set DELIVERY=outbox to run on purpose with messages kept in the outbox " +
    "(the server then warns about it at start and every hour), or set DEMO=true for a demo."
  );
}

/** The warning a server that keeps messages in the outbox outside demo mode logs at start and every hour. */
export const OUTBOX_WARNING =
  "DELIVERY=outbox: codes and temporary passwords are NOT sent to customers; they wait in the outbox table (purged after 24 hours)";

/** How often that warning repeats. */
export const OUTBOX_WARNING_INTERVAL_MS = 60 * 60_000;

import type { OutboxMessage } from "@recovery-desk/shared";
import { formatDate, formatTimeWithSeconds } from "../../lib/format.ts";
import { MailIcon, MessageIcon } from "../../ui/icons.tsx";

const CHANNEL_LABELS: Record<OutboxMessage["channel"], string> = { sms: "Text message", email: "Email" };

/** One message as the caller's phone or inbox would show it, code and all. */
export function OutboxMessageItem({ message }: { message: OutboxMessage }) {
  const headingId = `outbox-${message.id}`;
  return (
    <li>
      <article className="message" aria-labelledby={headingId}>
        <header className="message__header">
          <h2 id={headingId} className="message__channel">
            {message.channel === "sms" ? <MessageIcon /> : <MailIcon />}
            {CHANNEL_LABELS[message.channel]} to <span className="masked">{message.recipient}</span>
          </h2>
          <time dateTime={message.createdAt} className="muted">
            {formatDate(message.createdAt)}, {formatTimeWithSeconds(message.createdAt)}
          </time>
        </header>
        {message.channel === "email" && message.subject ? <p className="message__subject">{message.subject}</p> : null}
        <p className="message__body">{message.body}</p>
      </article>
    </li>
  );
}

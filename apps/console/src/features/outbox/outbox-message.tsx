import type { MessageKind, OutboxMessage } from "@recovery-desk/shared";
import { Link } from "@tanstack/react-router";
import { formatDate, formatTimeWithSeconds } from "../../lib/format.ts";
import { MailIcon, MessageIcon } from "../../ui/icons.tsx";
import { splitReportLinks } from "./report-links.ts";

const CHANNEL_LABELS: Record<OutboxMessage["channel"], string> = { sms: "Text message", email: "Email" };

export const MESSAGE_KIND_LABELS: Record<MessageKind, string> = {
  code: "Verification code",
  temporary_password: "Temporary password",
  username_reminder: "Username reminder",
  notice: "Notice of a recovery action",
  report_confirmation: "Confirmation of the owner's report",
};

const languageNames = new Intl.DisplayNames(["en"], { type: "language", fallback: "code" });

/** "Spanish" for `es`; the tag itself when it is not one the browser can name. */
function languageName(tag: string): string {
  try {
    return languageNames.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/**
 * The body as sent, with each report link made a link to this console's own report page, so whoever
 * plays the owner can open it here whatever public address the message names.
 */
function MessageBody({ body }: { body: string }) {
  return (
    <p className="message__body">
      {splitReportLinks(body).map((part, index) =>
        part.token ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one body never move
          <Link key={index} to="/report/$token" params={{ token: part.token }}>
            {part.text}
          </Link>
        ) : (
          part.text
        ),
      )}
    </p>
  );
}

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
        <p className="muted">
          {MESSAGE_KIND_LABELS[message.kind]}, in {languageName(message.language)}
        </p>
        {message.channel === "email" && message.subject ? <p className="message__subject">{message.subject}</p> : null}
        <MessageBody body={message.body} />
      </article>
    </li>
  );
}

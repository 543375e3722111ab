import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase64urlNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { type AuditAction, noticeLanguage, noticeMessage, reportConfirmationMessage } from "@recovery-desk/shared";
import type { Tx } from "../db/client.ts";
import { type AccountRow, notices, reportTokens } from "../db/schema/index.ts";
import { DAY } from "../lib/clock.ts";
import { newId } from "../lib/ids.ts";
import { type Channel, verifiedChannel } from "./deliver.ts";

/** How long a report link works. */
export const REPORT_LINK_TTL_MS = 30 * DAY;

/** What a notice needs of the account: its contacts as on file and the language its owner prefers. */
export type NoticeAccount = Pick<AccountRow, "id" | "email" | "emailVerified" | "phone" | "phoneVerified" | "language">;

interface NoticeFacts {
  account: NoticeAccount;
  /** The audit action the notice tells of. */
  action: AuditAction;
  caseRef: string | null;
  /** When it was done. */
  at: Date;
  /**
   * The addresses already sent a notice of this action in the same transaction (the accounts of a
   * merge often share one); each address gets one notice. Filled in as notices are queued.
   */
  told?: Set<string>;
}

/**
 * A notice of a recovery action, to every verified channel, each with its own report link under
 * `publicUrl`; or the confirmation of an owner's report, to one channel, without a link.
 */
export type NoticeInput = NoticeFacts &
  (
    | { kind: "notice"; publicUrl: string }
    | {
        kind: "report_confirmation";
        /** The channel the report link came by; when it is no longer verified, the first verified one. */
        channel: "email" | "sms";
      }
  );

/** What was queued, safe for an audit event: channels and masked addresses, never a token or a full address. */
export interface QueuedNotices {
  channels: ("email" | "sms")[];
  to: string[];
  /** Masked addresses left out because a notice of the same action went there already (see `told`). */
  alreadyTold: string[];
  language: string;
}

/** The account's verified email and phone, as the senders of codes find them. */
function verifiedDestinations(account: NoticeAccount): Channel[] {
  return (["email", "sms"] as const)
    .map((kind) => verifiedChannel(kind, account))
    .filter((found): found is Channel => !("refused" in found));
}

const addressKey = (d: Channel) => `${d.channel}:${d.to.toLowerCase()}`;

/** A report link's token: 32 random bytes, base64url (256 bits). */
function newReportToken(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return encodeBase64urlNoPadding(bytes);
}

/** Hex SHA-256 of a report token, as `report_tokens` keeps it. */
export function reportTokenHash(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/**
 * Queues notices in the caller's transaction, so the action and its notices commit or roll back
 * together; the notice deliverer sends them afterwards. A notice goes to each verified channel of
 * the account (none when it has none) and carries a single-use report link whose token exists only
 * in that notice's body: `report_tokens` keeps its hash. A failed insert throws, and the caller's
 * transaction, action included, rolls back.
 */
export async function queueNotices(tx: Tx, input: NoticeInput): Promise<QueuedNotices> {
  const { account, action, caseRef, at } = input;
  const language = noticeLanguage(account.language);
  const verified = verifiedDestinations(account);
  const destinations =
    input.kind === "notice"
      ? verified
      : verified
          .filter((d) => d.channel === input.channel)
          .concat(verified)
          .slice(0, 1);
  const { told } = input;
  const untold = told ? destinations.filter((d) => !told.has(addressKey(d))) : destinations;
  for (const destination of untold) told?.add(addressKey(destination));
  const alreadyTold = destinations.filter((d) => !untold.includes(d)).map((d) => d.masked);
  if (untold.length === 0) return { channels: [], to: [], alreadyTold, language };

  const tokens: (typeof reportTokens.$inferInsert)[] = [];
  const rows = untold.map((destination): typeof notices.$inferInsert => {
    let message: { subject: string; text: string };
    let reportTokenId: string | null = null;
    if (input.kind === "notice") {
      const token = newReportToken();
      reportTokenId = newId("reportToken");
      tokens.push({
        id: reportTokenId,
        tokenHash: reportTokenHash(token),
        accountId: account.id,
        action,
        caseRef,
        channel: destination.channel,
        createdAt: at,
        expiresAt: new Date(at.getTime() + REPORT_LINK_TTL_MS),
      });
      message = noticeMessage(language, { action, at, caseRef, reportUrl: `${input.publicUrl}/report/${token}` });
    } else {
      message = reportConfirmationMessage(language, { action, at, caseRef });
    }
    return {
      id: newId("notice"),
      accountId: account.id,
      kind: input.kind,
      action,
      caseRef,
      channel: destination.channel,
      recipient: destination.to,
      language,
      subject: message.subject,
      body: message.text,
      reportTokenId,
      status: "pending",
      nextAttemptAt: at,
      createdAt: at,
    };
  });
  if (tokens.length > 0) await tx.insert(reportTokens).values(tokens);
  await tx.insert(notices).values(rows);
  return { channels: untold.map((d) => d.channel), to: untold.map((d) => d.masked), alreadyTold, language };
}

/**
 * Queues the confirmation of an owner's report: what they reported, to the channel the link came
 * by (or, when that one is no longer verified, another verified one), without a link.
 */
export function queueReportConfirmation(
  tx: Tx,
  input: NoticeFacts & { channel: "email" | "sms" },
): Promise<QueuedNotices> {
  return queueNotices(tx, { ...input, kind: "report_confirmation" });
}

/** The audit details of queued notices: the channels and masked addresses, or that there was none to notify. */
export function noticeDetails(queued: QueuedNotices): Record<string, unknown> {
  return {
    notified: queued.channels,
    notifiedTo: queued.to,
    ...(queued.alreadyTold.length > 0 ? { alreadyTold: queued.alreadyTold } : {}),
    ...(queued.channels.length === 0 && queued.alreadyTold.length === 0
      ? { notNotified: "The account has no verified email or phone." }
      : {}),
  };
}

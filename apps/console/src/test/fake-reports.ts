/**
 * The owner's side of the fake API: the report links in notices and `POST /api/v1/reports`, following
 * the real one's rules. A malformed token is 400, an unknown, used or expired one the same 404, and a
 * report freezes the account (locked, reason `reported_by_owner`), closes the open windows on it,
 * records `account.recovery_reported` and sends the owner a confirmation.
 */
import {
  ALERT_DETAILS,
  type AuditAction,
  type NoticeAction,
  noticeMessage,
  PROBLEM_DETAILS,
  planMove,
  reportConfirmationMessage,
  SYSTEM_ACTORS,
} from "@recovery-desk/shared";
import { changeAccount } from "./fake-accounts.ts";
import { raiseFakeAlert } from "./fake-alerts.ts";
import { findAccount } from "./fake-api.ts";
import { appendEvent } from "./fake-audit.ts";
import { type FakeReply, fakeVerification, refuse } from "./fake-verification-state.ts";
import { CONTACT_ON_FILE, maria } from "./fixtures.ts";

/** What a report link was sent for. */
type FakeReportLink = {
  accountId: string;
  action: AuditAction;
  caseRef: string | null;
  expiresAt: number;
  used: boolean;
};

/** Report links the fake world starts with, as if notices had gone out before the test. */
export const REPORT_LINKS = {
  /** From the notice of Maria's unlock: works once. */
  maria: "mariaUnlockNotice_0000000001",
  /** Maria's link again, already used. */
  used: "mariaUsedNotice_00000000002",
  /** Maria's link from a notice more than 30 days old. */
  expired: "mariaOldNotice_000000000003",
} as const;

const TOKEN = /^[A-Za-z0-9_-]{22,128}$/;
const FAR_FUTURE = Date.parse("2099-01-01T00:00:00.000Z");
const LONG_AGO = Date.parse("2026-01-01T00:00:00.000Z");

export const fakeReports = {
  links: new Map<string, FakeReportLink>(),
  /** When set, every report is refused with 429 and this Retry-After. */
  retryAfter: null as number | null,
  /** The reports received, with the owner's note. */
  received: [] as Array<{ token: string; note: string | null }>,
  seq: 0,
};

export function resetFakeReports(): void {
  const link = (used: boolean, expiresAt: number): FakeReportLink => ({
    accountId: maria.id,
    action: "account.unlocked",
    caseRef: "CASE-1",
    expiresAt,
    used,
  });
  fakeReports.links = new Map([
    [REPORT_LINKS.maria, link(false, FAR_FUTURE)],
    [REPORT_LINKS.used, link(true, FAR_FUTURE)],
    [REPORT_LINKS.expired, link(false, LONG_AGO)],
  ]);
  fakeReports.retryAfter = null;
  fakeReports.received = [];
  fakeReports.seq = 0;
}

resetFakeReports();

/** A new single-use link for a notice of `action` on the account: the token, valid 30 days. */
export function issueReportLink(accountId: string, action: AuditAction, caseRef: string | null): string {
  fakeReports.seq += 1;
  const token = `fakeNoticeLink_${String(fakeReports.seq).padStart(12, "0")}`;
  fakeReports.links.set(token, {
    accountId,
    action,
    caseRef,
    expiresAt: Date.now() + 30 * 24 * 60 * 60 * 1_000,
    used: false,
  });
  return token;
}

/** The account's verified channels, as the owner's messages go to them. */
export function verifiedChannelsOf(accountId: string): Array<{ channel: "email" | "sms"; to: string }> {
  const account = findAccount(accountId);
  const full = CONTACT_ON_FILE[accountId];
  if (!account || !full) return [];
  return [
    ...(full.email && account.channels.email.verified ? [{ channel: "email" as const, to: full.email }] : []),
    ...(full.phone && account.channels.phone.verified ? [{ channel: "sms" as const, to: full.phone }] : []),
  ];
}

/** The public address the fake world's messages name; the demo outbox links them to the console's own page. */
export const FAKE_PUBLIC_URL = "https://desk.example.org";

/** Puts one message to the owner on each of the account's verified channels into the outbox. */
function sendToOwner(
  accountId: string,
  kind: "notice" | "report_confirmation",
  message: () => { subject: string; text: string },
): void {
  for (const { channel, to } of verifiedChannelsOf(accountId)) {
    const { subject, text } = message();
    fakeVerification.outbox.push({
      id: `msg_${fakeVerification.outbox.length + 1}`,
      channel,
      kind,
      language: "en",
      recipient: to,
      subject: channel === "sms" ? null : subject,
      body: text,
      accountId,
      createdAt: new Date(Date.now()).toISOString(),
    });
  }
}

/** The notices of a recovery action: one to each verified channel, each with its own report link. */
export function sendNotices(accountId: string, action: NoticeAction, caseRef: string | null): void {
  sendToOwner(accountId, "notice", () => {
    const token = issueReportLink(accountId, action, caseRef);
    const reportUrl = `${FAKE_PUBLIC_URL}/report/${token}`;
    return noticeMessage("en", { action, at: new Date(Date.now()), caseRef, reportUrl });
  });
}

/** `POST /api/v1/reports` `{ token, note? }`. */
export function reportRecovery(body: { token?: unknown; note?: unknown }): FakeReply {
  const token = typeof body.token === "string" ? body.token : "";
  const note = typeof body.note === "string" && body.note.trim() ? body.note.trim() : null;
  if (!TOKEN.test(token) || (note?.length ?? 0) > 1000) {
    return refuse(400, "validation_failed", PROBLEM_DETAILS.fieldsInvalid);
  }
  if (fakeReports.retryAfter !== null) {
    return refuse(429, "rate_limited", PROBLEM_DETAILS.tooManyReports, {
      retryAfter: fakeReports.retryAfter,
    });
  }
  const link = fakeReports.links.get(token);
  const account = link ? findAccount(link.accountId) : undefined;
  if (!link || !account || link.used || link.expiresAt <= Date.now()) {
    return refuse(404, "not_found", PROBLEM_DETAILS.reportLinkUnusable);
  }
  link.used = true;
  fakeReports.received.push({ token, note });
  const now = Date.now();

  const plan = planMove(
    { status: account.status, statusReason: account.statusReason, lockKind: account.lock?.kind ?? null },
    { kind: "freeze" },
  );
  if (plan.ok) {
    changeAccount(account.id, {
      status: "locked",
      statusReason: "reported_by_owner",
      lock: {
        kind: "hard",
        lockedAt: new Date(now).toISOString(),
        lockedUntil: null,
        failedLogins: account.lock?.failedLogins ?? 0,
      },
    });
  }
  // Every open verified window on the account closes.
  for (const v of fakeVerification.verifications.values()) {
    if (v.accountId === account.id && v.status === "verified" && (v.verifiedUntil ?? 0) > now) v.verifiedUntil = now;
  }
  appendEvent({
    action: "account.recovery_reported",
    accountId: account.id,
    actor: SYSTEM_ACTORS.ownerReport,
    caseRef: link.caseRef,
    reason: note,
    details: { reportedAction: link.action, frozen: plan.ok, ...(plan.ok ? {} : { accountStatus: account.status }) },
  });
  raiseFakeAlert({
    kind: "recovery_reported",
    accountId: account.id,
    accountUsername: account.username,
    detail: ALERT_DETAILS.reported(link.action, link.caseRef),
  });
  sendToOwner(account.id, "report_confirmation", () =>
    reportConfirmationMessage("en", { action: link.action, at: new Date(now), caseRef: link.caseRef }),
  );
  return { status: 202, body: { status: "received" } };
}

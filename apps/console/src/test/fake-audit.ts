import {
  AUDIT_REASONS,
  type AuditAction,
  type AuditEvent,
  type AuditEventPage,
  type Staff,
  SYSTEM_ACTORS,
} from "@recovery-desk/shared";
import { maria, tom } from "./fixtures.ts";

type Actor = AuditEvent["actor"];

export const LOCKOUT_POLICY: Actor = SYSTEM_ACTORS.lockoutPolicy;
export const INACTIVITY_SWEEP: Actor = SYSTEM_ACTORS.inactivitySweep;
export const staffActor = (staff: Staff): Actor => ({ type: "staff", id: staff.id, name: staff.username });

type EventInit = {
  action: AuditAction;
  accountId: string;
  actor: Actor;
  at?: string;
  reason?: string | null;
  caseRef?: string | null;
  details?: Record<string, unknown>;
};

/** The audit trail of the fake API: every event, oldest first, numbered like the real chain. */
export const fakeAudit = { events: [] as AuditEvent[] };

export function appendEvent(init: EventInit): AuditEvent {
  const seq = fakeAudit.events.length + 1;
  const event: AuditEvent = {
    id: `evt_${seq}`,
    seq,
    occurredAt: init.at ?? new Date(Date.now()).toISOString(),
    actor: init.actor,
    action: init.action,
    accountId: init.accountId,
    caseRef: init.caseRef ?? null,
    reason: init.reason ?? null,
    requestId: `req_evt_${seq}`,
    ip: "127.0.0.1",
    details: init.details ?? {},
    hash: seq.toString(16).padStart(64, "0"),
    prevHash: (seq - 1).toString(16).padStart(64, "0"),
  };
  fakeAudit.events.push(event);
  return event;
}

/** How Maria got her hard lock and Tom his deactivation, as the demo world records it. */
function seedHistory(): void {
  appendEvent({
    action: "account.locked",
    accountId: maria.id,
    actor: LOCKOUT_POLICY,
    at: "2026-11-20T09:10:00.000Z",
    reason: AUDIT_REASONS.failedLogins(5),
    details: { lockKind: "temporary", failedLogins: 5 },
  });
  appendEvent({
    action: "account.unlocked",
    accountId: maria.id,
    actor: LOCKOUT_POLICY,
    at: "2026-11-20T09:40:00.000Z",
    reason: AUDIT_REASONS.temporaryLockEnded,
    details: { lockEndedAt: "2026-11-20T09:40:00.000Z" },
  });
  appendEvent({
    action: "account.locked",
    accountId: maria.id,
    actor: LOCKOUT_POLICY,
    at: "2026-11-20T15:30:00.000Z",
    reason: AUDIT_REASONS.failedLogins(5),
    details: { lockKind: "hard", failedLogins: 5 },
  });
  appendEvent({
    action: "account.deactivated",
    accountId: tom.id,
    actor: INACTIVITY_SWEEP,
    at: "2024-03-15T02:00:00.000Z",
    reason: AUDIT_REASONS.inactive(1095),
    details: { lastActivityAt: "2021-03-14T12:00:00.000Z" },
  });
}

export function resetFakeAudit(): void {
  fakeAudit.events = [];
  seedHistory();
}

resetFakeAudit();

/** One page of an account's history, newest first; the cursor is the last sequence number shown. */
export function timelinePage(accountId: string, params: URLSearchParams): AuditEventPage {
  const limit = Number(params.get("limit") ?? 50);
  const before = params.get("cursor") ? Number(params.get("cursor")) : Number.POSITIVE_INFINITY;
  const older = fakeAudit.events
    .filter((event) => event.accountId === accountId && event.seq < before)
    .sort((a, b) => b.seq - a.seq);
  const items = older.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: older.length > limit && last ? String(last.seq) : null };
}

/**
 * The supervisor alerts of the fake API, following the real one's rules: supervisors and admins
 * list them newest first (paged by cursor, with the number open in all) and acknowledge an open one
 * with a note (trimmed, 1–500 characters); a second acknowledgement is 409 naming who did it first.
 * An owner's report raises one (fake-reports.ts).
 */
import {
  ALERT_KIND_WORDS,
  type Alert,
  type AlertKind,
  type AlertPage,
  PROBLEM_DETAILS,
  roleAtLeast,
  type Staff,
} from "@recovery-desk/shared";
import { appendEvent, staffActor } from "./fake-audit.ts";
import { type FakeReply, refuse } from "./fake-verification-state.ts";

export const fakeAlerts = {
  /** Newest last, as raised. */
  alerts: [] as Alert[],
  /** How many times the list was asked for, e.g. by the navigation's poll. */
  listCalls: 0,
};

export function resetFakeAlerts(): void {
  fakeAlerts.alerts = [];
  fakeAlerts.listCalls = 0;
}

type AlertInit = {
  kind: AlertKind;
  detail: string;
  accountId?: string | null;
  accountUsername?: string | null;
  staffId?: string | null;
  staffUsername?: string | null;
  raisedAt?: string;
};

/** Raises an alert as its cause would (the fake trail leaves out `alert.raised`; the cause's own event stays its last). */
export function raiseFakeAlert(init: AlertInit): Alert {
  const alert: Alert = {
    id: `alr_${fakeAlerts.alerts.length + 1}`,
    kind: init.kind,
    severity: ALERT_KIND_WORDS[init.kind].severity,
    accountId: init.accountId ?? null,
    accountUsername: init.accountUsername ?? null,
    staffId: init.staffId ?? null,
    staffUsername: init.staffUsername ?? null,
    detail: init.detail,
    raisedAt: init.raisedAt ?? new Date(Date.now()).toISOString(),
    status: "open",
    acknowledgedBy: null,
    acknowledgedAt: null,
    note: null,
  };
  fakeAlerts.alerts.push(alert);
  return alert;
}

const forbidden = () => refuse(403, "forbidden", PROBLEM_DETAILS.roleNeeded("supervisor"));

/** `GET /alerts?status=&limit=&cursor=`: the cursor is the index to start from. */
export function listAlerts(session: Staff, params: URLSearchParams): FakeReply {
  if (!roleAtLeast(session.role, "supervisor")) return forbidden();
  fakeAlerts.listCalls += 1;
  const status = params.get("status");
  const limit = Number(params.get("limit") ?? 50);
  const start = Number(params.get("cursor") ?? 0);
  const newestFirst = [...fakeAlerts.alerts].reverse().filter((a) => !status || a.status === status);
  const items = newestFirst.slice(start, start + limit);
  const body: AlertPage = {
    items,
    nextCursor: start + limit < newestFirst.length ? String(start + limit) : null,
    open: fakeAlerts.alerts.filter((a) => a.status === "open").length,
  };
  return { status: 200, body };
}

/** `POST /alerts/:id/acknowledge` `{ note }`. */
export function acknowledgeFakeAlert(session: Staff, id: string, body: { note?: unknown }): FakeReply {
  if (!roleAtLeast(session.role, "supervisor")) return forbidden();
  const note = typeof body.note === "string" ? body.note.trim() : "";
  if (!note || note.length > 500) return refuse(400, "validation_failed", PROBLEM_DETAILS.fieldsInvalid);
  const alert = fakeAlerts.alerts.find((a) => a.id === id);
  if (!alert) return refuse(404, "not_found", PROBLEM_DETAILS.notFound("The alert"));
  if (alert.status !== "open") {
    return refuse(
      409,
      "conflict",
      PROBLEM_DETAILS.alertAcknowledgedAlready(
        alert.acknowledgedBy ?? "another supervisor",
        new Date(alert.acknowledgedAt ?? 0),
      ),
    );
  }
  Object.assign(alert, {
    status: "acknowledged",
    acknowledgedBy: session.username,
    acknowledgedAt: new Date(Date.now()).toISOString(),
    note,
  });
  // The fake trail keeps events on accounts; the real one also records alerts about an agent.
  if (alert.accountId) {
    appendEvent({
      action: "alert.acknowledged",
      accountId: alert.accountId,
      actor: staffActor(session),
      reason: note,
      details: { alertId: alert.id, kind: alert.kind },
    });
  }
  return { status: 200, body: alert };
}

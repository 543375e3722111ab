/**
 * The supervisor's side of the fake audit trail, over the same events as fake-audit.ts: filtered
 * keyset pages, the CSV/NDJSON export, chain checks with checkpoints, and the chain's state. It follows
 * the real API's rules (newest first, `to` exclusive, a check from event 1 or from the checkpoint that
 * finds its range intact becomes the checkpoint). Reset it in `beforeEach` with `resetFakeAuditTrail`.
 */
import type {
  AuditAction,
  AuditEvent,
  ChainCheck,
  ChainState,
  ListedAuditEvent,
  ListedAuditEventPage,
} from "@recovery-desk/shared";
import { ada, sam } from "./admin-fixtures.ts";
import { appendEvent, fakeAudit } from "./fake-audit.ts";
import { accounts, ava } from "./fixtures.ts";

type Actor = AuditEvent["actor"];

export const fakeTrail = {
  lastCheck: null as ChainState["lastCheck"],
  lastCheckpoint: null as ChainState["lastCheckpoint"],
  /** An event changed behind the database's back: its stored hash no longer fits. */
  tamperedSeq: null as number | null,
  /** Every verify call, in order. */
  verifyCalls: [] as Array<{ fromSeq: number; toSeq: number | null }>,
  /** The query of every list call, in order. */
  listCalls: [] as URLSearchParams[],
  /** The query of every export call, in order. */
  exportCalls: [] as URLSearchParams[],
  checkedAt: "2026-11-24T15:00:00.000Z",
  /** How many lines the export sends in one piece. */
  exportChunkLines: 1000,
  /** When set, the export waits for it after its first piece, so a test can look at the progress. */
  exportHold: null as Promise<void> | null,
};

export function resetFakeAuditTrail(): void {
  fakeTrail.lastCheck = null;
  fakeTrail.lastCheckpoint = null;
  fakeTrail.tamperedSeq = null;
  fakeTrail.verifyCalls = [];
  fakeTrail.listCalls = [];
  fakeTrail.exportCalls = [];
  fakeTrail.exportChunkLines = 1000;
  fakeTrail.exportHold = null;
}

const ACTIONS: AuditAction[] = ["auth.login", "account.viewed_unmasked", "verification.started", "account.unlocked"];

/**
 * Adds `count` more events, one a minute after `start`, cycling through a few actions and two
 * accounts, by the given actor. Returns them oldest first.
 */
export function addEvents(
  count: number,
  { start = "2026-11-21T14:00:00.000Z", actor }: { start?: string; actor: Actor },
): AuditEvent[] {
  const from = Date.parse(start);
  return Array.from({ length: count }, (_, i) =>
    appendEvent({
      action: ACTIONS[i % ACTIONS.length] ?? "auth.login",
      accountId: i % 2 === 0 ? "acc_bulk0001" : "acc_bulk0002",
      actor,
      at: new Date(from + i * 60_000).toISOString(),
      reason: `Routine work ${i + 1}`,
      caseRef: `CASE-${1000 + i}`,
      details: { n: i + 1 },
    }),
  );
}

/** The staff the fake API knows by username, and the bulk accounts' usernames beside the fixtures'. */
const STAFF = [ava, sam, ada];
const BULK_USERNAMES: Record<string, string> = { acc_bulk0001: "bulk.one", acc_bulk0002: "bulk.two" };

function accountUsername(id: string): string | null {
  return accounts.find((account) => account.id === id)?.username ?? BULK_USERNAMES[id] ?? null;
}

/**
 * The ids behind the `actor` and `account` filters, as the real API resolves them: a username in any
 * case, or an id. A name that belongs to no one is the field the API refuses (`query.actor` …).
 */
export function resolveNames(
  params: URLSearchParams,
): { actorId?: string; accountId?: string } | { unknown: "actor" | "account"; value: string } {
  const resolved: { actorId?: string; accountId?: string } = {};
  const actor = params.get("actor")?.trim();
  if (actor) {
    const member = STAFF.find((s) => s.id === actor || s.username.toLowerCase() === actor.toLowerCase());
    if (!member) return { unknown: "actor", value: actor };
    resolved.actorId = member.id;
  }
  const account = params.get("account")?.trim();
  if (account) {
    const id = [...accounts.map((a) => a.id), ...Object.keys(BULK_USERNAMES)].find(
      (candidate) => candidate === account || accountUsername(candidate)?.toLowerCase() === account.toLowerCase(),
    );
    if (!id) return { unknown: "account", value: account };
    resolved.accountId = id;
  }
  return resolved;
}

function matches(event: AuditEvent, params: URLSearchParams): boolean {
  const is = (key: string, value: string | null) => !params.get(key) || params.get(key) === value;
  if (!is("actorId", event.actor.id) || !is("action", event.action)) return false;
  if (!is("accountId", event.accountId) || !is("caseRef", event.caseRef)) return false;
  const names = resolveNames(params);
  if ("unknown" in names) return false;
  if (names.actorId && event.actor.id !== names.actorId) return false;
  if (names.accountId && event.accountId !== names.accountId) return false;
  const from = params.get("from");
  const to = params.get("to");
  if (from && Date.parse(event.occurredAt) < Date.parse(from)) return false;
  if (to && Date.parse(event.occurredAt) >= Date.parse(to)) return false;
  const q = params.get("q")?.toLowerCase();
  if (q && !`${event.reason ?? ""} ${JSON.stringify(event.details)}`.toLowerCase().includes(q)) return false;
  return true;
}

/** Matching events, newest first. */
export function matchingEvents(params: URLSearchParams): AuditEvent[] {
  return fakeAudit.events.filter((event) => matches(event, params)).sort((a, b) => b.seq - a.seq);
}

/** One page of the trail; the cursor is the last sequence number shown, dressed up to look opaque. */
export function listTrail(params: URLSearchParams): ListedAuditEventPage {
  fakeTrail.listCalls.push(params);
  const limit = Number(params.get("limit") ?? 50);
  const cursor = params.get("cursor");
  const before = cursor ? Number(cursor.replace("cur_", "")) : Number.POSITIVE_INFINITY;
  const found = matchingEvents(params).filter((event) => event.seq < before);
  const items = found.slice(0, limit).map(listed);
  const last = items.at(-1);
  return { items, nextCursor: found.length > limit && last ? `cur_${last.seq}` : null };
}

/** An event as the list answers it: with its account's username beside the id. */
function listed(event: AuditEvent): ListedAuditEvent {
  const username = event.accountId ? accountUsername(event.accountId) : null;
  return { ...event, account: event.accountId && username ? { id: event.accountId, username } : null };
}

const csvField = (value: string | number | null) => {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** The export as the real API writes it: CSV with a header row, or one JSON object a line. */
export function exportLines(params: URLSearchParams): string[] {
  fakeTrail.exportCalls.push(params);
  const events = matchingEvents(params);
  if (params.get("format") === "ndjson") return events.map((event) => `${JSON.stringify(event)}\n`);
  const header =
    "seq,id,occurred_at,actor_type,actor_id,actor_name,action,account_id,case_ref,reason,request_id,ip,details,prev_hash,hash\r\n";
  return [
    header,
    ...events.map(
      (e) =>
        `${[
          e.seq,
          e.id,
          e.occurredAt,
          e.actor.type,
          e.actor.id,
          e.actor.name,
          e.action,
          e.accountId,
          e.caseRef,
          e.reason,
          e.requestId,
          e.ip,
          JSON.stringify(e.details),
          e.prevHash,
          e.hash,
        ]
          .map(csvField)
          .join(",")}\r\n`,
    ),
  ];
}

const head = () => fakeAudit.events.at(-1);

/** Recomputes the chain over a range, as the real verify does, and records the check. */
export function verifyTrail(fromSeq: number, toSeq: number | null, by: string): ChainCheck {
  fakeTrail.verifyCalls.push({ fromSeq, toSeq });
  const upTo = toSeq ?? head()?.seq ?? 0;
  const checkpoint = fakeTrail.lastCheckpoint;
  let checked = 0;
  let lastSeq = fromSeq - 1;
  let result: ChainCheck | null = null;
  for (const event of fakeAudit.events) {
    if (event.seq < fromSeq || event.seq > upTo) continue;
    if (event.seq === fakeTrail.tamperedSeq) {
      const before = fakeAudit.events[lastSeq - 1];
      result = { ok: false, checked, headSeq: lastSeq, headHash: before?.hash ?? "", firstBadSeq: event.seq };
      break;
    }
    checked += 1;
    lastSeq = event.seq;
  }
  const last = fakeAudit.events[lastSeq - 1];
  result ??= { ok: true, checked, headSeq: lastSeq, headHash: last?.hash ?? "" };
  fakeTrail.lastCheck = {
    checkedAt: fakeTrail.checkedAt,
    ok: result.ok,
    fromSeq,
    toSeq: result.ok ? result.headSeq : (result.firstBadSeq ?? fromSeq),
    firstBadSeq: result.firstBadSeq ?? null,
    by,
  };
  const fromAnchor = fromSeq === 1 || checkpoint?.seq === fromSeq - 1;
  if (result.ok && fromAnchor && last) {
    fakeTrail.lastCheckpoint = { seq: last.seq, hash: last.hash, checkedAt: fakeTrail.checkedAt };
  }
  return result;
}

export function trailState(): ChainState {
  return {
    headSeq: head()?.seq ?? 0,
    headHash: head()?.hash ?? "",
    lastCheck: fakeTrail.lastCheck,
    lastCheckpoint: fakeTrail.lastCheckpoint,
  };
}

/**
 * Faults (a) and (c): the API process is killed (SIGKILL, no shutdown at all) while agents lift
 * lockouts, reactivate accounts, send temporary passwords and propose merges, and supervisors
 * approve merges — all at once, from several sessions, on a real PostgreSQL. After a restart on the
 * same database every touched account must be wholly before or wholly after its change, and the
 * audit chain must verify. Then every request that got no answer is retried with its
 * Idempotency-Key, and each change must have happened exactly once.
 */
import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AccountSummary,
  type ApiClient,
  inBatches,
  NoVerifiedChannel,
  type Outcome,
  signIn,
  verifyCaller,
} from "./client.ts";
import { auditHeadSeq, report, type SoakWorld, startSoakWorld, verifyAuditChain } from "./world.ts";

type Kind = "unlock" | "reactivate" | "temporary password" | "propose merge" | "approve merge";

interface Op {
  n: number;
  kind: Kind;
  client: ApiClient;
  path: string;
  body: Record<string, unknown>;
  key: string;
  /** The account the change is about (the survivor, for merges). */
  accountId: string;
  merge?: { id?: string; survivorId: string; mergedIds: string[] };
  sent?: boolean;
  first?: Outcome;
  retried?: { outcome: Outcome; attempts: number };
}

interface AuditRow {
  seq: string;
  action: string;
  account_id: string | null;
  request_id: string | null;
  details: Record<string, unknown>;
}

interface AccountRow {
  id: string;
  status: string;
  lock_kind: string | null;
  locked_at: Date | null;
  failed_login_count: number;
  deactivated_at: Date | null;
  has_temporary_password: boolean;
  must_change_password: boolean;
  merged_into: string | null;
}

interface MergeRow {
  id: string;
  status: string;
  survivor_id: string;
  snapshot: { accounts: { id: string }[]; addresses: { id: string; accountId: string }[] } | null;
}

const WORKERS = 10;
const KILL_AFTER_ANSWERS = 15;

let world: SoakWorld;
let agents: ApiClient[];
let supervisors: ApiClient[];
const ops: Op[] = [];
let baselineSeq = 0;
/** Address id → its account before the run, for the merges. */
const addressOwners = new Map<string, string>();
/** Active accounts with an open window, kept aside for the live idempotency check. */
let spare: { id: string; channel: "email" | "sms" }[] = [];

const isSuccess = (o: Outcome | undefined) => o?.kind === "answer" && o.status >= 200 && o.status < 300;

beforeAll(async () => {
  const setupStarted = Date.now();
  world = await startSoakWorld("api-kill");
  const { baseUrl } = world.server;
  agents = await Promise.all([1, 2, 3].map((n) => signIn(baseUrl, "ava.agent", `ava #${n}`)));
  supervisors = [world.supervisor, await signIn(baseUrl, "sam.supervisor", "sam #2")];
  const agent = agents[0] as ApiClient;

  // Duplicate pairs for merges; their accounts are kept out of every other list.
  const clusters = (
    await world.supervisor.get<{ items: { size: number; accounts: AccountSummary[] }[] }>(
      "/api/v1/duplicate-clusters?limit=200",
    )
  ).items;
  const inClusters = new Set(clusters.flatMap((c) => c.accounts.map((a) => a.id)));
  const pairs = clusters.filter((c) => c.size === 2 && c.accounts.every((a) => a.status === "active"));
  const listed = async (status: string) =>
    (await agent.get<{ items: AccountSummary[] }>(`/api/v1/accounts?status=${status}&limit=200`)).items.filter(
      (a) => !inClusters.has(a.id),
    );
  const [locked, deactivated, active] = [await listed("locked"), await listed("deactivated"), await listed("active")];

  // Open a verified window for ava on every account she will act on: a one-time code (two for a
  // temporary password), read from the outbox. Accounts without the verified channels are passed over.
  let caseNo = 0;
  const verified = async (id: string, codes: 1 | 2 = 1) => {
    try {
      return await verifyCaller(agent, id, `SOAK-${++caseNo}`, codes);
    } catch (error) {
      if (error instanceof NoVerifiedChannel) return null;
      throw error;
    }
  };
  const firstVerified = async (candidates: AccountSummary[], needed: number, codes: 1 | 2 = 1) => {
    const found: { id: string; channel: "email" | "sms" }[] = [];
    let next = 0;
    await Promise.all(
      [1, 2, 3].map(async () => {
        while (found.length < needed && next < candidates.length) {
          const v = await verified((candidates[next++] as AccountSummary).id, codes);
          if (v && found.length < needed) found.push({ id: v.detail.id, channel: v.channel });
        }
      }),
    );
    return found;
  };
  const unlockable = (await firstVerified(locked, 14)).map((a) => a.id);
  const reactivatable = (await firstVerified(deactivated, 14)).map((a) => a.id);
  // A temporary password needs two pieces of evidence, one a code: these get a code on each channel.
  const reachable = await firstVerified(active, 13, 2);
  spare = reachable.slice(12);
  const forPassword = reachable.slice(0, 12);
  const merges: { survivorId: string; mergedIds: string[] }[] = [];
  for (const pair of pairs) {
    if (merges.length === 8) break;
    for (const [survivor, other] of [pair.accounts, [...pair.accounts].reverse()]) {
      if (survivor && other && (await verified(survivor.id))) {
        merges.push({ survivorId: survivor.id, mergedIds: [other.id] });
        break;
      }
    }
  }
  expect(unlockable.length).toBe(14);
  expect(reactivatable.length).toBe(14);
  expect(forPassword.length).toBe(12);
  expect(spare.length).toBe(1);
  expect(merges.length).toBeGreaterThanOrEqual(6);
  report(
    `Set-up: ${caseNo} callers verified, ${merges.length} duplicate pairs, ${Math.round((Date.now() - setupStarted) / 1000)} s`,
  );

  // Half the merges are proposed now and approved under fire; the other half are proposed under fire.
  const toApprove = merges.slice(0, Math.floor(merges.length / 2));
  const toPropose = merges.slice(toApprove.length);
  const approvable = await Promise.all(
    toApprove.map(async (m) => {
      const created = await agent.call<{ id: string }>("POST", "/api/v1/merges", 201, {
        body: { ...m, reason: "Same person at one address; the caller asked for one account." },
      });
      return { ...m, id: created.id };
    }),
  );

  baselineSeq = await auditHeadSeq(world.sql);
  const mergeAccounts = merges.flatMap((m) => [m.survivorId, ...m.mergedIds]);
  for (const row of await world.sql<{ id: string; account_id: string }[]>`
    select id, account_id from addresses where account_id in ${world.sql(mergeAccounts)}`) {
    addressOwners.set(row.id, row.account_id);
  }
  const withPasswords = await world.sql`
    select id from accounts where id in ${world.sql(forPassword.map((a) => a.id))} and temporary_password_hash is not null`;
  expect(withPasswords).toHaveLength(0);

  // Every kind of change, interleaved, so the kill lands in the middle of several kinds at once.
  const queues: Omit<Op, "n" | "client" | "key">[][] = [
    unlockable.map((id) => ({
      kind: "unlock",
      accountId: id,
      path: `/api/v1/accounts/${id}/unlock`,
      body: { reason: "Caller verified by a code; locked out after a password mix-up." },
    })),
    reactivatable.map((id) => ({
      kind: "reactivate",
      accountId: id,
      path: `/api/v1/accounts/${id}/reactivate`,
      body: { reason: "Caller verified by a code; wants to use the account again." },
    })),
    forPassword.map((a) => ({
      kind: "temporary password",
      accountId: a.id,
      path: `/api/v1/accounts/${a.id}/temporary-password`,
      body: { channel: a.channel, reason: "Caller verified by a code; forgot the password." },
    })),
    toPropose.map((m) => ({
      kind: "propose merge",
      accountId: m.survivorId,
      merge: m,
      path: "/api/v1/merges",
      body: { ...m, reason: "Same person at one address; the caller asked for one account." },
    })),
    approvable.map((m) => ({
      kind: "approve merge",
      accountId: m.survivorId,
      merge: m,
      path: `/api/v1/merges/${m.id}/approve`,
      body: { reason: "Checked the side-by-side comparison: same person." },
    })),
  ];
  while (queues.some((q) => q.length > 0)) {
    for (const queue of queues) {
      const next = queue.shift();
      if (!next) continue;
      const n = ops.length;
      const client = next.kind === "approve merge" ? supervisors[n % 2] : agents[n % agents.length];
      ops.push({ ...next, n, client: client as ApiClient, key: `soak-kill-${n}-${crypto.randomUUID()}` });
    }
  }
});

afterAll(async () => {
  await world?.stop();
});

/** Reads what the database holds for every operation: account rows, merges, addresses and the audit events since the baseline. */
async function observe(sql: postgres.Sql) {
  const accountIds = [...new Set(ops.flatMap((o) => [o.accountId, ...(o.merge?.mergedIds ?? [])]))];
  const survivorIds = ops.filter((o) => o.merge).map((o) => o.accountId);
  const [accounts, merges, addresses, events] = await Promise.all([
    sql<AccountRow[]>`
      select id, status, lock_kind, locked_at, failed_login_count, deactivated_at,
             temporary_password_hash is not null as has_temporary_password, must_change_password, merged_into
      from accounts where id in ${sql(accountIds)}`,
    sql<MergeRow[]>`select id, status, survivor_id, snapshot from merges where survivor_id in ${sql(survivorIds)}`,
    sql<{ id: string; account_id: string }[]>`
      select id, account_id from addresses where id in ${sql([...addressOwners.keys()])}`,
    sql<AuditRow[]>`
      select seq, action, account_id, request_id, details from audit_events where seq > ${baselineSeq} order by seq`,
  ]);
  return {
    account: new Map(accounts.map((a) => [a.id, a])),
    merges,
    addressOwner: new Map(addresses.map((a) => [a.id, a.account_id])),
    events,
  };
}
type Observed = Awaited<ReturnType<typeof observe>>;

/**
 * Whether an operation's change is wholly absent ("before"), wholly present ("after"), or — the
 * failure this suite looks for — half there, or there twice.
 */
function judge(op: Op, db: Observed): { state: "before" | "after" } | { state: "broken"; why: string } {
  const broken = (why: string) => ({ state: "broken" as const, why: `${op.kind} #${op.n}: ${why}` });
  const events = (action: string, accountId = op.accountId) =>
    db.events.filter((e) => e.action === action && e.account_id === accountId);
  const account = db.account.get(op.accountId);
  if (!account) return broken("account row missing");
  const withCompanion = (event: AuditRow | undefined) =>
    event !== undefined &&
    db.events.some((e) => e.action === "account.viewed_unmasked" && e.request_id === event.request_id);

  switch (op.kind) {
    case "unlock":
    case "reactivate": {
      const [from, action] =
        op.kind === "unlock" ? ["locked", "account.unlocked"] : ["deactivated", "account.reactivated"];
      const done = events(action);
      if (done.length > 1) return broken(`${done.length} ${action} events`);
      if (account.status === from && done.length === 0) return { state: "before" };
      const cleared =
        op.kind === "unlock"
          ? account.lock_kind === null && account.locked_at === null && account.failed_login_count === 0
          : account.deactivated_at === null;
      if (account.status === "active" && cleared && done.length === 1 && withCompanion(done[0]))
        return { state: "after" };
      return broken(`status ${account.status}, cleared ${cleared}, ${done.length} events`);
    }
    case "temporary password": {
      const done = events("account.temporary_password_issued");
      if (done.length > 1) return broken(`${done.length} temporary passwords issued`);
      if (!account.has_temporary_password && done.length === 0) return { state: "before" };
      if (account.has_temporary_password && account.must_change_password && done.length === 1)
        return { state: "after" };
      return broken(`password set ${account.has_temporary_password}, ${done.length} events`);
    }
    case "propose merge": {
      const rows = db.merges.filter((m) => m.survivor_id === op.accountId);
      const requested = events("merge.requested");
      if (rows.length === 0 && requested.length === 0) return { state: "before" };
      if (
        rows.length === 1 &&
        rows[0]?.status === "pending_approval" &&
        requested.length === 1 &&
        requested[0]?.details.mergeId === rows[0].id
      )
        return { state: "after" };
      return broken(`${rows.length} merges, ${requested.length} merge.requested events`);
    }
    case "approve merge": {
      const merge = db.merges.find((m) => m.id === op.merge?.id);
      const mergedIds = op.merge?.mergedIds ?? [];
      if (!merge) return broken("merge row missing");
      const approved = db.events.filter((e) => e.action === "merge.approved" && e.details.mergeId === merge.id);
      const completed = db.events.filter((e) => e.action === "merge.completed" && e.details.mergeId === merge.id);
      const others = mergedIds.map((id) => db.account.get(id));
      const ownAddresses = [...addressOwners].filter(([, owner]) => [op.accountId, ...mergedIds].includes(owner));
      const addressesUnchanged = ownAddresses.every(([id, owner]) => db.addressOwner.get(id) === owner);
      if (
        merge.status === "pending_approval" &&
        merge.snapshot === null &&
        approved.length === 0 &&
        completed.length === 0 &&
        others.every((a) => a?.status === "active") &&
        addressesUnchanged
      )
        return { state: "before" };
      const moved = completed.flatMap((e) => (e.details.movedAddressIds as string[] | undefined) ?? []);
      if (
        merge.status === "completed" &&
        merge.snapshot !== null &&
        merge.snapshot.accounts.length === 1 + mergedIds.length &&
        merge.snapshot.addresses.length >= ownAddresses.length &&
        approved.length === 1 &&
        completed.length === mergedIds.length &&
        completed.every((e) => mergedIds.includes(e.account_id ?? "")) &&
        others.every((a) => a?.status === "merged" && a.merged_into === op.accountId) &&
        moved.every((id) => db.addressOwner.get(id) === op.accountId)
      )
        return { state: "after" };
      return broken(
        `merge ${merge.status}, snapshot ${merge.snapshot !== null}, ${approved.length} approved and ${completed.length} completed events, others ${others.map((a) => a?.status).join("/")}, addresses unchanged ${addressesUnchanged}`,
      );
    }
  }
}

function describeOutcome(o: Outcome | undefined): string {
  if (!o) return "not sent";
  if (o.kind === "failed") return `cut (${o.error})`;
  const { code, idempotency } = o.body as { code?: string; idempotency?: string };
  return [o.status, code, idempotency].filter(Boolean).join(" ");
}

/** Counts rows of (kind, what happened) into a small table. */
function table(title: string, rows: [kind: string, what: string][]): string {
  const counts = new Map<string, number>();
  for (const [kind, what] of rows) {
    const line = `${kind.padEnd(20)} ${what}`;
    counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  return [title, ...[...counts].sort().map(([k, v]) => `  ${k.padEnd(58)} ${v}`)].join("\n");
}

describe("the API is killed in the middle of merges and unlocks", () => {
  it("leaves every account wholly before or wholly after its change, with an intact audit chain", async () => {
    let next = 0;
    let answered = 0;
    let killing = false;
    let startKill: () => void = () => {};
    const killSignal = new Promise<void>((resolve) => {
      startKill = resolve;
    });
    const workers = Array.from({ length: WORKERS }, async () => {
      while (!killing && next < ops.length) {
        const op = ops[next++] as Op;
        op.sent = true;
        op.first = await op.client.send("POST", op.path, { body: op.body, idempotencyKey: op.key, timeoutMs: 30_000 });
        if (++answered >= KILL_AFTER_ANSWERS) startKill();
      }
    });
    // Reads go on at the same time: the searches of other agents on other calls.
    const readers = [1, 2].map(async (r) => {
      for (let i = 0; !killing; i++) {
        await (agents[r] as ApiClient).send(
          "GET",
          `/api/v1/accounts?q=${encodeURIComponent(["smith", "62701", "main st"][i % 3] as string)}`,
        );
      }
    });

    await Promise.race([killSignal, Promise.all(workers)]);
    killing = true;
    const inFlight = ops.filter((o) => o.sent && !o.first).map((o) => o.kind);
    await world.server.kill("SIGKILL");
    await Promise.all([...workers, ...readers]);

    const restartedAt = Date.now();
    await world.server.restart();
    const restartMs = Date.now() - restartedAt;

    const db = await observe(world.sql);
    const verdicts = ops.map((op) => ({ op, verdict: judge(op, db) }));
    report(
      [
        table(
          `Killed the API with ${inFlight.length} changes in flight (${inFlight.join(", ")}); restarted in ${restartMs} ms. Per change: first answer → state after the restart`,
          verdicts.map(({ op, verdict }) => [op.kind, `${describeOutcome(op.first)} → ${verdict.state}`]),
        ),
      ].join("\n"),
    );

    expect(inFlight.length).toBeGreaterThan(0);
    // Nothing half done, nothing done twice.
    expect(verdicts.flatMap(({ verdict }) => (verdict.state === "broken" ? [verdict.why] : []))).toEqual([]);
    // An answered change is there; a change never sent is not.
    for (const { op, verdict } of verdicts) {
      if (op.first?.kind === "answer") {
        expect(describeOutcome(op.first), `${op.kind} #${op.n}`).toMatch(/^2\d\d/);
        expect(verdict.state, `${op.kind} #${op.n} was answered ${op.first.status}`).toBe("after");
      }
      if (!op.sent) expect(verdict.state, `${op.kind} #${op.n} was never sent`).toBe("before");
    }

    const chain = await verifyAuditChain(world.supervisor);
    expect(chain).toMatchObject({ ok: true, checked: chain.headSeq });
    expect(chain.headSeq).toBe(await auditHeadSeq(world.sql));
  });

  it("replays one answer to the same Idempotency-Key sent again while the first runs and after it", async () => {
    const target = spare[0];
    if (!target) throw new Error("no spare account");
    const from = await auditHeadSeq(world.sql);
    const sentAfter = new Date();
    const key = `soak-live-${crypto.randomUUID()}`;
    const body = { channel: target.channel, reason: "Caller verified by a code; asked twice on a bad line." };
    const path = `/api/v1/accounts/${target.id}/temporary-password`;
    const agent = agents[0] as ApiClient;
    const first = await Promise.all(agents.map((a) => a.send("POST", path, { body, idempotencyKey: key })));
    const finals = await Promise.all(first.map((o, i) => settle(agents[i] as ApiClient, path, body, key, o)));

    expect(finals.map((f) => describeOutcome(f.outcome))).toEqual(["202", "202", "202"]);
    const bodies = finals.map((f) => (f.outcome.kind === "answer" ? f.outcome.body : null));
    for (const other of bodies) expect(other).toEqual(bodies[0]);
    const replayed = finals.filter((f) => f.outcome.kind === "answer" && f.outcome.headers.get("idempotency-replayed"));
    expect(replayed.length).toBe(2);

    // Once more, later: the same answer again; the same key with another body is a conflict.
    const again = await agent.send("POST", path, { body, idempotencyKey: key });
    expect(again.kind === "answer" && again.body).toEqual(bodies[0]);
    const otherBody = await agent.send("POST", path, {
      body: { ...body, reason: "Another reason" },
      idempotencyKey: key,
    });
    expect(describeOutcome(otherBody)).toBe("409 conflict");

    const issued = await world.sql`
      select 1 from audit_events where seq > ${from} and account_id = ${target.id} and action = 'account.temporary_password_issued'`;
    const messages = await world.sql`
      select 1 from outbox where account_id = ${target.id} and subject = 'Your temporary password' and created_at >= ${sentAfter}`;
    expect(issued).toHaveLength(1);
    expect(messages).toHaveLength(1);
  });

  it("completes every change cut off by the kill exactly once when it is retried with its Idempotency-Key", async () => {
    const unanswered = ops.filter((o) => !isSuccess(o.first));
    expect(unanswered.length).toBeGreaterThan(0);
    await inBatches(unanswered, WORKERS, async (op) => {
      op.retried = await settle(op.client, op.path, op.body, op.key, undefined);
    });
    const db = await observe(world.sql);
    const verdicts = ops.map((op) => ({ op, verdict: judge(op, db) }));
    report(
      table(
        "Retried with the same Idempotency-Key after the restart: first answer → final answer → state",
        unanswered.map((op) => [
          op.kind,
          `${describeOutcome(op.first)} → ${describeOutcome(op.retried?.outcome)}${(op.retried?.attempts ?? 1) > 1 ? " (after the key's first run was given up)" : ""} → ${judge(op, db).state}`,
        ]),
      ),
    );

    expect(verdicts.flatMap(({ verdict }) => (verdict.state === "broken" ? [verdict.why] : []))).toEqual([]);
    expect(verdicts.filter(({ verdict }) => verdict.state !== "after").map(({ op }) => `${op.kind} #${op.n}`)).toEqual(
      [],
    );
    // Every retry came to a final answer: the change's own answer (first run or replay), or — when
    // the first run took effect but its answer was lost with the process — a conflict that says so.
    for (const op of unanswered) {
      const outcome = op.retried?.outcome;
      const answer = describeOutcome(outcome);
      const lost =
        outcome?.kind === "answer" && (outcome.body as { idempotency?: string }).idempotency === "answer_lost";
      expect(answer.startsWith("2") || lost, `${op.kind} #${op.n}: ${answer}`).toBe(true);
    }
    const chain = await verifyAuditChain(world.supervisor);
    expect(chain).toMatchObject({ ok: true, checked: chain.headSeq });
  });
});

/**
 * Sends a request with its Idempotency-Key until it has a final answer, as a careful client does:
 * a cut connection or "still in progress" (409 with `idempotency: in_progress`) is retried after
 * `Retry-After`; the first run of a request killed with the server is taken over after a minute.
 */
async function settle(
  client: ApiClient,
  path: string,
  body: Record<string, unknown>,
  key: string,
  first: Outcome | undefined,
): Promise<{ outcome: Outcome; attempts: number }> {
  const deadline = Date.now() + 120_000;
  let outcome = first ?? (await client.send("POST", path, { body, idempotencyKey: key, timeoutMs: 30_000 }));
  let attempts = 1;
  for (;;) {
    const inProgress =
      outcome.kind === "answer" &&
      outcome.status === 409 &&
      (outcome.body as { idempotency?: string }).idempotency === "in_progress";
    if (!inProgress && outcome.kind === "answer") return { outcome, attempts };
    if (Date.now() > deadline) return { outcome, attempts };
    const wait = outcome.kind === "answer" ? Number(outcome.headers.get("retry-after") ?? 1) * 1000 : 1000;
    await new Promise((r) => setTimeout(r, wait));
    outcome = await client.send("POST", path, { body, idempotencyKey: key, timeoutMs: 30_000 });
    attempts++;
  }
}

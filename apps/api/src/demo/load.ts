import type { AccountRecord } from "@recovery-desk/shared";
import { count } from "drizzle-orm";
import type { Logger } from "pino";
import { type Actor, type AuditEventInput, appendAuditEvent } from "../audit/append.ts";
import type { Db } from "../db/client.ts";
import { accounts, type NewAccountRow, staff } from "../db/schema/index.ts";
import { prepareAccounts, writeAccounts } from "../features/accounts/sync.ts";
import { newId } from "../lib/ids.ts";
import { hashSecret } from "../security/hashing.ts";
import { generateDemoWorld } from "./generate.ts";
import { DEMO_STAFF, DEMO_STAFF_PASSWORD, type DemoAccount, seededStatusReason } from "./personas.ts";

const MINUTE_MS = 60_000;
const TEMPORARY_LOCK_MS = 30 * MINUTE_MS;

export interface DemoLoadResult {
  loaded: boolean;
  accounts: number;
  distinctAnswerHashes: number;
  ms: number;
}

/**
 * Loads the demo world into an empty database: the demo staff, the personas and `accountCount`
 * generated accounts, all from a fixed seed. Does nothing when there are staff or accounts already.
 *
 * Answers are hashed once per distinct normalised answer (each with its own salt) and in parallel
 * on the hashing threads, so a load of 2,000 accounts takes seconds, not minutes.
 */
export async function loadDemoWorld(db: Db, now: Date, accountCount: number, logger?: Logger): Promise<DemoLoadResult> {
  const started = performance.now();
  const [existing] = await db.select({ n: count() }).from(staff);
  const [existingAccounts] = await db.select({ n: count() }).from(accounts);
  if ((existing?.n ?? 0) > 0 || (existingAccounts?.n ?? 0) > 0) {
    return { loaded: false, accounts: 0, distinctAnswerHashes: 0, ms: 0 };
  }

  const world = generateDemoWorld(accountCount);
  const id = (kind: Parameters<typeof newId>[0]) => newId(kind, world.randomBytes);

  // Each distinct normalised answer is hashed once (its own salt) and shared by the accounts that
  // gave it: the demo world repeats a few dozen answers, so this saves minutes of hashing.
  const answerHashes = new Map<string, Promise<string>>();
  const hashAnswer = (answer: string) => {
    let hash = answerHashes.get(answer);
    if (!hash) {
      hash = hashSecret(answer);
      answerHashes.set(answer, hash);
    }
    return hash;
  };
  const [prepared, staffHashes] = await Promise.all([
    prepareAccounts(world.accounts.map(recordOf), { hashAnswer }),
    Promise.all(DEMO_STAFF.map(() => hashSecret(DEMO_STAFF_PASSWORD))),
  ]);
  const demoOf = new Map(world.accounts.map((demo) => [demo.username, demo]));

  let written = 0;
  await db.transaction(async (tx) => {
    const rows = await writeAccounts(tx, prepared, {
      now,
      actor: null,
      origin: NO_REQUEST,
      newId: id,
      initial: (record) => stateColumns(demoOf.get(record.username) as DemoAccount, now),
    });
    written = rows.length;
    await tx.insert(staff).values(
      DEMO_STAFF.map((s, index) => ({
        id: id("staff"),
        username: s.username,
        displayName: s.displayName,
        role: s.role,
        passwordHash: staffHashes[index] as string,
        createdAt: now,
        updatedAt: now,
      })),
    );
    const states = rows.map((w) => ({
      id: w.accountId,
      ...stateColumns(demoOf.get(w.username) as DemoAccount, now),
    }));
    for (const event of historyOf(states)) await appendAuditEvent(tx, event);
  });

  const result = {
    loaded: true,
    accounts: written,
    distinctAnswerHashes: answerHashes.size,
    ms: Math.round(performance.now() - started),
  };
  logger?.info(result, "demo world loaded");
  return result;
}

const LOCKOUT_POLICY: Actor = { type: "system", id: null, name: "lockout policy" };
const INACTIVITY_SWEEP: Actor = { type: "system", id: null, name: "inactivity sweep" };
const NO_REQUEST = { requestId: null, ip: null };

/**
 * The events that brought the demo accounts to their states — locks by the lockout policy,
 * deactivations by the inactivity sweep — in the order they happened, so timelines and the
 * audit trail have a past to show.
 */
function historyOf(rows: readonly ({ id: string } & ReturnType<typeof stateColumns>)[]): AuditEventInput[] {
  const events: AuditEventInput[] = [];
  for (const row of rows) {
    if (row.status === "locked" && row.lockedAt && row.lockKind) {
      if (row.lockKind === "hard") {
        for (const hoursBefore of [5, 3]) {
          events.push({
            at: new Date(row.lockedAt.getTime() - hoursBefore * 3_600_000),
            actor: LOCKOUT_POLICY,
            action: "account.locked",
            origin: NO_REQUEST,
            accountId: row.id,
            details: { lockKind: "temporary", failedLogins: 5, from: "active", to: "locked" },
          });
        }
      }
      events.push({
        at: row.lockedAt,
        actor: LOCKOUT_POLICY,
        action: "account.locked",
        origin: NO_REQUEST,
        accountId: row.id,
        details: { lockKind: row.lockKind, failedLogins: row.failedLoginCount ?? 5, from: "active", to: "locked" },
      });
    }
    if (row.status === "deactivated" && row.deactivatedAt) {
      events.push({
        at: row.deactivatedAt,
        actor: INACTIVITY_SWEEP,
        action: "account.deactivated",
        origin: NO_REQUEST,
        accountId: row.id,
        details: { lastActivityAt: row.lastActivityAt?.toISOString() ?? null, from: "active", to: "deactivated" },
      });
    }
  }
  return events.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** A demo account as the system of record would send it. */
export function recordOf(demo: DemoAccount): AccountRecord {
  return {
    username: demo.username,
    displayName: `${demo.firstName} ${demo.lastName}`,
    firstName: demo.firstName,
    lastName: demo.lastName,
    email: demo.email,
    emailVerified: demo.emailVerified,
    phone: demo.phone,
    phoneVerified: demo.phoneVerified,
    language: demo.language ?? "en",
    addresses: [{ kind: "home", ...demo.address }],
    createdAt: demo.createdAt,
    lastActivityAt: demo.lastActivityAt,
    securityQuestions: demo.questions,
  };
}

/** The state a demo account is in (locked, deactivated, closed), which no sync sets. */
function stateColumns(demo: DemoAccount, now: Date) {
  const state = demo.state;
  const lockedAt = state.status === "locked" ? new Date(now.getTime() - state.minutesAgo * MINUTE_MS) : null;
  return {
    status: state.status,
    statusReason: seededStatusReason(state.status),
    lockKind: state.status === "locked" ? state.kind : null,
    lockedAt,
    lockedUntil:
      state.status === "locked" && state.kind === "temporary" && lockedAt
        ? new Date(lockedAt.getTime() + TEMPORARY_LOCK_MS)
        : null,
    failedLoginCount: state.status === "locked" ? state.failedLogins : 0,
    failedLoginWindowStartedAt: lockedAt,
    lastActivityAt: new Date(demo.lastActivityAt),
    deactivatedAt:
      state.status === "deactivated" ? new Date(new Date(demo.lastActivityAt).getTime() + 3 * 365 * 86_400_000) : null,
    updatedAt: new Date(demo.createdAt),
  } satisfies Partial<NewAccountRow>;
}

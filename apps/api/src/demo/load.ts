import { normalizeAddress, normalizeAnswer, normalizeName, parseZip } from "@recovery-desk/shared";
import { count } from "drizzle-orm";
import type { Logger } from "pino";
import { type Actor, type AuditEventInput, appendAuditEvent } from "../audit/append.ts";
import type { Db } from "../db/client.ts";
import {
  accounts,
  addresses,
  type NewAccountRow,
  type NewAddressRow,
  securityQuestions,
  staff,
} from "../db/schema/index.ts";
import { newId } from "../lib/ids.ts";
import { hashSecret } from "../security/hashing.ts";
import { generateDemoWorld } from "./generate.ts";
import { DEMO_STAFF, DEMO_STAFF_PASSWORD, type DemoAccount } from "./personas.ts";

const BATCH = 500;
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

  const distinctAnswers = [
    ...new Set(world.accounts.flatMap((a) => a.questions.map((q) => normalizeAnswer(q.answer)))),
  ];
  const [answerHashes, staffHashes] = await Promise.all([
    Promise.all(distinctAnswers.map(async (answer) => [answer, await hashSecret(answer)] as const)).then(
      (pairs) => new Map(pairs),
    ),
    Promise.all(DEMO_STAFF.map(() => hashSecret(DEMO_STAFF_PASSWORD))),
  ]);

  const accountRows: NewAccountRow[] = [];
  const addressRows: NewAddressRow[] = [];
  const questionRows: (typeof securityQuestions.$inferInsert)[] = [];
  for (const demo of world.accounts) {
    const accountId = id("account");
    accountRows.push(accountRow(accountId, demo, now));
    addressRows.push(addressRow(id("address"), accountId, demo, now));
    demo.questions.forEach((q, index) => {
      questionRows.push({
        id: id("question"),
        accountId,
        position: index + 1,
        prompt: q.prompt,
        answerHash: answerHashes.get(normalizeAnswer(q.answer)) as string,
        createdAt: new Date(demo.createdAt),
        updatedAt: new Date(demo.createdAt),
      });
    });
  }

  await db.transaction(async (tx) => {
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
    for (let i = 0; i < accountRows.length; i += BATCH)
      await tx.insert(accounts).values(accountRows.slice(i, i + BATCH));
    for (let i = 0; i < addressRows.length; i += BATCH)
      await tx.insert(addresses).values(addressRows.slice(i, i + BATCH));
    for (let i = 0; i < questionRows.length; i += BATCH)
      await tx.insert(securityQuestions).values(questionRows.slice(i, i + BATCH));
    for (const event of historyOf(accountRows)) await appendAuditEvent(tx, event);
  });

  const result = {
    loaded: true,
    accounts: accountRows.length,
    distinctAnswerHashes: distinctAnswers.length,
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
function historyOf(rows: NewAccountRow[]): AuditEventInput[] {
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

function accountRow(id: string, demo: DemoAccount, now: Date): NewAccountRow {
  const state = demo.state;
  const lockedAt = state.status === "locked" ? new Date(now.getTime() - state.minutesAgo * MINUTE_MS) : null;
  return {
    id,
    username: demo.username,
    firstName: demo.firstName,
    lastName: demo.lastName,
    displayName: `${demo.firstName} ${demo.lastName}`,
    nameSearch: normalizeName(`${demo.firstName} ${demo.lastName}`),
    email: demo.email,
    emailVerified: demo.emailVerified,
    phone: demo.phone,
    phoneVerified: demo.phoneVerified,
    status: state.status,
    statusReason:
      state.status === "locked"
        ? "failed_logins"
        : state.status === "deactivated"
          ? "inactivity"
          : state.status === "closed"
            ? "closed_by_request"
            : null,
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
    createdAt: new Date(demo.createdAt),
    updatedAt: new Date(demo.createdAt),
  };
}

function addressRow(id: string, accountId: string, demo: DemoAccount, now: Date): NewAddressRow {
  const normalized = normalizeAddress(demo.address);
  const zip = parseZip(demo.address.zip);
  return {
    id,
    accountId,
    kind: "home",
    line1: demo.address.line1,
    line2: demo.address.line2 ?? null,
    city: demo.address.city,
    state: demo.address.state,
    zip5: normalized.zip5,
    zip4: zip?.zip4 ?? null,
    streetKey: normalized.street,
    addressKey: normalized.key,
    createdAt: new Date(demo.createdAt),
    updatedAt: now,
  };
}

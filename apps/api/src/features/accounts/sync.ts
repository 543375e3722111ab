import {
  type AccountDetail,
  type AccountRecord,
  type AccountSyncBody,
  normalizeAddress,
  normalizeAnswer,
  normalizeName,
  normalizePhone,
  normalizeState,
  parseZip,
} from "@recovery-desk/shared";
import { asc, eq, inArray, sql } from "drizzle-orm";
import { type Actor, type AuditEventInput, appendAuditEvents, type RequestOrigin } from "../../audit/append.ts";
import { actorOf } from "../../auth/principal.ts";
import type { KeyScope } from "../../auth/scope.ts";
import type { Tx } from "../../db/client.ts";
import { insertRows } from "../../db/insert-rows.ts";
import {
  type AccountRow,
  type AddressRow,
  accounts,
  addresses,
  type NewAccountRow,
  type NewAddressRow,
  securityQuestions,
} from "../../db/schema/index.ts";
import { fromDatabaseError } from "../../http/database-errors.ts";
import { type IdKind, newId } from "../../lib/ids.ts";
import { hashSecret } from "../../security/hashing.ts";
import { getAccountDetail } from "./detail.ts";

/**
 * The one way accounts are written from outside: the account sync route, the bulk import and the
 * demo world all go through here, so every derived column — the name-search text, the USPS
 * address keys that find duplicates, the argon2id hashes of normalised answers — is computed by
 * the same code whichever way an account arrives.
 *
 * Two steps, so that no transaction waits on hashing:
 *
 *   const prepared = await prepareAccounts(records);           // answers hashed on the worker pool
 *   const results = await db.transaction((tx) =>
 *     writeAccounts(tx, prepared, { now, actor, origin }));    // one transaction, audit included
 *
 * `records` are validated `AccountRecord`s (the shared schema); usernames within one call must be
 * distinct (case-insensitively). Any number of records per call: rows are read and inserted in
 * batches. Each record creates the account or replaces its fields, by username. Answers live only
 * in the records given to `prepareAccounts`; what it returns holds their hashes alone.
 */

/** An account record whose answers have been normalised and hashed: nothing in it is a secret. */
export interface PreparedAccount {
  record: Omit<AccountRecord, "securityQuestions">;
  /** Undefined: keep the questions on file. An empty list removes them. */
  questions: { prompt: string; answerHash: string }[] | undefined;
}

export interface PrepareOptions {
  /** Hashes a normalised answer; the hashing pool by default (each answer its own salt). */
  hashAnswer?: (normalizedAnswer: string) => Promise<string>;
}

/** Normalises and hashes every answer on the hashing threads, in parallel; call before the transaction. */
export async function prepareAccounts(
  records: readonly AccountRecord[],
  options: PrepareOptions = {},
): Promise<PreparedAccount[]> {
  const hash = options.hashAnswer ?? hashSecret;
  // A record without questions is ready as it is: no promise of its own.
  return Promise.all(
    records.map(({ securityQuestions: questions, ...record }): PreparedAccount | Promise<PreparedAccount> =>
      questions
        ? Promise.all(
            questions.map(async (q) => ({ prompt: q.prompt, answerHash: await hash(normalizeAnswer(q.answer)) })),
          ).then((hashed) => ({ record, questions: hashed }))
        : { record, questions: undefined },
    ),
  );
}

export interface WriteOptions {
  now: Date;
  /** Who writes, for the audit trail; null writes no audit events (the demo world records its own history). */
  actor: Actor | null;
  origin: RequestOrigin;
  /** New ids; the demo world passes its seeded source. */
  newId?: (kind: IdKind) => string;
  /** Columns a new account starts with besides the record's (the demo world's states). */
  initial?: (record: PreparedAccount["record"]) => Partial<NewAccountRow>;
}

export interface WriteResult {
  username: string;
  accountId: string;
  created: boolean;
  /** What an update changed (`email`, `addresses`, `securityQuestions`, …); empty when nothing did. */
  changed: string[];
}

const BATCH = 500;

/**
 * Creates or updates the accounts in the caller's transaction and audits each create
 * (`account.created`) and each real change (`account.updated`, naming the fields, never values).
 * A sync that changes nothing writes nothing. Existing accounts are locked while they change.
 */
export async function writeAccounts(
  tx: Tx,
  prepared: readonly PreparedAccount[],
  options: WriteOptions,
): Promise<WriteResult[]> {
  const names = prepared.map((p) => p.record.username);
  if (new Set(names.map((n) => n.toLowerCase())).size !== names.length) {
    throw new Error("writeAccounts: usernames in one call must be distinct.");
  }
  const id = options.newId ?? ((kind: IdKind) => newId(kind));
  const existing = await lockExisting(tx, names);

  const newAccounts: NewAccountRow[] = [];
  const newAddresses: NewAddressRow[] = [];
  const newQuestions: (typeof securityQuestions.$inferInsert)[] = [];
  const updates: { prepared: PreparedAccount; row: AccountRow }[] = [];
  const results: WriteResult[] = [];

  for (const item of prepared) {
    const row = existing.get(item.record.username.toLowerCase());
    if (row) {
      updates.push({ prepared: item, row });
      continue;
    }
    const { record } = item;
    const accountId = id("account");
    const createdAt = record.createdAt ? new Date(record.createdAt) : options.now;
    newAccounts.push({
      id: accountId,
      username: record.username,
      ...accountColumns(record),
      status: "active",
      lastActivityAt: record.lastActivityAt ? new Date(record.lastActivityAt) : null,
      createdAt,
      updatedAt: options.now,
      ...options.initial?.(record),
    });
    for (const address of record.addresses) {
      newAddresses.push({
        id: id("address"),
        accountId,
        ...addressColumns(address),
        createdAt,
        updatedAt: options.now,
      });
    }
    // Questions chosen at sign-up date from the account's creation.
    item.questions?.forEach((q, index) => {
      newQuestions.push({ id: id("question"), accountId, position: index + 1, ...q, createdAt, updatedAt: createdAt });
    });
    results.push({ username: record.username, accountId, created: true, changed: [] });
  }

  // One statement a table for the new rows (the rows as one JSON parameter), not the query builder's placeholders.
  await insertRows(tx, accounts, newAccounts);
  await insertRows(tx, addresses, newAddresses);
  await insertRows(tx, securityQuestions, newQuestions);

  if (updates.length > 0) results.push(...(await updateAccounts(tx, updates, id, options.now)));

  if (options.actor) {
    const actor = options.actor;
    const events: AuditEventInput[] = results
      .filter((r) => r.created || r.changed.length > 0)
      .map((r) => ({
        at: options.now,
        actor,
        action: r.created ? "account.created" : "account.updated",
        origin: options.origin,
        accountId: r.accountId,
        details: r.created ? {} : { changed: r.changed },
      }));
    await appendAuditEvents(tx, events);
  }
  const order = new Map(names.map((n, index) => [n.toLowerCase(), index]));
  return results.sort(
    (a, b) => (order.get(a.username.toLowerCase()) ?? 0) - (order.get(b.username.toLowerCase()) ?? 0),
  );
}

/** The existing accounts of these usernames (compared as the citext column does), locked for update. */
async function lockExisting(tx: Tx, names: readonly string[]): Promise<Map<string, AccountRow>> {
  const found = new Map<string, AccountRow>();
  for (let i = 0; i < names.length; i += BATCH) {
    // The names as one JSON parameter rather than a placeholder each.
    const some = JSON.stringify(i === 0 && names.length <= BATCH ? names : names.slice(i, i + BATCH));
    const rows = await tx
      .select()
      .from(accounts)
      .where(sql`${accounts.username} in (select value::citext from json_array_elements_text(${some}::json))`)
      .orderBy(asc(accounts.id))
      .for("update");
    for (const row of rows) found.set(row.username.toLowerCase(), row);
  }
  return found;
}

/** The account columns a record decides, each derived column computed from it. */
function accountColumns(record: PreparedAccount["record"]) {
  return {
    firstName: record.firstName,
    lastName: record.lastName,
    displayName: record.displayName,
    nameSearch: nameSearchOf(record),
    email: record.email,
    emailVerified: record.emailVerified,
    phone: record.phone === null ? null : (normalizePhone(record.phone) ?? record.phone),
    phoneVerified: record.phoneVerified,
    language: record.language,
  };
}

/**
 * The text typo-tolerant name search reads: the full name, and the display name too when it
 * says something the full name does not ("Maria Lopez" shown as "Maria López-García").
 */
function nameSearchOf(record: { firstName: string; lastName: string; displayName: string }): string {
  const full = normalizeName(`${record.firstName} ${record.lastName}`);
  const shown = normalizeName(record.displayName);
  return shown === "" || full.includes(shown) ? full : `${full} ${shown}`;
}

/** An address as given plus its USPS-normalised forms (street key, delivery-point key, ZIP). */
function addressColumns(address: AccountRecord["addresses"][number]) {
  const normalized = normalizeAddress(address);
  return {
    kind: address.kind,
    line1: address.line1,
    line2: address.line2 ?? null,
    city: address.city,
    /** The two-letter code, however the state was written ("Oregon" → "OR"). */
    state: normalizeState(address.state),
    zip5: normalized.zip5,
    zip4: parseZip(address.zip)?.zip4 ?? null,
    streetKey: normalized.street,
    addressKey: normalized.key,
  };
}

const sameAddress = (row: AddressRow, next: ReturnType<typeof addressColumns>) =>
  row.line1 === next.line1 &&
  row.line2 === next.line2 &&
  row.city === next.city &&
  row.state === next.state &&
  row.zip5 === next.zip5 &&
  row.zip4 === next.zip4;

async function updateAccounts(
  tx: Tx,
  updates: readonly { prepared: PreparedAccount; row: AccountRow }[],
  id: (kind: IdKind) => string,
  now: Date,
): Promise<WriteResult[]> {
  const ids = updates.map((u) => u.row.id);
  const addressRows = await tx
    .select()
    .from(addresses)
    .where(inArray(addresses.accountId, ids))
    .orderBy(asc(addresses.createdAt), asc(addresses.id));
  const questionRows = await tx
    .select({ id: securityQuestions.id, accountId: securityQuestions.accountId, position: securityQuestions.position })
    .from(securityQuestions)
    .where(inArray(securityQuestions.accountId, ids));

  const results: WriteResult[] = [];
  for (const { prepared, row } of updates) {
    const { record, questions } = prepared;
    const next = accountColumns(record);
    const set: Partial<NewAccountRow> = {};
    const changed: string[] = [];
    for (const [field, value] of Object.entries(next) as [keyof typeof next, unknown][]) {
      if (field === "nameSearch") continue;
      const before = row[field];
      const same = field === "email" ? sameEmail(before as string | null, value as string | null) : before === value;
      if (!same) {
        changed.push(field);
        Object.assign(set, { [field]: value });
      }
    }
    if (changed.length > 0 && next.nameSearch !== row.nameSearch) set.nameSearch = next.nameSearch;
    if (changed.includes("email")) set.emailChangedAt = now;
    if (changed.includes("phone")) set.phoneChangedAt = now;
    if (record.createdAt && new Date(record.createdAt).getTime() !== row.createdAt.getTime()) {
      set.createdAt = new Date(record.createdAt);
      changed.push("createdAt");
    }
    if (record.lastActivityAt !== undefined) {
      const at = record.lastActivityAt === null ? null : new Date(record.lastActivityAt);
      if ((at?.getTime() ?? null) !== (row.lastActivityAt?.getTime() ?? null)) {
        set.lastActivityAt = at;
        changed.push("lastActivityAt");
      }
    }

    if (await syncAddresses(tx, row.id, record.addresses, addressRows, id, now)) changed.push("addresses");
    if (questions) {
      await syncQuestions(
        tx,
        row.id,
        questions,
        questionRows.filter((q) => q.accountId === row.id),
        id,
        now,
      );
      changed.push("securityQuestions");
    }
    if (changed.length > 0) {
      await tx
        .update(accounts)
        .set({ ...set, updatedAt: now })
        .where(eq(accounts.id, row.id));
    }
    results.push({ username: row.username, accountId: row.id, created: false, changed });
  }
  return results;
}

const sameEmail = (a: string | null, b: string | null) =>
  a === null || b === null ? a === b : a.toLowerCase() === b.toLowerCase();

/**
 * Makes the account's addresses the record's: an address of the same kind is kept (or corrected
 * in place, keeping its id), one of a kind the record no longer has is removed. True when anything changed.
 */
async function syncAddresses(
  tx: Tx,
  accountId: string,
  wanted: AccountRecord["addresses"],
  all: readonly AddressRow[],
  id: (kind: IdKind) => string,
  now: Date,
): Promise<boolean> {
  const current = all.filter((a) => a.accountId === accountId);
  const kept = new Set<string>();
  let changed = false;
  for (const address of wanted) {
    const next = addressColumns(address);
    const match = current.find((a) => a.kind === address.kind && !kept.has(a.id));
    if (match) {
      kept.add(match.id);
      if (!sameAddress(match, next)) {
        await tx
          .update(addresses)
          .set({ ...next, updatedAt: now })
          .where(eq(addresses.id, match.id));
        changed = true;
      }
    } else {
      await tx.insert(addresses).values({ id: id("address"), accountId, ...next, createdAt: now, updatedAt: now });
      changed = true;
    }
  }
  const gone = current.filter((a) => !kept.has(a.id)).map((a) => a.id);
  if (gone.length > 0) {
    await tx.delete(addresses).where(inArray(addresses.id, gone));
    changed = true;
  }
  return changed;
}

/** Replaces the questions position by position (an existing position keeps its id); positions beyond the list go. */
async function syncQuestions(
  tx: Tx,
  accountId: string,
  wanted: readonly { prompt: string; answerHash: string }[],
  current: readonly { id: string; position: number }[],
  id: (kind: IdKind) => string,
  now: Date,
): Promise<void> {
  for (const [index, question] of wanted.entries()) {
    const position = index + 1;
    const existing = current.find((q) => q.position === position);
    if (existing) {
      await tx
        .update(securityQuestions)
        .set({ ...question, updatedAt: now })
        .where(eq(securityQuestions.id, existing.id));
    } else {
      await tx
        .insert(securityQuestions)
        .values({ id: id("question"), accountId, position, ...question, createdAt: now, updatedAt: now });
    }
  }
  const gone = current.filter((q) => q.position > wanted.length).map((q) => q.id);
  if (gone.length > 0) await tx.delete(securityQuestions).where(inArray(securityQuestions.id, gone));
}

/**
 * `PUT /accounts/by-username/{username}`: creates or updates one account for the system of
 * record and reads it back masked, as any API key sees an account.
 */
export async function syncAccount(
  scope: KeyScope,
  username: string,
  body: AccountSyncBody,
): Promise<{ created: boolean; account: AccountDetail }> {
  const { deps, key, origin } = scope;
  const prepared = await prepareAccounts([{ ...body, username }]);
  const now = deps.clock.now();
  const write = () =>
    deps.database.db.transaction((tx) => writeAccounts(tx, prepared, { now, actor: actorOf(key), origin }));
  // Two syncs creating one new username at once: the second insert meets the first's row, and
  // run again, it updates that row.
  const [result] = await write().catch((error: unknown) => {
    if (fromDatabaseError(error)?.code !== "conflict") throw error;
    return write();
  });
  if (!result) throw new Error("The account sync wrote nothing.");
  return { created: result.created, account: await getAccountDetail(deps.database.db, result.accountId, now) };
}

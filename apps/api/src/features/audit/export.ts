import type { AuditExportQuery } from "@recovery-desk/shared";
import { desc, lt } from "drizzle-orm";
import { canonicalJson } from "../../audit/canonical.ts";
import { presentAuditEvent } from "../../audit/present.ts";
import type { Db } from "../../db/client.ts";
import { type AuditEventRow, auditEvents } from "../../db/schema/index.ts";
import { allOf, auditConditions } from "./filters.ts";

const BATCH = 1000;

export const CSV_COLUMNS = [
  "seq",
  "id",
  "occurred_at",
  "actor_type",
  "actor_id",
  "actor_name",
  "action",
  "account_id",
  "case_ref",
  "reason",
  "request_id",
  "ip",
  "details",
  "prev_hash",
  "hash",
] as const;

/**
 * A cell a spreadsheet would run as a formula starts with one of these (OWASP, CSV injection); one
 * that starts with `'` is marked too, so taking one leading `'` off always gives the value back.
 */
const FORMULA_START = /^[=+\-@\t\r']/;

/**
 * One CSV cell. A value a spreadsheet would read as a formula gets a leading `'`, which makes it
 * text; then RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  const text = FORMULA_START.test(String(value)) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvLine(row: AuditEventRow): string {
  return `${[
    row.seq,
    row.id,
    row.occurredAt.toISOString(),
    row.actorType,
    row.actorId,
    row.actorName,
    row.action,
    row.accountId,
    row.caseRef,
    row.reason,
    row.requestId,
    row.ip,
    canonicalJson(row.details),
    row.prevHash,
    row.hash,
  ]
    .map(csvField)
    .join(",")}\r\n`;
}

/**
 * Every event matching the filters, newest first, as CSV or NDJSON lines, read in batches by
 * keyset so memory stays flat however many millions match. The hash columns come along so an
 * auditor can re-verify the chain outside the product (details are in canonical JSON; in CSV, a
 * cell's one leading `'` is taken off first, see `csvField`). NDJSON carries the values as stored.
 */
export async function* exportAuditEvents(db: Db, query: AuditExportQuery): AsyncGenerator<string> {
  const base = await auditConditions(db, query);
  // The header goes out with the first batch, so the first chunk already proves the query runs.
  let header = query.format === "csv" ? `${CSV_COLUMNS.join(",")}\r\n` : "";
  let before: number | null = null;
  for (;;) {
    const conditions = before === null ? base : [...base, lt(auditEvents.seq, before)];
    const rows: AuditEventRow[] = await db
      .select()
      .from(auditEvents)
      .where(allOf(conditions))
      .orderBy(desc(auditEvents.seq))
      .limit(BATCH);
    const lines = rows
      .map((row) => (query.format === "csv" ? csvLine(row) : `${JSON.stringify(presentAuditEvent(row))}\n`))
      .join("");
    if (header || lines) yield header + lines;
    header = "";
    if (rows.length < BATCH) return;
    before = rows[rows.length - 1]?.seq ?? null;
  }
}

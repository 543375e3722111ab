import { AUDIT_ACTIONS } from "@recovery-desk/shared";
import * as v from "valibot";
import type { AuditFilters } from "../../api/audit.ts";
import { searchText, searchValue } from "../../app/search-params.ts";

/** Free text must be at least this long before it is searched (the API's lower limit). */
export const MIN_FREE_TEXT = 2;

/** A UTC instant with seconds, e.g. `2026-11-23T14:05:00Z` or `2026-11-23T14:05:00.250Z`. */
const UTC_INSTANT = /^(\d{4})-(\d\d)-(\d\d)T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?Z$/;

/** Whether the text is such an instant on a day the calendar has (leap years included), as the contract's timestamps. */
function isUtcInstant(value: string): boolean {
  const parts = UTC_INSTANT.exec(value);
  if (!parts) return false;
  const [year, month, day] = parts.slice(1).map(Number) as [number, number, number];
  // A day the month does not have rolls over into the next month.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const instant = searchValue(v.pipe(v.string(), v.check(isUtcInstant)));

/**
 * The audit page's filters, kept in the URL (`/audit?account=maria.lopez&action=account.unlocked`) so a
 * supervisor can send an auditor the exact view. Times are UTC, so the link means the same moment in
 * every time zone. `account` and `actor` take a username or an id; links made before names were taken
 * carry `accountId` or `actorId`.
 */
export const AuditSearch = v.object({
  account: searchText(64),
  accountId: searchText(64),
  actor: searchText(64),
  actorId: searchText(64),
  action: searchValue(v.picklist(AUDIT_ACTIONS)),
  caseRef: searchText(64),
  from: instant,
  to: instant,
  q: searchValue(v.pipe(v.string(), v.trim(), v.minLength(MIN_FREE_TEXT), v.maxLength(200))),
}) satisfies v.GenericSchema<unknown, AuditFilters>;
export type AuditSearch = v.InferOutput<typeof AuditSearch>;

export function hasFilters(filters: AuditFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined && value !== "");
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** A UTC instant as a datetime-local value in this browser's time zone, seconds only when there are some. */
export function isoToLocalInput(iso: string | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const minutes = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
  const seconds = date.getSeconds();
  const millis = date.getMilliseconds();
  if (millis) return `${minutes}:${pad(seconds)}.${pad(millis, 3)}`;
  return seconds ? `${minutes}:${pad(seconds)}` : minutes;
}

/** A datetime-local value (this browser's time zone) as a UTC instant; undefined when empty or unreadable. */
export function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  // A date-time without an offset is local time in JavaScript.
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

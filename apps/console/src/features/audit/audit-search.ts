import { AUDIT_ACTIONS, type AuditAction } from "@recovery-desk/shared";
import type { AuditFilters } from "../../api/audit.ts";

/** Trimmed text of at most `max` characters; empty or too long is no filter. */
function text(value: unknown, max: number): string | undefined {
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  return trimmed && trimmed.length <= max ? trimmed : undefined;
}

/** A UTC instant with seconds, e.g. `2026-11-23T14:05:00Z` or `2026-11-23T14:05:00.250Z`. */
const UTC_INSTANT = /^(\d{4})-(\d\d)-(\d\d)T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?Z$/;

/** The instant, when it is one on a day the calendar has (leap years included), as the contract's timestamps. */
function instant(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const parts = UTC_INSTANT.exec(value);
  if (!parts) return undefined;
  const [year, month, day] = parts.slice(1).map(Number) as [number, number, number];
  // A day the month does not have rolls over into the next month.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? value : undefined;
}

export type AuditSearch = {
  account?: string | undefined;
  accountId?: string | undefined;
  actor?: string | undefined;
  actorId?: string | undefined;
  action?: AuditAction | undefined;
  caseRef?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
};

/**
 * The audit page's filters, kept in the URL (`/audit?account=maria.lopez&action=account.unlocked`) so a
 * supervisor can send an auditor the exact view. Times are UTC, so the link means the same moment in
 * every time zone. A value that cannot be read is dropped rather than refused: its key stays, with
 * nothing in it, so the router does not keep the raw value. A plain function rather than a schema:
 * every page's URL check loads with the first page, and the schema library is too big for that.
 */
export function AuditSearch(search: Record<string, unknown>): AuditSearch {
  const result: AuditSearch = {};
  const read = <K extends keyof AuditSearch>(key: K, parse: (value: unknown) => AuditSearch[K]) => {
    if (key in search) result[key] = parse(search[key]);
  };
  // A username or an id; links made before names were taken carry `accountId` or `actorId`.
  read("account", (value) => text(value, 64));
  read("accountId", (value) => text(value, 64));
  read("actor", (value) => text(value, 64));
  read("actorId", (value) => text(value, 64));
  read("action", (value) =>
    typeof value === "string" && (AUDIT_ACTIONS as readonly string[]).includes(value)
      ? (value as AuditAction)
      : undefined,
  );
  read("caseRef", (value) => text(value, 64));
  read("from", instant);
  read("to", instant);
  read("q", (value) => {
    const q = typeof value === "string" ? value.trim() : "";
    return q.length >= MIN_FREE_TEXT && q.length <= 200 ? q : undefined;
  });
  return result;
}

/** Free text must be at least this long before it is searched (the API's lower limit). */
export const MIN_FREE_TEXT = 2;

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

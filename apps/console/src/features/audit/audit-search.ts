import { AUDIT_ACTIONS } from "@recovery-desk/shared";
import { z } from "zod";
import type { AuditFilters } from "../../api/audit.ts";

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => value || undefined)
    .optional()
    .catch(undefined);

const instant = z.iso.datetime().optional().catch(undefined);

/**
 * The audit page's filters, kept in the URL (`/audit?accountId=acc_…&action=account.unlocked`) so a
 * supervisor can send an auditor the exact view. Times are UTC, so the link means the same moment in
 * every time zone. Anything unreadable is dropped rather than refused.
 */
export const AuditSearch = z.object({
  accountId: text(64),
  actorId: text(64),
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  caseRef: text(64),
  from: instant,
  to: instant,
  q: z.string().trim().min(2).max(200).optional().catch(undefined),
});
export type AuditSearch = z.infer<typeof AuditSearch>;

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

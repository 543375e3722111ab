/** Dates and times the way a US agent reads them aloud: "March 14, 2021", "Mar 14, 2021, 3:05 PM". */
const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "long" });
const dateTimeFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });

export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

/** "Springfield, IL 62701", leaving out whatever is unknown. */
export function formatPlace(city: string | null, state: string | null, zip5: string | null): string | null {
  const cityState = [city, state].filter(Boolean).join(", ");
  const place = [cityState, zip5].filter(Boolean).join(" ");
  return place || null;
}

/** "1 minute", "5 minutes": whole minutes, rounded up, never zero. */
export function formatMinutes(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

const timeFormat = new Intl.DateTimeFormat("en-US", { timeStyle: "short" });
const timeWithSecondsFormat = new Intl.DateTimeFormat("en-US", { timeStyle: "medium" });

/** "3:47 PM": a time later today, e.g. when a code or a verified window ends. */
export function formatTime(iso: string): string {
  return timeFormat.format(new Date(iso));
}

/** "3:47:05 PM": for lists where seconds tell messages apart. */
export function formatTimeWithSeconds(iso: string): string {
  return timeWithSecondsFormat.format(new Date(iso));
}

/** "14:32": minutes and seconds left on a countdown, never below zero. */
export function formatClock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  const minutes = Math.floor(seconds / 60);
  return `${String(minutes).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}`;
}

/** "(217) 555-0142" for a full US number in +1 form; anything else (a masked number) as it is. */
export function formatPhone(phone: string): string {
  const match = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(phone);
  return match ? `(${match[1]}) ${match[2]}-${match[3]}` : phone;
}

const relativeFormat = new Intl.RelativeTimeFormat("en-US", { numeric: "auto" });

/** [unit, seconds in it, use it below this many seconds] from small to large. */
const RELATIVE_STEPS: Array<[Intl.RelativeTimeFormatUnit, number, number]> = [
  ["minute", 60, 3_600],
  ["hour", 3_600, 86_400],
  ["day", 86_400, 30 * 86_400],
  ["month", 30 * 86_400, 365 * 86_400],
  ["year", 365 * 86_400, Number.POSITIVE_INFINITY],
];

/** "just now", "5 minutes ago", "yesterday", "3 years ago": how long ago `iso` was, seen from `now`. */
export function formatRelative(iso: string, now: number): string {
  const seconds = (Date.parse(iso) - now) / 1_000;
  const size = Math.abs(seconds);
  if (size < 45) return "just now";
  for (const [unit, unitSeconds, below] of RELATIVE_STEPS) {
    if (size < below) {
      const count = Math.max(1, Math.round(size / unitSeconds));
      return relativeFormat.format(Math.sign(seconds) * count, unit);
    }
  }
  return formatDateTime(iso);
}

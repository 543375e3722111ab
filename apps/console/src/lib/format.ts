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

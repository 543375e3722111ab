/** Returns the ZIP 5 of "62701" or "62701-1234" / "627011234", or null when it is not a ZIP code. */
export function parseZip(raw: string): { zip5: string; zip4: string | null } | null {
  const match = /^\s*(\d{5})(?:[-\s]?(\d{4}))?\s*$/.exec(raw);
  if (!match?.[1]) return null;
  return { zip5: match[1], zip4: match[2] ?? null };
}

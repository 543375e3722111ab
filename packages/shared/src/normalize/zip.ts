/** ZIP codes: five digits, optionally followed by the four of ZIP+4. */

const ZIP = /^([0-9]{5})(?:\s*(?:-\s*)?([0-9]{4}))?$/;
const DASH = /[\p{Pd}\u2212]/gu;

/**
 * Returns the ZIP 5 of "62701" or "62701-1234" / "627011234", or null when it is not a ZIP code.
 * Full-width digits and any kind of dash are read too; "00000" is no ZIP code.
 */
export function parseZip(raw: string): { zip5: string; zip4: string | null } | null {
  const match = ZIP.exec(raw.normalize("NFKC").replace(DASH, "-").trim());
  if (!match?.[1] || match[1] === "00000") return null;
  return { zip5: match[1], zip4: match[2] ?? null };
}

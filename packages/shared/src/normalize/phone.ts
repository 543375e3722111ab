/**
 * Phone numbers are stored in E.164 form. The product serves a United States phone line, so a
 * number without a country code is taken as North American (+1).
 */

const FORMATTING = /[\s().\-‐‑–—/]/g;

/**
 * Returns the E.164 form of a phone number written any way ("(217) 555-0142",
 * "217.555.0142", "+1 217 555 0142", "1-217-555-0142"), or null when it is not one.
 */
export function normalizePhone(raw: string): string | null {
  const compact = raw.trim().replace(FORMATTING, "");
  if (!/^\+?\d+$/.test(compact)) return null;
  const digits = compact.replace("+", "");
  if (compact.startsWith("+")) {
    if (digits.startsWith("1")) return digits.length === 11 && isNanp(digits.slice(1)) ? `+${digits}` : null;
    return digits.length >= 8 && digits.length <= 15 ? `+${digits}` : null;
  }
  if (digits.length === 10 && isNanp(digits)) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith("1") && isNanp(digits.slice(1))) return `+${digits}`;
  return null;
}

/** A ten-digit North American number: area code and exchange do not start with 0 or 1. */
function isNanp(ten: string): boolean {
  return /^[2-9]\d{2}[2-9]\d{6}$/.test(ten);
}

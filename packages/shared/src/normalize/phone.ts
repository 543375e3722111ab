/**
 * Phone numbers are stored in E.164 form. The product serves a United States phone line, so a
 * number without a country code is taken as North American (+1).
 */

/** White space, dashes of every kind, parentheses, dots and slashes people put between digits. */
const FORMATTING = /[\s\p{Pd}\u2212().\\/]/gu;

/** Ways of dialling out of the country written before the country code instead of "+". */
const INTERNATIONAL_PREFIX = /^(?:011|00)/;

/**
 * Returns the E.164 form of a phone number written any way ("(217) 555-0142",
 * "217.555.0142", "+1 217 555 0142", "1-217-555-0142"), or null when it is not one.
 * Full-width digits count as digits; letters, extensions and anything else make it not a number.
 */
export function normalizePhone(raw: string): string | null {
  const compact = raw.normalize("NFKC").replace(FORMATTING, "");
  if (!/^\+?[0-9]+$/.test(compact)) return null;
  let digits = compact.replace("+", "");
  let international = compact.startsWith("+");
  if (!international && INTERNATIONAL_PREFIX.test(digits)) {
    digits = digits.replace(INTERNATIONAL_PREFIX, "");
    international = true;
  }
  if (international) {
    if (digits.startsWith("1")) return digits.length === 11 && isNanp(digits.slice(1)) ? `+${digits}` : null;
    return /^[2-9][0-9]{6,14}$/.test(digits) ? `+${digits}` : null;
  }
  if (digits.length === 10 && isNanp(digits)) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith("1") && isNanp(digits.slice(1))) return `+${digits}`;
  return null;
}

/**
 * A ten-digit North American number: area code and exchange do not start with 0 or 1 and are not
 * service codes such as 911 or 411.
 */
function isNanp(ten: string): boolean {
  return /^[2-9](?!11)[0-9]{2}[2-9](?!11)[0-9]{6}$/.test(ten);
}

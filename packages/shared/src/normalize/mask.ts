/** Masking of contact data shown before the caller is verified. `•` is U+2022. */

const DOT = "•";

/**
 * "maria.lopez@example.com" → "m••••@example.com". Only the first character of the part before
 * the last "@" stays, and the number of dots does not tell its length.
 */
export function maskEmail(email: string): string {
  const text = email.trim();
  const at = text.lastIndexOf("@");
  const first = text.codePointAt(0);
  if (at < 1 || first === undefined) return DOT.repeat(4);
  return `${String.fromCodePoint(first)}${DOT.repeat(4)}${text.slice(at)}`;
}

/**
 * "+12175550142" → "•••-•••-0142". Only the last four digits stay, and none when there are no
 * more than four, so that a short number is never shown whole.
 */
export function maskPhone(phone: string): string {
  const digits = phone.normalize("NFKC").match(/\p{Nd}/gu) ?? [];
  const shown = digits.length > 4 ? digits.slice(-4).join("") : "";
  return `${DOT.repeat(3)}-${DOT.repeat(3)}-${shown.padStart(4, DOT)}`;
}

/** A house number at the start of the line or of a part after a comma: "1200", "12B", "123-45", "N123W456", "12 1/2". */
const HOUSE_NUMBER =
  /(^|[,;]\s*)[\p{L}\p{N}]*\p{N}[\p{L}\p{N}-]*(?:\s+(?:\p{N}+[/\u2044]\p{N}+|\p{No}))?(?![\p{L}\p{N}])/gu;
/** The number of a post office box: "PO Box 123", "P.O. Box 123". */
const BOX_NUMBER = /(\bBOX\s*(?:#\s*)?)(?=[\p{L}\p{N}-]*\p{N})[\p{L}\p{N}-]+/giu;

/**
 * "1200 N Main Street" → "••• N Main Street": the house number is hidden, also when it follows a
 * unit written first ("Apt 4B, 1200 N Main St" → "Apt 4B, ••• N Main St"), and so is a post office
 * box number ("PO Box 123" → "PO Box •••").
 */
export function maskStreetLine(line: string): string {
  return line
    .trim()
    .replace(HOUSE_NUMBER, `$1${DOT.repeat(3)}`)
    .replace(BOX_NUMBER, `$1${DOT.repeat(3)}`);
}

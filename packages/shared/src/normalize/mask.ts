/** Masking of contact data shown before the caller is verified. `•` is U+2022. */

const DOT = "•";

/** "maria.lopez@example.com" → "m••••@example.com". */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return DOT.repeat(4);
  return `${email.slice(0, 1)}${DOT.repeat(4)}${email.slice(at)}`;
}

/** "+12175550142" → "•••-•••-0142". Only the last four digits stay. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  return `${DOT.repeat(3)}-${DOT.repeat(3)}-${digits.slice(-4).padStart(4, DOT)}`;
}

/** "1200 N Main Street" → "••• N Main Street": the house number is hidden. */
export function maskStreetLine(line: string): string {
  return line.replace(/^\s*[\dA-Za-z]*\d[\dA-Za-z-]*\s*/, `${DOT.repeat(3)} `);
}

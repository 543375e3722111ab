/**
 * Turns typed address text into upper-case words the way Publication 28 writes them: accents
 * dropped, punctuation dropped, white space collapsed. A comma, a semicolon or a line break starts
 * a new part, so "1200 N Main Street, Apt 4B" gives [["1200", "N", "MAIN", "STREET"], ["APT", "4B"]].
 *
 * Some marks carry meaning and are kept or read first:
 * - `#` stays a word of its own: it stands for an unnamed unit designator ("#4B" → "#", "4B");
 * - a hyphen or slash between digits stays ("123-45", "1/2");
 * - a hyphen between a number and a single letter joins them ("4-B" → "4B");
 * - dotted initials join ("N.E." → "NE", "P.O." → "PO"), apostrophes vanish ("O'Neil" → "ONEIL");
 * - a comma inside a number is a thousands separator, not a break ("1,200" → "1200").
 */

/** Stand-ins for the hyphen and slash that are kept, taken from the private use area. */
const KEPT_HYPHEN = "\uE000";
const KEPT_SLASH = "\uE001";

const PRIVATE_USE = /\p{Co}/gu;
const MARKS = /\p{M}+/gu;
const THOUSANDS = /(?<=\p{N}),(?=\p{N}{3}(?!\p{N}))/gu;
const PART_BREAK = /[,;\n\r\u2028\u2029]/u;
const DASH = /[\p{Pd}\u2212]/gu;
const APOSTROPHE = /['`\u00B4\u02BC\u2018\u2019\u201B\u2032]/gu;
const DOTTED_INITIAL = /(?<![\p{L}\p{N}])(\p{L})\.(?=\p{L}\.)/gu;
const HYPHEN_BETWEEN_DIGITS = /(?<=\p{N})-(?=\p{N})/gu;
const SLASH_BETWEEN_DIGITS = /(?<=\p{N})[/\u2044\u2215](?=\p{N})/gu;
const HYPHEN_NUMBER_LETTER = /(?<=\p{N})-(?=\p{L}(?![\p{L}\p{N}]))/gu;
const HYPHEN_LETTER_NUMBER = /(?<=(?:^|[^\p{L}\p{N}])\p{L})-(?=\p{N})/gu;
const HASH = /#/g;
const NOT_KEPT = /[^\p{L}\p{N}#\uE000\uE001]+/gu;

/** Upper case, accents dropped, compatibility forms folded ("ｆｕｌｌ" → "FULL", "½" → "1⁄2"). */
export function foldAddressText(text: string): string {
  return text
    .replace(PRIVATE_USE, "")
    .toUpperCase()
    .normalize("NFKD")
    .replace(MARKS, "")
    .normalize("NFKC")
    .toUpperCase();
}

/** The words of one part of a line, after `foldAddressText`. */
function partWords(part: string): string[] {
  return part
    .replace(DASH, "-")
    .replace(APOSTROPHE, "")
    .replace(DOTTED_INITIAL, "$1")
    .replace(HYPHEN_BETWEEN_DIGITS, KEPT_HYPHEN)
    .replace(SLASH_BETWEEN_DIGITS, KEPT_SLASH)
    .replace(HYPHEN_NUMBER_LETTER, "")
    .replace(HYPHEN_LETTER_NUMBER, "")
    .replace(HASH, " # ")
    .replace(NOT_KEPT, " ")
    .replaceAll(KEPT_HYPHEN, "-")
    .replaceAll(KEPT_SLASH, "/")
    .split(" ")
    .filter((word) => word.length > 0);
}

/** One typed line as its parts, each a list of words; empty parts are left out. */
export function addressParts(line: string | null | undefined): string[][] {
  if (!line) return [];
  return foldAddressText(line)
    .replace(THOUSANDS, "")
    .split(PART_BREAK)
    .map(partWords)
    .filter((words) => words.length > 0);
}

/** All the words of a line, parts run together, without `#`: for city and state names. */
export function addressWords(line: string | null | undefined): string[] {
  return addressParts(line)
    .flat()
    .filter((word) => word !== "#");
}

/** A word with a digit in it: a house number, a unit number, a route number. */
export function hasDigit(word: string | undefined): boolean {
  return word !== undefined && /\p{N}/u.test(word);
}

/** A word that can be a unit number: "4B", "12", "B", "12-3". */
export function isUnitNumber(word: string | undefined): boolean {
  return word !== undefined && (hasDigit(word) || /^\p{L}$/u.test(word));
}

/** "digits" for "12", "letter" for "B", "other" for anything else ("4B", "MAIN", none). */
export function unitNumberKind(word: string | undefined): "digits" | "letter" | "other" {
  if (word === undefined) return "other";
  if (/^\p{N}+$/u.test(word)) return "digits";
  return /^\p{L}$/u.test(word) ? "letter" : "other";
}

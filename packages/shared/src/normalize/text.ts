/**
 * Text normalisation shared by answers and names: NFKC, diacritics kept or dropped as asked,
 * case-folded, punctuation dropped, white space trimmed and collapsed.
 */

const PUNCTUATION = /[\p{P}\p{S}]+/gu;
const SPACES = /\s+/gu;
/** Control and format characters (zero-width space, soft hyphen …) that a copy and paste brings along. */
const INVISIBLE = /[\p{Cc}\p{Cf}]+/gu;
const COMBINING_MARKS = /\p{M}+/gu;

/**
 * Latin letters that carry a stroke or are ligatures and so do not lose their mark by Unicode
 * decomposition: "Łódź" and "Lodz", "Øster" and "Oster", "Æsir" and "Aesir" match.
 */
const LETTERS_WITHOUT_DECOMPOSITION: ReadonlyMap<string, string> = new Map([
  ["æ", "ae"],
  ["đ", "d"],
  ["ð", "d"],
  ["ħ", "h"],
  ["ı", "i"],
  ["ł", "l"],
  ["ø", "o"],
  ["œ", "oe"],
  ["ŧ", "t"],
  ["þ", "th"],
]);
const LETTER_WITHOUT_DECOMPOSITION = new RegExp(`[${[...LETTERS_WITHOUT_DECOMPOSITION.keys()].join("")}]`, "gu");

/**
 * Full case folding: "Straße", "STRASSE" and "strasse" fold alike, and so do a Greek word with a
 * final sigma and the same word in capitals.
 */
export function foldCase(text: string): string {
  // Twice, because some lower-case forms have a longer upper case: "ẞ" → "ß" → "SS" → "ss".
  return lowerOfUpper(lowerOfUpper(text)).replaceAll("ς", "σ");
}

function lowerOfUpper(text: string): string {
  return text.toUpperCase().toLowerCase();
}

/**
 * Normalises a security answer the same way when it is set and when a caller gives it:
 * NFKC, case-folded, punctuation dropped, trimmed, inner white space collapsed.
 * `" San  Antonio. "` and `"san antonio"` give the same result.
 */
export function normalizeAnswer(raw: string): string {
  const folded = foldCase(raw.normalize("NFKC")).replace(SPACES, " ").replace(INVISIBLE, "").replace(PUNCTUATION, "");
  return folded.normalize("NFKC").replace(SPACES, " ").trim();
}

/**
 * Normalises a person's name for typo-tolerant search: like an answer, and also without
 * diacritics ("López" → "lopez"), with punctuation turned into spaces ("O'Brien-Smith" →
 * "o brien smith") so that each part can match on its own.
 */
export function normalizeName(raw: string): string {
  const folded = foldCase(raw.normalize("NFKD"))
    .normalize("NFKD")
    .replace(COMBINING_MARKS, "")
    .replace(LETTER_WITHOUT_DECOMPOSITION, (letter) => LETTERS_WITHOUT_DECOMPOSITION.get(letter) ?? letter)
    .normalize("NFKC")
    .replace(SPACES, " ")
    .replace(INVISIBLE, "")
    .replace(PUNCTUATION, " ");
  return folded.replace(SPACES, " ").trim();
}

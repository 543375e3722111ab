/**
 * Text normalisation shared by answers and names: NFKC, diacritics kept or dropped as asked,
 * case-folded, punctuation dropped, white space trimmed and collapsed.
 */

const PUNCTUATION = /[\p{P}\p{S}]+/gu;
const SPACES = /\s+/gu;
const COMBINING_MARKS = /\p{M}+/gu;

/**
 * Normalises a security answer the same way when it is set and when a caller gives it:
 * NFKC, case-folded, punctuation dropped, trimmed, inner white space collapsed.
 * `" San  Antonio. "` and `"san antonio"` give the same result.
 */
export function normalizeAnswer(raw: string): string {
  return raw.normalize("NFKC").toLocaleLowerCase("en-US").replace(PUNCTUATION, "").replace(SPACES, " ").trim();
}

/**
 * Normalises a person's name for typo-tolerant search: like an answer, and also without
 * diacritics ("López" → "lopez"), with punctuation turned into spaces ("O'Brien-Smith" →
 * "o brien smith") so that each part can match on its own.
 */
export function normalizeName(raw: string): string {
  return raw
    .normalize("NFKD")
    .replace(COMBINING_MARKS, "")
    .normalize("NFKC")
    .toLocaleLowerCase("en-US")
    .replace(PUNCTUATION, " ")
    .replace(SPACES, " ")
    .trim();
}

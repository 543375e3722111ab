/**
 * The street part of an address after USPS Publication 28: house number, pre-directional, street
 * name, suffix, post-directional, then the secondary units ("1200 N MAIN ST APT 4B").
 */

import { boxAddress, markHighways, type StreetWord } from "./address-routes.ts";
import { hasDigit, isUnitNumber } from "./address-text.ts";
import {
  bareUnitNumber,
  formatUnits,
  readUnitNumber,
  takeFloorNumber,
  takeUnits,
  UNNAMED_DESIGNATOR,
  type Unit,
} from "./address-units.ts";
import { directional, directionalOf } from "./usps-directionals.ts";
import { suffixAbbreviation } from "./usps-suffixes.ts";
import { unitDesignator } from "./usps-units.ts";

const FRACTION = /^\p{N}+\/\p{N}+$/u;

/**
 * The normalised street of an address given as parts of words (see `addressParts`). Units are
 * taken from every part; the part that looks most like a street ("1200 N MAIN ST") comes first,
 * other words after it, the units last.
 */
export function streetFromParts(parts: readonly (readonly string[])[]): string {
  const { words, units } = gatherParts(parts);
  const street = streetWords(words);
  return [...street.words, ...formatUnits([...units, ...street.units])].join(" ");
}

/** The street words of all parts, the main part first, and the units found in any of them. */
function gatherParts(parts: readonly (readonly string[])[]): { words: string[]; units: Unit[] } {
  const units: Unit[] = [];
  const rests: string[][] = [];
  for (const part of parts) {
    const taken = takeUnits(part);
    units.push(...taken.units);
    if (taken.words.length > 0) rests.push(taken.words);
  }
  const main = mainPart(rests);
  let words: string[] = [...(rests[main] ?? [])];
  rests.forEach((rest, index) => {
    if (index === main) return;
    const number = bareUnitNumber(rest);
    if (number === undefined) words.push(...rest);
    else units.push({ designator: UNNAMED_DESIGNATOR, number });
  });
  // Words of different parts put together can make a unit ("3RD" and "FLOOR"; "SPC" and "A"):
  // read them as the result would be read again, so that normalising twice changes nothing.
  words = takeFloorNumber(words, units);
  for (let taken = takeUnits(words); taken.units.length > 0; taken = takeUnits(words)) {
    units.push(...taken.units);
    words = taken.words;
  }
  return { words, units };
}

/**
 * Which part holds the street: the first of two or more words that starts with a house number,
 * else the first of two or more words, else the first that is not a lone unit number, else the
 * first.
 */
function mainPart(rests: readonly (readonly string[])[]): number {
  const notBare = (rest: readonly string[]) => bareUnitNumber(rest) === undefined;
  const tests = [
    (rest: readonly string[]) => rest.length >= 2 && hasDigit(rest[0]) && notBare(rest),
    (rest: readonly string[]) => rest.length >= 2 && notBare(rest),
    notBare,
  ];
  for (const test of tests) {
    const index = rests.findIndex(test);
    if (index >= 0) return index;
  }
  return 0;
}

/**
 * Normalises the words of one street: "1200 NORTH MAIN STREET" → "1200 N MAIN ST". A number left
 * after the suffix ("1200 N MAIN ST 4B") is returned as an unnamed unit.
 */
export function streetWords(words: readonly string[]): { words: string[]; units: Unit[] } {
  const box = boxAddress(words);
  if (box) return { words: box, units: [] };
  const head: string[] = [];
  let start = 0;
  if (hasDigit(words[0])) {
    head.push(words[0] ?? "");
    start = 1;
    if (FRACTION.test(words[1] ?? "")) {
      head.push(words[1] ?? "");
      start = 2;
    }
  }
  const name = markHighways(words.slice(start));
  const unit = takeTrailingUnit(name);
  const post = takePostDirectional(name);
  const pre = takePreDirectional(name);
  abbreviateSuffix(name);
  const out = [...head, ...(pre ? [pre] : []), ...name.map((w) => w.word), ...(post ? [post] : [])];
  return { words: out, units: unit ? [unit] : [] };
}

/** Whether the `size` words ending at `end` form one directional that is not part of a highway name. */
function isDirectional(name: readonly StreetWord[], end: number, size: number): boolean {
  const words = name.slice(Math.max(0, end - size), end);
  return words.length === size && words.every((w) => !w.fixed) && directionalOf(words.map((w) => w.word)) !== undefined;
}

/** How many words (0, 1 or 2) just before `end` form one directional. */
function directionalBefore(name: readonly StreetWord[], end: number): number {
  if (isDirectional(name, end, 2)) return 2;
  return isDirectional(name, end, 1) ? 1 : 0;
}

/**
 * A unit number written after the suffix with no designator ("MAIN ST 4B", "MAIN ST N 4B"): taken
 * out of the name and returned as an unnamed unit.
 */
function takeTrailingUnit(name: StreetWord[]): Unit | undefined {
  let start = name.length;
  while (start > 0 && name.length - start < 2) {
    const word = name[start - 1];
    if (!word || word.fixed || !isUnitNumber(word.word) || directional(word.word)) break;
    start -= 1;
  }
  if (start === name.length) return undefined;
  const numberWords = name.slice(start).map((w) => w.word);
  const read = readUnitNumber(numberWords, 0);
  if (!read || read.end !== numberWords.length) return undefined;
  const suffixAt = start - 1 - directionalBefore(name, start);
  const suffix = name[suffixAt];
  if (suffixAt < 1 || !suffix || suffix.fixed || !suffixAbbreviation(suffix.word)) return undefined;
  name.splice(start);
  return { designator: UNNAMED_DESIGNATOR, number: read.number };
}

/**
 * A directional after the street name ("MAIN ST NORTH EAST" → "NE"), when a name remains. After a
 * unit designator it stays written out ("SUITE SOUTH"), since "SUITE S" would read as suite S.
 */
function takePostDirectional(name: StreetWord[]): string | undefined {
  for (const size of [2, 1]) {
    if (name.length - size < 1 || !isDirectional(name, name.length, size)) continue;
    const found = directionalOf(name.slice(name.length - size).map((w) => w.word));
    if (found && found.length === 1 && unitDesignator(name[name.length - size - 1]?.word)?.standsAlone) continue;
    name.splice(name.length - size);
    return found;
  }
  return undefined;
}

/**
 * A directional before the street name ("NORTH MAIN" → "N MAIN"), unless it is the name itself:
 * "NORTH ST" keeps NORTH, because a suffix alone is no street name.
 */
function takePreDirectional(name: StreetWord[]): string | undefined {
  for (const size of [2, 1]) {
    const words = name.slice(0, size);
    if (words.length < size || words.some((w) => w.fixed)) continue;
    const found = directionalOf(words.map((w) => w.word));
    if (!found) continue;
    const rest = name.slice(size);
    const only = rest.length === 1 ? rest[0] : undefined;
    if (rest.length >= 2 || (only && (only.fixed || !suffixAbbreviation(only.word)))) {
      name.splice(0, size);
      return found;
    }
  }
  return undefined;
}

/**
 * Abbreviates the suffix: the last word of the street name that is one ("MAIN STREET" → "MAIN ST",
 * "STREET ST" stays), never the first word of the name ("AVENUE A" stays).
 */
function abbreviateSuffix(name: StreetWord[]): void {
  for (let i = name.length - 1; i >= 1; i -= 1) {
    const word = name[i];
    if (!word || word.fixed) continue;
    const abbr = suffixAbbreviation(word.word);
    if (abbr) {
      word.word = abbr;
      return;
    }
  }
}

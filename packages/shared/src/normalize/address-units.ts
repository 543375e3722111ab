/**
 * Finding the secondary units (apartment, suite, floor …) in the words of one address part, so
 * that they can be written at the end of the street in one fixed way: "APT 4B", "STE 200", "REAR".
 */

import { isUnitNumber, unitNumberKind } from "./address-text.ts";
import { directional } from "./usps-directionals.ts";
import { suffixAbbreviation } from "./usps-suffixes.ts";
import { type UnitDesignator, unitDesignator } from "./usps-units.ts";

export interface Unit {
  /** Publication 28 abbreviation: "APT", "STE", "REAR". */
  designator: string;
  /** "4B", "200"; empty for designators that stand alone. */
  number: string;
}

/** `#` with no designator named is written APT, so that "Apt 4B" and "#4B" give the same key. */
export const UNNAMED_DESIGNATOR = "APT";

/** "3RD" in "3RD FLOOR". */
const ORDINAL = /^(\p{N}+)(?:ST|ND|RD|TH)$/u;
const FLOOR_WORDS = new Set(["FLOOR", "FL", "FLR"]);

/**
 * Reads a unit number starting at `start`. A number and a single letter written apart make one
 * number ("4 B" → "4B", "B 4" → "B4"). Undefined when no unit number starts there.
 */
export function readUnitNumber(words: readonly string[], start: number): { number: string; end: number } | undefined {
  const first = words[start];
  if (first === undefined || !isUnitNumber(first)) return undefined;
  const next = words[start + 1];
  const firstKind = unitNumberKind(first);
  const nextKind = unitNumberKind(next);
  if (
    next !== undefined &&
    ((firstKind === "digits" && nextKind === "letter") || (firstKind === "letter" && nextKind === "digits"))
  ) {
    return { number: `${first}${next}`, end: start + 2 };
  }
  return { number: first, end: start + 1 };
}

/**
 * Splits the words of one part into units and the words left. A designator counts when a unit
 * number follows it ("APT 4B", "SUITE # 200"), or, for those that may stand alone, when it ends the
 * part or another unit follows ("1200 MAIN ST REAR", but not "100 REAR ST"). "3RD FLOOR" is read
 * as "FL 3" (but "W 3RD FL 2" as floor 2 of W 3RD). `#` followed by a number is an unnamed
 * designator, except after BOX ("PO BOX # 12"), where it only says that a number follows.
 */
export function takeUnits(part: readonly string[]): { words: string[]; units: Unit[] } {
  const words: string[] = [];
  const units: Unit[] = [];
  let i = 0;
  while (i < part.length) {
    const word = part[i] ?? "";
    if (word === "#" && part[i - 1] === "BOX") {
      i += 1;
      continue;
    }
    if (word === "#") {
      const read = readUnitNumber(part, i + 1);
      if (read) units.push({ designator: UNNAMED_DESIGNATOR, number: read.number });
      i = read ? read.end : i + 1;
      continue;
    }
    const ordinal = ORDINAL.exec(word);
    if (ordinal?.[1] && FLOOR_WORDS.has(part[i + 1] ?? "") && !readUnitNumber(part, i + 2)) {
      units.push({ designator: "FL", number: ordinal[1] });
      i += 2;
      continue;
    }
    const designator = unitDesignator(word);
    if (designator) {
      // "KEY # 4" is the street KEY with unit 4; "SUITE # 4" and "LOT # 4" are the unit itself.
      const after = part[i + 1] === "#" && !suffixAbbreviation(word) ? i + 2 : i + 1;
      const read = readUnitNumber(part, after);
      // "KEY N" is the street KEY going north rather than key number N.
      if (read && !(isStreetWord(designator) && directional(read.number))) {
        units.push({ designator: designator.abbr, number: read.number });
        i = read.end;
        continue;
      }
      const endsPart = after >= part.length || unitDesignator(part[after]) !== undefined;
      if (designator.standsAlone && endsPart) {
        units.push({ designator: designator.abbr, number: "" });
        i = after;
        continue;
      }
    }
    words.push(word);
    i += 1;
  }
  return { words, units };
}

/** A designator that is also a common street word (KEY, LOT, TRAILER …), see `standsAlone`. */
function isStreetWord(designator: UnitDesignator): boolean {
  return !designator.standsAlone;
}

/**
 * A floor whose number ended another part ("3RD", "FLOOR" on two lines): the ordinal is taken off
 * the end of the words and becomes the number of the floor. Returns the words left.
 */
export function takeFloorNumber(words: readonly string[], units: Unit[]): string[] {
  const floor = units.findIndex((unit) => unit.designator === "FL" && unit.number === "");
  const numbered = units.some((unit) => unit.designator === "FL" && unit.number !== "");
  const ordinal = ORDINAL.exec(words.at(-1) ?? "");
  if (floor < 0 || numbered || !ordinal?.[1]) return [...words];
  units[floor] = { designator: "FL", number: ordinal[1] };
  return words.slice(0, -1);
}

/** Whether these words are nothing but one unit number ("4B", "4 B"), as in a second line. */
export function bareUnitNumber(words: readonly string[]): string | undefined {
  const read = readUnitNumber(words, 0);
  return read && read.end === words.length ? read.number : undefined;
}

/** Buildings first, then floors, then the rest as found; a unit written twice counts once. */
const ORDER: ReadonlyMap<string, number> = new Map([
  ["BLDG", 0],
  ["FL", 1],
]);

/**
 * The units written the Publication 28 way, in a fixed order: "BLDG 2 APT 4B". A designator given
 * once with a number and once without ("FL 3", "FL") is written once, with the number.
 */
export function formatUnits(units: readonly Unit[]): string[] {
  const numbered = new Set(units.filter((unit) => unit.number).map((unit) => unit.designator));
  const seen = new Set<string>();
  const written: { text: string; order: number }[] = [];
  for (const unit of units) {
    const text = unit.number ? `${unit.designator} ${unit.number}` : unit.designator;
    if (seen.has(text) || (!unit.number && numbered.has(unit.designator))) continue;
    seen.add(text);
    written.push({ text, order: ORDER.get(unit.designator) ?? 2 });
  }
  return written.sort((a, b) => a.order - b.order).map((unit) => unit.text);
}

/**
 * City, state and ZIP code of an address, and taking them off a street line when a whole address
 * was typed into it ("1200 N Main St, Springfield, IL 62701").
 */

import { addressWords } from "./address-text.ts";
import { stateCode, stateSpellings } from "./us-states.ts";
import { directional } from "./usps-directionals.ts";
import { parseZip } from "./zip.ts";

/** "St. Louis" → "ST LOUIS", "Coeur d'Alene" → "COEUR DALENE". */
export function normalizeCity(city: string | null | undefined): string {
  return addressWords(city).join(" ");
}

/** "il", "Illinois" or "I.L." → "IL"; what cannot be read as a state is kept, cleaned. */
export function normalizeState(state: string | null | undefined): string {
  const text = addressWords(state).join(" ");
  return stateCode(text) ?? text;
}

/** The ZIP 5 of "62701-1234"; for anything else the first five digits, or the text cleaned. */
export function normalizeZip5(zip: string | null | undefined): string {
  const parsed = parseZip(zip ?? "");
  if (parsed) return parsed.zip5;
  const text = (zip ?? "").normalize("NFKC");
  return /^\s*(\d{5})/.exec(text)?.[1] ?? addressWords(text).join("");
}

export interface Place {
  /** The city as words: ["SPRINGFIELD"]. */
  city: readonly string[];
  /** The state code: "IL". */
  state: string;
  zip5: string;
}

const COUNTRIES = new Set(["US", "USA", "UNITED STATES", "UNITED STATES OF AMERICA"]);

interface Slot {
  word: string;
  part: number;
}

/** The words at the end that write this ZIP code: ["62701"], ["62701-1234"] or ["62701", "1234"]; else none. */
function zipAtEnd(words: readonly string[], zip5: string): string[] {
  const last = words.at(-1);
  const before = words.at(-2);
  if (!zip5 || last === undefined) return [];
  if (/^[0-9]{4}$/.test(last) && before === zip5) return [before, last];
  return parseZip(last)?.zip5 === zip5 ? [last] : [];
}

/**
 * Takes the city, state, ZIP code and country off the end of a line's parts when they repeat the
 * address's own. To keep street words such as a post-directional "NE" (also Nebraska) or a unit
 * number that happens to be the ZIP code, the ZIP code is taken only after the state or city or as
 * a part of its own, a state only before the ZIP code, after the city or as a part of its own, and
 * a city only before the state or ZIP code or as a part of its own. The first word of the line
 * always stays.
 */
export function stripPlace(parts: readonly (readonly string[])[], place: Place): string[][] {
  const slots: Slot[] = parts.flatMap((words, part) => words.map((word) => ({ word, part })));
  const endsWith = (words: readonly string[]) =>
    words.length > 0 &&
    words.length < slots.length &&
    words.every((word, i) => slots[slots.length - words.length + i]?.word === word);
  const isOwnPart = (count: number) => {
    const first = slots[slots.length - count];
    const before = slots[slots.length - count - 1];
    return first !== undefined && first.part > 0 && before?.part !== first.part;
  };
  const take = (count: number) => slots.splice(slots.length - count, count);

  const last = slots.at(-1)?.part;
  const lastPart = slots.filter((slot) => slot.part === last).map((slot) => slot.word);
  if (last !== undefined && last > 0 && COUNTRIES.has(lastPart.join(" "))) take(lastPart.length);

  const states = stateSpellings(place.state);
  const afterCity = (words: readonly string[]) => place.city.length > 0 && endsWith([...place.city, ...words]);
  const zipWords = zipAtEnd(
    slots.map((slot) => slot.word),
    place.zip5,
  );
  const zipTaken =
    zipWords.length > 0 &&
    (isOwnPart(zipWords.length) ||
      afterCity(zipWords) ||
      states.some((spelling) => endsWith([...spelling, ...zipWords])));
  if (zipTaken) take(zipWords.length);

  let stateTaken = false;
  for (const spelling of states) {
    if (!endsWith(spelling)) continue;
    const ownPart = isOwnPart(spelling.length) && directional(spelling.join(" ")) === undefined;
    if (zipTaken || afterCity(spelling) || ownPart) {
      take(spelling.length);
      stateTaken = true;
      break;
    }
  }

  if (place.city.length > 0 && endsWith(place.city) && (zipTaken || stateTaken || isOwnPart(place.city.length)))
    take(place.city.length);

  return parts
    .map((_, part) => slots.filter((slot) => slot.part === part).map((slot) => slot.word))
    .filter((words) => words.length > 0);
}

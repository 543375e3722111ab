/**
 * Directionals after USPS Publication 28: NORTH → N … NORTHWEST → NW, also written in two words
 * ("NORTH EAST", "N E").
 */

const SINGLE: ReadonlyMap<string, string> = new Map([
  ["N", "N"],
  ["NORTH", "N"],
  ["S", "S"],
  ["SOUTH", "S"],
  ["E", "E"],
  ["EAST", "E"],
  ["W", "W"],
  ["WEST", "W"],
  ["NE", "NE"],
  ["NORTHEAST", "NE"],
  ["NW", "NW"],
  ["NORTHWEST", "NW"],
  ["SE", "SE"],
  ["SOUTHEAST", "SE"],
  ["SW", "SW"],
  ["SOUTHWEST", "SW"],
]);

/** "NORTH" or "N" → "N", "SOUTHWEST" → "SW"; undefined for any other word. */
export function directional(word: string | undefined): string | undefined {
  return word === undefined ? undefined : SINGLE.get(word);
}

/**
 * The directional written as these one or two words: ["NORTH"] → "N", ["NORTH", "EAST"] → "NE",
 * ["N", "W"] → "NW"; undefined when they are not one directional.
 */
export function directionalOf(words: readonly string[]): string | undefined {
  if (words.length === 1) return directional(words[0]);
  if (words.length !== 2) return undefined;
  const first = directional(words[0]);
  const second = directional(words[1]);
  if ((first === "N" || first === "S") && (second === "E" || second === "W")) return `${first}${second}`;
  return undefined;
}

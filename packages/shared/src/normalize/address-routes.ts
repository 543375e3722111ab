/**
 * Highways and box addresses, which Publication 28 writes apart from ordinary streets:
 * "US Hwy 1" → "US HIGHWAY 1", "CR 12" → "COUNTY ROAD 12", "P.O. Box 7" → "PO BOX 7",
 * "Rural Route 2 Box 152" → "RR 2 BOX 152".
 */

import { hasDigit } from "./address-text.ts";

/** A word of the street and whether it belongs to a highway name that must stay as written. */
export interface StreetWord {
  word: string;
  fixed: boolean;
}

type Pattern = readonly (readonly string[])[];

const HIGHWAY = ["HIGHWAY", "HIGHWY", "HIWAY", "HIWY", "HWAY", "HWY"];
const ROUTE = ["ROUTE", "RTE", "RT"];
const ROAD = ["ROAD", "RD"];
const COUNTY = ["COUNTY", "CO", "CNTY"];

/** Highway names, longest first; each counts only when a route number follows it. */
const HIGHWAYS: readonly { pattern: Pattern; name: readonly string[] }[] = [
  { pattern: [["FARM"], ["TO"], ["MARKET"], ROAD], name: ["FM"] },
  { pattern: [["FARM"], ["TO"], ["MARKET"]], name: ["FM"] },
  { pattern: [["US"], HIGHWAY], name: ["US", "HIGHWAY"] },
  { pattern: [["US"], ROUTE], name: ["US", "ROUTE"] },
  { pattern: [["STATE"], HIGHWAY], name: ["STATE", "HIGHWAY"] },
  { pattern: [["STATE"], ROUTE], name: ["STATE", "ROUTE"] },
  { pattern: [["STATE"], ROAD], name: ["STATE", "ROAD"] },
  { pattern: [COUNTY, HIGHWAY], name: ["COUNTY", "HIGHWAY"] },
  { pattern: [COUNTY, ROUTE], name: ["COUNTY", "ROUTE"] },
  { pattern: [COUNTY, ROAD], name: ["COUNTY", "ROAD"] },
  { pattern: [["RANCH"], ROAD], name: ["RANCH", "ROAD"] },
  { pattern: [["INTERSTATE", "I"]], name: ["INTERSTATE"] },
  { pattern: [["SR"]], name: ["STATE", "ROUTE"] },
  { pattern: [["CR"]], name: ["COUNTY", "ROAD"] },
  { pattern: [["FM"]], name: ["FM"] },
  { pattern: [HIGHWAY], name: ["HIGHWAY"] },
  { pattern: [ROUTE], name: ["ROUTE"] },
];

const PO_BOX: Pattern[] = [
  [["POST"], ["OFFICE"], ["BOX"]],
  [["P"], ["O"], ["BOX"]],
  [["PO"], ["BOX"]],
  [["POBOX", "POB", "BOX"]],
];
const RURAL_ROUTE: Pattern[] = [[["RURAL"], ROUTE], [["R"], ["R"]], [["RR", "RFD"]]];
const HIGHWAY_CONTRACT: Pattern[] = [[HIGHWAY, ["CONTRACT"]], [["STAR"], ["ROUTE"]], [["HC"]]];

/** Whether `pattern` matches the words at `start`. */
function matches(words: readonly string[], start: number, pattern: Pattern): boolean {
  return pattern.every((choices, offset) => choices.includes(words[start + offset] ?? ""));
}

/** The index just after whichever of the patterns matches at `start`, or -1. */
function after(words: readonly string[], start: number, patterns: readonly Pattern[]): number {
  const pattern = patterns.find((candidate) => matches(words, start, candidate));
  return pattern ? start + pattern.length : -1;
}

/**
 * The street words with highway names written out and marked fixed, together with their route
 * number, so that "HWY" before a number is not taken for a street suffix nor the number for a unit.
 */
export function markHighways(words: readonly string[]): StreetWord[] {
  const out: StreetWord[] = [];
  let i = 0;
  while (i < words.length) {
    const highway = HIGHWAYS.find(
      (candidate) => matches(words, i, candidate.pattern) && hasDigit(words[i + candidate.pattern.length]),
    );
    if (highway) {
      const end = i + highway.pattern.length;
      out.push(...highway.name.map((word) => ({ word, fixed: true })), { word: words[end] ?? "", fixed: true });
      i = end + 1;
      continue;
    }
    out.push({ word: words[i] ?? "", fixed: false });
    i += 1;
  }
  return out;
}

/**
 * A box address written the Publication 28 way ("PO BOX 7", "RR 2 BOX 152", "HC 1 BOX 5"), or
 * undefined when the words are not one.
 */
export function boxAddress(words: readonly string[]): string[] | undefined {
  const box = after(words, 0, PO_BOX);
  if (box >= 0 && hasDigit(words[box])) return ["PO", "BOX", ...words.slice(box)];
  for (const [name, patterns] of [
    ["RR", RURAL_ROUTE],
    ["HC", HIGHWAY_CONTRACT],
  ] as const) {
    const route = after(words, 0, patterns);
    if (route < 0 || !hasDigit(words[route])) continue;
    const rest = words.slice(route + 1);
    const restBox = after(rest, 0, PO_BOX);
    const tail = restBox >= 0 ? ["BOX", ...rest.slice(restBox)] : rest;
    return [name, words[route] ?? "", ...tail];
  }
  return undefined;
}

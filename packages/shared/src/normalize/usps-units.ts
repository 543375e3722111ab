/**
 * Secondary unit designators after USPS Publication 28, Appendix C2 ("APT 4B", "STE 200",
 * "REAR"). `#` is handled apart: it stands for a designator the writer did not name.
 */

export interface UnitDesignator {
  /** The approved abbreviation: "APT". */
  abbr: string;
  /** Spellings people use, the abbreviation among them. */
  variants: readonly string[];
  /** Publication 28 expects a number after it ("APT 4B"); the others stand alone ("REAR"). */
  needsNumber: boolean;
  /**
   * Whether the word may be taken as a designator with no number after it. False for words that
   * are common in street names (KEY, LOT, PIER, TRAILER …): those count only when a number follows.
   */
  standsAlone: boolean;
}

export const UNIT_DESIGNATORS: readonly UnitDesignator[] = [
  { abbr: "APT", variants: ["APARTMENT", "APT"], needsNumber: true, standsAlone: true },
  { abbr: "BSMT", variants: ["BASEMENT", "BSMT"], needsNumber: false, standsAlone: true },
  { abbr: "BLDG", variants: ["BUILDING", "BLDG"], needsNumber: true, standsAlone: true },
  { abbr: "DEPT", variants: ["DEPARTMENT", "DEPT"], needsNumber: true, standsAlone: true },
  { abbr: "FL", variants: ["FLOOR", "FL", "FLR"], needsNumber: true, standsAlone: true },
  { abbr: "FRNT", variants: ["FRONT", "FRNT"], needsNumber: false, standsAlone: true },
  { abbr: "HNGR", variants: ["HANGAR", "HNGR"], needsNumber: true, standsAlone: true },
  { abbr: "KEY", variants: ["KEY"], needsNumber: true, standsAlone: false },
  { abbr: "LBBY", variants: ["LOBBY", "LBBY"], needsNumber: false, standsAlone: true },
  { abbr: "LOT", variants: ["LOT"], needsNumber: true, standsAlone: false },
  { abbr: "LOWR", variants: ["LOWER", "LOWR"], needsNumber: false, standsAlone: true },
  { abbr: "OFC", variants: ["OFFICE", "OFC"], needsNumber: false, standsAlone: true },
  { abbr: "PH", variants: ["PENTHOUSE", "PH"], needsNumber: false, standsAlone: true },
  { abbr: "PIER", variants: ["PIER"], needsNumber: true, standsAlone: false },
  { abbr: "REAR", variants: ["REAR"], needsNumber: false, standsAlone: true },
  { abbr: "RM", variants: ["ROOM", "RM"], needsNumber: true, standsAlone: true },
  { abbr: "SIDE", variants: ["SIDE"], needsNumber: false, standsAlone: true },
  { abbr: "SLIP", variants: ["SLIP"], needsNumber: true, standsAlone: false },
  { abbr: "SPC", variants: ["SPACE", "SPC"], needsNumber: true, standsAlone: false },
  { abbr: "STOP", variants: ["STOP"], needsNumber: true, standsAlone: false },
  { abbr: "STE", variants: ["SUITE", "STE"], needsNumber: true, standsAlone: true },
  { abbr: "TRLR", variants: ["TRAILER", "TRLR"], needsNumber: true, standsAlone: false },
  { abbr: "UNIT", variants: ["UNIT"], needsNumber: true, standsAlone: true },
  { abbr: "UPPR", variants: ["UPPER", "UPPR"], needsNumber: false, standsAlone: true },
];

const BY_SPELLING: ReadonlyMap<string, UnitDesignator> = new Map(
  UNIT_DESIGNATORS.flatMap((unit) => unit.variants.map((spelling) => [spelling, unit] as const)),
);

/** "APARTMENT" or "APT" → the APT designator; undefined for any other word. */
export function unitDesignator(word: string | undefined): UnitDesignator | undefined {
  return word === undefined ? undefined : BY_SPELLING.get(word);
}

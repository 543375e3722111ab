/**
 * The two-letter codes the Postal Service uses for states, the District of Columbia, territories,
 * freely associated states and military mail, each with the names people write instead.
 */

export const US_STATES: Readonly<Record<string, readonly string[]>> = {
  AL: ["ALABAMA"],
  AK: ["ALASKA"],
  AZ: ["ARIZONA"],
  AR: ["ARKANSAS"],
  CA: ["CALIFORNIA"],
  CO: ["COLORADO"],
  CT: ["CONNECTICUT"],
  DE: ["DELAWARE"],
  DC: ["DISTRICT OF COLUMBIA", "WASHINGTON DC"],
  FL: ["FLORIDA"],
  GA: ["GEORGIA"],
  HI: ["HAWAII"],
  ID: ["IDAHO"],
  IL: ["ILLINOIS"],
  IN: ["INDIANA"],
  IA: ["IOWA"],
  KS: ["KANSAS"],
  KY: ["KENTUCKY"],
  LA: ["LOUISIANA"],
  ME: ["MAINE"],
  MD: ["MARYLAND"],
  MA: ["MASSACHUSETTS"],
  MI: ["MICHIGAN"],
  MN: ["MINNESOTA"],
  MS: ["MISSISSIPPI"],
  MO: ["MISSOURI"],
  MT: ["MONTANA"],
  NE: ["NEBRASKA"],
  NV: ["NEVADA"],
  NH: ["NEW HAMPSHIRE"],
  NJ: ["NEW JERSEY"],
  NM: ["NEW MEXICO"],
  NY: ["NEW YORK"],
  NC: ["NORTH CAROLINA"],
  ND: ["NORTH DAKOTA"],
  OH: ["OHIO"],
  OK: ["OKLAHOMA"],
  OR: ["OREGON"],
  PA: ["PENNSYLVANIA"],
  RI: ["RHODE ISLAND"],
  SC: ["SOUTH CAROLINA"],
  SD: ["SOUTH DAKOTA"],
  TN: ["TENNESSEE"],
  TX: ["TEXAS"],
  UT: ["UTAH"],
  VT: ["VERMONT"],
  VA: ["VIRGINIA"],
  WA: ["WASHINGTON"],
  WV: ["WEST VIRGINIA"],
  WI: ["WISCONSIN"],
  WY: ["WYOMING"],
  AS: ["AMERICAN SAMOA"],
  GU: ["GUAM"],
  MP: ["NORTHERN MARIANA ISLANDS"],
  PR: ["PUERTO RICO"],
  VI: ["VIRGIN ISLANDS", "US VIRGIN ISLANDS", "UNITED STATES VIRGIN ISLANDS"],
  FM: ["FEDERATED STATES OF MICRONESIA", "MICRONESIA"],
  MH: ["MARSHALL ISLANDS"],
  PW: ["PALAU"],
  AA: ["ARMED FORCES AMERICAS"],
  AE: ["ARMED FORCES EUROPE", "ARMED FORCES AFRICA", "ARMED FORCES CANADA", "ARMED FORCES MIDDLE EAST"],
  AP: ["ARMED FORCES PACIFIC"],
};

const BY_NAME: ReadonlyMap<string, string> = new Map(
  Object.entries(US_STATES).flatMap(([code, names]) => [
    [code, code] as const,
    ...names.map((name) => [name, code] as const),
  ]),
);

/**
 * "IL" or "ILLINOIS" → "IL", for text already upper case with single spaces; undefined when it
 * names no state.
 */
export function stateCode(text: string): string | undefined {
  return BY_NAME.get(text);
}

/** The ways the state with this code may be written, as words: [["IL"], ["ILLINOIS"]]. */
export function stateSpellings(code: string): string[][] {
  const names = Object.hasOwn(US_STATES, code) ? US_STATES[code] : undefined;
  return names ? [[code], ...names.map((name) => name.split(" "))] : [code.split(" ")];
}

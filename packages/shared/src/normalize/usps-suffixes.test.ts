import { describe, expect, it } from "vitest";
import { normalizeAddress, normalizeStreet } from "./address.ts";
import { STREET_SUFFIXES, suffixAbbreviation } from "./usps-suffixes.ts";

const SPRINGFIELD = { city: "Springfield", state: "IL", zip: "62701" };

describe("the Publication 28 Appendix C1 table", () => {
  it("holds every primary suffix name once, in upper-case letters", () => {
    const names = STREET_SUFFIXES.map((suffix) => suffix.name);
    expect(names.length).toBeGreaterThanOrEqual(200);
    expect(new Set(names).size).toBe(names.length);
    for (const suffix of STREET_SUFFIXES) {
      for (const word of [suffix.name, suffix.abbr, ...suffix.variants]) expect(word).toMatch(/^[A-Z]+$/);
    }
  });

  it("lists each suffix's name and abbreviation among its variants", () => {
    // Plurals that Publication 28 abbreviates like the singular list only their own spellings.
    const sharingAbbreviation = new Set(["PARKS", "PARKWAYS", "SPURS", "WALKS"]);
    for (const suffix of STREET_SUFFIXES) {
      expect(suffix.variants).toContain(suffix.name);
      if (!sharingAbbreviation.has(suffix.name)) expect(suffix.variants).toContain(suffix.abbr);
    }
  });

  it("maps every standard abbreviation to itself", () => {
    for (const suffix of STREET_SUFFIXES) expect(suffixAbbreviation(suffix.abbr)).toBe(suffix.abbr);
  });

  it("maps every variant to its abbreviation, unless the variant is itself another standard abbreviation", () => {
    const standards = new Set(STREET_SUFFIXES.map((suffix) => suffix.abbr));
    for (const suffix of STREET_SUFFIXES) {
      for (const variant of suffix.variants) {
        const expected = standards.has(variant) ? variant : suffix.abbr;
        expect(suffixAbbreviation(variant), variant).toBe(expected);
      }
    }
  });

  it.each([
    ["STREET", "ST"],
    ["STRT", "ST"],
    ["STR", "ST"],
    ["AVENUE", "AVE"],
    ["AV", "AVE"],
    ["AVEN", "AVE"],
    ["AVENU", "AVE"],
    ["AVN", "AVE"],
    ["AVNUE", "AVE"],
    ["BOULEVARD", "BLVD"],
    ["CROSSING", "XING"],
    ["TURNPIKE", "TPKE"],
    ["MEADOWS", "MDWS"],
    ["MDW", "MDW"],
    ["PARKS", "PARK"],
  ])("%s → %s", (word, abbr) => {
    expect(suffixAbbreviation(word)).toBe(abbr);
  });

  it("knows no suffix in ordinary words", () => {
    for (const word of ["MAIN", "ELM", "OAK", "BROADWAY", "N", "APT", "", "street"]) {
      expect(suffixAbbreviation(word)).toBeUndefined();
    }
  });
});

describe("every spelling of a suffix gives the same key", () => {
  const cases = STREET_SUFFIXES.flatMap((suffix) => suffix.variants.map((variant) => [variant, suffix] as const));

  it.each(cases)("%s", (variant, suffix) => {
    const expected = suffixAbbreviation(variant);
    const standard = normalizeAddress({ line1: `1200 N Maple ${suffix.abbr}`, line2: "Apt 4B", ...SPRINGFIELD });
    const written = normalizeAddress({ line1: `1200 North Maple ${variant.toLowerCase()} #4B`, ...SPRINGFIELD });
    if (expected === suffix.abbr) expect(written.key).toBe(standard.key);
    expect(written.key).toBe(`1200 N MAPLE ${expected} APT 4B|SPRINGFIELD|IL|62701`);
    expect(normalizeStreet(`1200 Maple ${variant} West`)).toBe(`1200 MAPLE ${expected} W`);
  });
});

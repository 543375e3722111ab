import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeAddress, normalizeStreet } from "./address.ts";
import { STREET_SUFFIXES, suffixAbbreviation } from "./usps-suffixes.ts";
import { UNIT_DESIGNATORS } from "./usps-units.ts";

/** One street as a person might write it, with the form Publication 28 gives it. */
interface Written {
  line1: string;
  line2: string | null;
  expected: string;
}

const DIRECTIONALS: readonly (readonly [string, string])[] = [
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
  ["NORTH EAST", "NE"],
  ["SW", "SW"],
  ["SOUTHWEST", "SW"],
  ["SOUTH WEST", "SW"],
];
const NAMES = ["MAIN", "OAK", "MAPLE", "ELM", "WASHINGTON", "LINCOLN", "CEDAR", "SUNSET", "MARTIN LUTHER KING", "42ND"];
/** Every spelling in the table with its standard abbreviation (MDW, listed under MEADOWS too, stays MDW). */
const SUFFIX_SPELLINGS = STREET_SUFFIXES.flatMap((suffix) =>
  suffix.variants.map((variant) => [variant, suffixAbbreviation(variant) ?? suffix.abbr] as const),
);
const NUMBERED_UNITS = UNIT_DESIGNATORS.filter((unit) => unit.needsNumber).flatMap((unit) =>
  unit.variants.map((variant) => [variant, unit.abbr] as const),
);
const LONE_UNITS = UNIT_DESIGNATORS.filter((unit) => !unit.needsNumber).flatMap((unit) =>
  unit.variants.map((variant) => [variant, unit.abbr] as const),
);

const unit = fc.oneof(
  fc
    .tuple(fc.constantFrom(...NUMBERED_UNITS), fc.constantFrom("4B", "12", "A", "300", "7C"))
    .map(([[variant, abbr], number]) => ({
      text: `${variant} ${number}`,
      expected: `${abbr} ${number}`,
    })),
  fc.constantFrom("4B", "12", "A").map((number) => ({ text: `#${number}`, expected: `APT ${number}` })),
  fc.constantFrom(...LONE_UNITS).map(([variant, abbr]) => ({ text: variant, expected: abbr })),
);

const written: fc.Arbitrary<Written> = fc
  .record({
    house: fc.integer({ min: 1, max: 99_999 }).map(String),
    pre: fc.option(fc.constantFrom(...DIRECTIONALS), { nil: undefined }),
    name: fc.constantFrom(...NAMES),
    suffix: fc.constantFrom(...SUFFIX_SPELLINGS),
    post: fc.option(fc.constantFrom(...DIRECTIONALS), { nil: undefined }),
    unit: fc.option(unit, { nil: undefined }),
    unitOnLine2: fc.boolean(),
  })
  .map(({ house, pre, name, suffix, post, unit, unitOnLine2 }) => {
    const street = [house, pre?.[0], name, suffix[0], post?.[0]].filter(Boolean).join(" ");
    const expected = [house, pre?.[1], name, suffix[1], post?.[1], unit?.expected].filter(Boolean).join(" ");
    if (!unit) return { line1: street, line2: null, expected };
    return unitOnLine2
      ? { line1: street, line2: unit.text, expected }
      : { line1: `${street}, ${unit.text}`, line2: null, expected };
  });

/** Random case for each letter, random white space between words, stray dots and apostrophes after words. */
function decorate(text: string, seed: readonly number[]): string {
  let i = 0;
  const next = () => seed[i++ % seed.length] ?? 0;
  const words = text.split(" ").map((word) => {
    const cased = [...word].map((c) => (next() % 2 === 0 ? c.toLowerCase() : c)).join("");
    return `${cased}${["", "", ".", "'"][next() % 4]}`;
  });
  return `${[" ", ""][next() % 2]}${words.map((word) => `${word}${[" ", "  ", "\t"][next() % 3]}`).join("")}`;
}

const seed = fc.array(fc.nat(1_000), { minLength: 1, maxLength: 40 });

describe("normalizeStreet properties", () => {
  it("writes a street given in any Publication 28 spelling in the standard form", () => {
    fc.assert(
      fc.property(written, ({ line1, line2, expected }) => {
        expect(normalizeStreet(line1, line2)).toBe(expected);
      }),
    );
  });

  it("gives the same result when given its own result", () => {
    fc.assert(
      fc.property(written, ({ line1, line2 }) => {
        const street = normalizeStreet(line1, line2);
        expect(normalizeStreet(street)).toBe(street);
      }),
    );
  });

  it("gives the same result when given its own result, for any text", () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }));
    fc.assert(
      fc.property(text, fc.option(text, { nil: undefined }), (line1, line2) => {
        const street = normalizeStreet(line1, line2);
        expect(normalizeStreet(street)).toBe(street);
        expect(street).not.toMatch(/[|#]|\s\s|^\s|\s$/u);
      }),
    );
  });

  it("gives the same result when given its own result, for any mix of address words", () => {
    const vocabulary = fc.constantFrom(
      ...["100", "4B", "12", "A", "N", "E", "NORTH", "EAST", "SOUTH", "WEST", "NE", "MAIN", "OAK", "ST", "STREET"],
      ...["AVE", "KEY", "TRAILER", "TRLR", "LOT", "SPC", "APT", "UNIT", "SUITE", "#", "REAR", "FLOOR", "3RD", "PH"],
      ...["BOX", "PO", "P", "O", "HWY", "HIGHWAY", "COUNTY", "RD", "ROUTE", "RR", "HC", "I", "US", "1/2", ",", "."],
      ...["SPACE", "PIER", "BLDG", "2ND", "FL", "ROOM", "LOWER", "SIDE", "FRONT", "OFFICE", "FARM", "TO", "MARKET"],
      ...["STATE", "SR", "CR", "CO", "RURAL", "POST", "B", "W", "SW", "NORTHWEST", "PARK", "MDW", "MEADOWS", "AVENUE"],
      ...["-", "'", "4-B", "123-45", "½", "1,200", "N.E.", "#4B", "APT#", "Springfield", "IL", "62701"],
    );
    const line = fc.array(vocabulary, { maxLength: 10 }).map((words) => words.join(" "));
    fc.assert(
      fc.property(line, fc.option(line, { nil: undefined }), (line1, line2) => {
        const street = normalizeStreet(line1, line2);
        expect(normalizeStreet(street)).toBe(street);
        const address = normalizeAddress({ line1, line2, city: "Springfield", state: "Illinois", zip: "62701-1234" });
        const again = normalizeAddress({ line1: address.street, city: "SPRINGFIELD", state: "IL", zip: address.zip5 });
        expect(again.key).toBe(address.key);
      }),
    );
  });

  it("does not care about case, white space or punctuation", () => {
    fc.assert(
      fc.property(written, seed, ({ line1, line2, expected }, noise) => {
        expect(normalizeStreet(decorate(line1, noise), line2 === null ? null : decorate(line2, noise))).toBe(expected);
      }),
    );
  });
});

describe("normalizeAddress properties", () => {
  const place = fc.record({
    city: fc.constantFrom("Springfield", "St. Louis", "Coeur d'Alene", "New York"),
    state: fc.constantFrom(["IL", "Illinois"], ["MO", "missouri"], ["ID", "Idaho"], ["NY", "New York"]),
    zip5: fc.stringMatching(/^[0-9]{5}$/).filter((zip) => zip !== "00000"),
    zip4: fc.stringMatching(/^[0-9]{4}$/),
  });

  it("gives one key however the street, state and ZIP code are written", () => {
    fc.assert(
      fc.property(written, place, seed, (street, { city, state, zip5, zip4 }, noise) => {
        const standard = normalizeAddress({ line1: street.expected, city, state: state[0], zip: zip5 });
        const other = normalizeAddress({
          line1: decorate(street.line1, noise),
          line2: street.line2,
          city: city.toUpperCase(),
          state: state[1],
          zip: `${zip5}-${zip4}`,
        });
        expect(other.key).toBe(standard.key);
        expect(standard.key.startsWith(`${street.expected}|`)).toBe(true);
        expect(standard.zip5).toBe(zip5);
      }),
    );
  });

  it("gives the same key when the whole address is typed into the first line", () => {
    fc.assert(
      fc.property(written, place, (street, { city, state, zip5, zip4 }) => {
        const address = { line1: street.line1, line2: street.line2, city, state: state[0], zip: zip5 };
        const whole = [street.line1, street.line2, city, `${state[1]} ${zip5}-${zip4}`].filter(Boolean).join(", ");
        expect(normalizeAddress({ ...address, line1: whole, line2: null }).key).toBe(normalizeAddress(address).key);
      }),
    );
  });
});

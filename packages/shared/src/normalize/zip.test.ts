import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseZip } from "./zip.ts";

describe("parseZip", () => {
  it.each([
    ["62701", { zip5: "62701", zip4: null }],
    ["62701-1234", { zip5: "62701", zip4: "1234" }],
    ["627011234", { zip5: "62701", zip4: "1234" }],
    ["62701 1234", { zip5: "62701", zip4: "1234" }],
    [" 62701 - 1234 ", { zip5: "62701", zip4: "1234" }],
    ["62701–1234", { zip5: "62701", zip4: "1234" }],
    ["６２７０１", { zip5: "62701", zip4: null }],
    ["00501", { zip5: "00501", zip4: null }],
  ])("reads %j", (input, expected) => {
    expect(parseZip(input)).toEqual(expected);
  });

  it.each([
    "",
    "   ",
    "6270",
    "627012",
    "62701-123",
    "62701-12345",
    "62701--1234",
    "62701-1234-5678",
    "ABCDE",
    "62701A",
    "00000",
    "IL 62701",
  ])("refuses %j", (input) => {
    expect(parseZip(input)).toBeNull();
  });

  it("refuses very long input quickly", () => {
    const started = performance.now();
    expect(parseZip(`62701${" ".repeat(100_000)}x`)).toBeNull();
    expect(parseZip(`62701${" ".repeat(100_000)}-${" ".repeat(100_000)}x`)).toBeNull();
    expect(parseZip("6".repeat(1_000_000))).toBeNull();
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("reads back any five digits with or without four more", () => {
    const five = fc.stringMatching(/^[0-9]{5}$/).filter((zip) => zip !== "00000");
    const four = fc.option(fc.stringMatching(/^[0-9]{4}$/), { nil: null });
    const separator = fc.constantFrom("-", " ", "", " - ");
    fc.assert(
      fc.property(five, four, separator, (zip5, zip4, between) => {
        const text = zip4 === null ? zip5 : `${zip5}${between}${zip4}`;
        expect(parseZip(text)).toEqual({ zip5, zip4 });
      }),
    );
  });

  it("never returns anything but five digits and four digits", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[0-9 -]{0,12}$/)), (text) => {
        const zip = parseZip(text);
        if (zip === null) return;
        expect(zip.zip5).toMatch(/^[0-9]{5}$/);
        if (zip.zip4 !== null) expect(zip.zip4).toMatch(/^[0-9]{4}$/);
      }),
    );
  });
});

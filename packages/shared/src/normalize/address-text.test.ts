import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addressParts, addressWords, foldAddressText } from "./address-text.ts";

describe("addressParts", () => {
  it.each([
    [
      "1200 N Main Street, Apt 4B",
      [
        ["1200", "N", "MAIN", "STREET"],
        ["APT", "4B"],
      ],
    ],
    ["1200 North Main St #4B", [["1200", "NORTH", "MAIN", "ST", "#", "4B"]]],
    ["Apt#4-B", [["APT", "#", "4B"]]],
    ["B-4", [["B4"]]],
    ["123-45 Queens Blvd", [["123-45", "QUEENS", "BLVD"]]],
    ["123 1/2 Main", [["123", "1/2", "MAIN"]]],
    ["123 ½ Main", [["123", "1/2", "MAIN"]]],
    ["1,200 Main St", [["1200", "MAIN", "ST"]]],
    ["100 N.E. Main St.", [["100", "NE", "MAIN", "ST"]]],
    ["P.O. Box 7", [["PO", "BOX", "7"]]],
    ["123 O'Neil Ct", [["123", "ONEIL", "CT"]]],
    ["12 Peña Blvd", [["12", "PENA", "BLVD"]]],
    ["Smith-Jones Rd", [["SMITH", "JONES", "RD"]]],
    ["１２ Ｍａｉｎ Ｓｔ", [["12", "MAIN", "ST"]]],
    ["1200 Main St\nApt 4B; Rear", [["1200", "MAIN", "ST"], ["APT", "4B"], ["REAR"]]],
    ["Straße 5", [["STRASSE", "5"]]],
    [" , ; ", []],
    ["", []],
  ])("%j → %j", (line, parts) => {
    expect(addressParts(line)).toEqual(parts);
  });

  it("reads nothing from a missing line", () => {
    expect(addressParts(null)).toEqual([]);
    expect(addressParts(undefined)).toEqual([]);
  });

  it("gives only upper-case words without punctuation, for any text", () => {
    const text = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }));
    fc.assert(
      fc.property(text, (line) => {
        for (const word of addressParts(line).flat()) {
          expect(word).toMatch(/^(?:#|[\p{L}\p{N}]+(?:[-/][\p{L}\p{N}]+)*)$/u);
          expect(word).toBe(foldAddressText(word));
        }
      }),
    );
  });
});

describe("addressWords", () => {
  it("runs the parts together and leaves out #", () => {
    expect(addressWords("St. Louis, #5")).toEqual(["ST", "LOUIS", "5"]);
  });
});

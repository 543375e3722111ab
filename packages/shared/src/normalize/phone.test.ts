import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizePhone } from "./phone.ts";

/** Three digits that can start a North American area code or exchange: 2–9 first, not N11. */
const nanpCode = fc
  .tuple(fc.integer({ min: 2, max: 9 }), fc.integer({ min: 0, max: 99 }))
  .filter(([, rest]) => rest !== 11)
  .map(([first, rest]) => `${first}${String(rest).padStart(2, "0")}`);
const lineNumber = fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, "0"));
const nanpNumber = fc.tuple(nanpCode, nanpCode, lineNumber);

/** The ways people write one North American number. */
const FORMATS: readonly ((area: string, exchange: string, line: string) => string)[] = [
  (a, e, l) => `(${a}) ${e}-${l}`,
  (a, e, l) => `${a}.${e}.${l}`,
  (a, e, l) => `+1 ${a} ${e} ${l}`,
  (a, e, l) => `1-${a}-${e}-${l}`,
  (a, e, l) => `${a}${e}${l}`,
  (a, e, l) => `1${a}${e}${l}`,
  (a, e, l) => `+1${a}${e}${l}`,
  (a, e, l) => `+1 (${a}) ${e}-${l}`,
  (a, e, l) => ` ${a} / ${e} – ${l} `,
  (a, e, l) => `${a}\u00A0${e}\u00A0${l}`,
  (a, e, l) => `${a}-${e}-${l}`.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)),
  (a, e, l) => `011 1 ${a} ${e} ${l}`,
];

describe("normalizePhone", () => {
  it.each([
    "(217) 555-0142",
    "217.555.0142",
    "+1 217 555 0142",
    "1-217-555-0142",
    "2175550142",
    "+12175550142",
    " 1 (217) 555 - 0142 ",
    "２１７－５５５－０１４２",
    "217‑555‑0142",
  ])("reads %j as +12175550142", (input) => {
    expect(normalizePhone(input)).toBe("+12175550142");
  });

  it.each([
    ["+44 20 7946 0958", "+442079460958"],
    ["011 44 20 7946 0958", "+442079460958"],
    ["0044 20 7946 0958", "+442079460958"],
    ["+52 55 1234 5678", "+525512345678"],
  ])("reads the international number %j as %j", (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each([
    "",
    "   ",
    "hello",
    "1-800-ASK-USPS",
    "555-0142",
    "217-555-014",
    "217-555-01422",
    "2-217-555-0142",
    "017 555 0142",
    "117 555 0142",
    "217 055 0142",
    "217 155 0142",
    "911 555 0142",
    "217 411 0142",
    "+1 117 555 0142",
    "+1 217 555 014",
    "+0 20 7946 0958",
    "+44 20",
    "+44 1234 5678 9012 3456",
    "++1 217 555 0142",
    "217+5550142",
    "217-555-0142 ext 12",
    "217-555-0142 x12",
    "tel:2175550142",
  ])("refuses %j", (input) => {
    expect(normalizePhone(input)).toBeNull();
  });

  it("refuses very long input quickly", () => {
    const started = performance.now();
    expect(normalizePhone("2175550142".repeat(100_000))).toBeNull();
    expect(normalizePhone(`${" ".repeat(100_000)}2175550142`)).toBe("+12175550142");
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("gives one result for a number however it is written", () => {
    fc.assert(
      fc.property(nanpNumber, fc.constantFrom(...FORMATS), fc.constantFrom(...FORMATS), ([a, e, l], one, other) => {
        const expected = `+1${a}${e}${l}`;
        expect(normalizePhone(one(a, e, l))).toBe(expected);
        expect(normalizePhone(other(a, e, l))).toBe(expected);
      }),
    );
  });

  it("returns E.164 or null for any text, and E.164 is read back as itself", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^\+?[0-9 ()-]{0,20}$/)), (text) => {
        const phone = normalizePhone(text);
        if (phone === null) return;
        expect(phone).toMatch(/^\+[1-9][0-9]{6,14}$/);
        expect(normalizePhone(phone)).toBe(phone);
      }),
    );
  });

  it("refuses text with letters in it", () => {
    fc.assert(
      fc.property(nanpNumber, fc.stringMatching(/^[a-zA-Z]$/), fc.nat(), ([a, e, l], letter, at) => {
        const digits = `${a}${e}${l}`;
        const position = at % (digits.length + 1);
        expect(normalizePhone(`${digits.slice(0, position)}${letter}${digits.slice(position)}`)).toBeNull();
      }),
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskEmail, maskPhone, maskStreetLine } from "./mask.ts";

const DOTS = "••••";

describe("maskEmail", () => {
  it.each([
    ["maria.lopez@example.com", "m••••@example.com"],
    ["m@example.com", "m••••@example.com"],
    [" Maria@Example.com ", "M••••@Example.com"],
    ['"a@b"@example.com', '"••••@example.com'],
    ["😀smile@example.com", "😀••••@example.com"],
    ["no-at-sign", DOTS],
    ["@example.com", DOTS],
    ["", DOTS],
    ["   ", DOTS],
  ])("%j → %j", (input, expected) => {
    expect(maskEmail(input)).toBe(expected);
  });

  it("keeps only the first character of the local part and the domain", () => {
    const local = fc.stringMatching(/^[a-z][a-z0-9._+-]{0,30}$/);
    const domain = fc.stringMatching(/^[a-z]{1,10}\.[a-z]{2,4}$/);
    fc.assert(
      fc.property(local, domain, (name, host) => {
        expect(maskEmail(`${name}@${host}`)).toBe(`${name.slice(0, 1)}${DOTS}@${host}`);
      }),
    );
  });

  it("never shows the local part beyond its first character", () => {
    const secret = fc.stringMatching(/^[0-9]{2,20}$/);
    const domain = fc.stringMatching(/^[a-z]{1,10}\.[a-z]{2,4}$/);
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zA-Z]$/), secret, domain, (first, rest, host) => {
        const masked = maskEmail(`${first}${rest}@${host}`);
        expect(masked).not.toContain(rest);
        expect(masked).not.toMatch(/[0-9]/);
      }),
    );
  });

  it("shows at most one character before the last @ for any text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "grapheme" })), (text) => {
        const masked = maskEmail(text);
        const before = masked.slice(0, masked.lastIndexOf("@") >= 0 ? masked.lastIndexOf("@") : masked.length);
        expect([...before.replaceAll("•", "")].length).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe("maskPhone", () => {
  it.each([
    ["+12175550142", "•••-•••-0142"],
    ["(217) 555-0142", "•••-•••-0142"],
    ["+44 20 7946 0958", "•••-•••-0958"],
    ["+1 217 555 ０１４２", "•••-•••-0142"],
    ["12345", "•••-•••-2345"],
    ["0142", "•••-•••-••••"],
    ["12", "•••-•••-••••"],
    ["", "•••-•••-••••"],
    ["no digits", "•••-•••-••••"],
  ])("%j → %j", (input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });

  it("shows the last four digits of a number and nothing else", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{5,15}$/), fc.constantFrom("", "+", "+1 "), (digits, prefix) => {
        const masked = maskPhone(`${prefix}${digits}`);
        expect(masked).toBe(`•••-•••-${digits.slice(-4)}`);
      }),
    );
  });

  it("never shows more than four digits, whatever the text", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.stringMatching(/^[0-9 +()-]{0,30}$/)),
        (text) => {
          const masked = maskPhone(text);
          expect(masked).toHaveLength(12);
          expect(masked.match(/\p{Nd}/gu)?.length ?? 0).toBeLessThanOrEqual(4);
        },
      ),
    );
  });
});

describe("maskStreetLine", () => {
  it.each([
    ["1200 N Main Street", "••• N Main Street"],
    ["  1200 N Main Street  ", "••• N Main Street"],
    ["12B Elm St", "••• Elm St"],
    ["123-45 Queens Blvd", "••• Queens Blvd"],
    ["123 1/2 Main St", "••• Main St"],
    ["123 ½ Main St", "••• Main St"],
    ["N123W456 Main St", "••• Main St"],
    ["１２００ N Main Street", "••• N Main Street"],
    ["Apt 4B, 1200 N Main St", "Apt 4B, ••• N Main St"],
    ["PO Box 123", "PO Box •••"],
    ["P.O. Box #55", "P.O. Box #•••"],
    ["Main Street", "Main Street"],
    ["1200", "•••"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(maskStreetLine(input)).toBe(expected);
  });

  it("hides the house number and keeps the street", () => {
    const street = fc.array(fc.stringMatching(/^[A-Z][a-z]{0,10}$/), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999 }), street, (number, words) => {
        const masked = maskStreetLine(`${number} ${words.join(" ")}`);
        expect(masked).toBe(`••• ${words.join(" ")}`);
        expect(masked).not.toMatch(/[0-9]/);
      }),
    );
  });

  it("handles very long input quickly", () => {
    const started = performance.now();
    expect(maskStreetLine(`1200 ${"Main ".repeat(100_000)}`)).toMatch(/^••• Main/);
    expect(maskStreetLine(`Box${" ".repeat(100_000)}!`.repeat(3))).toContain("Box");
    expect(maskStreetLine(`,${" ".repeat(100_000)}x`.repeat(3))).toContain("x");
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

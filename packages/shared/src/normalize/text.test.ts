import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldCase, normalizeAnswer, normalizeName } from "./text.ts";

/** Any text: printable ASCII, any graphemes, any code points. */
const anyText = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }));
const word = fc.stringMatching(/^[a-z0-9]{1,10}$/);
const words = fc.array(word, { minLength: 1, maxLength: 6 });
const space = fc.constantFrom(" ", "  ", "\t", "\n", "\u00A0", "\u2003", " \t ");
const punctuation = fc.constantFrom(
  ".",
  ",",
  "!",
  "?",
  "'",
  '"',
  "-",
  "(",
  ")",
  ":",
  ";",
  "…",
  "¿",
  "¡",
  "«",
  "»",
  "—",
  "&",
  "*",
  "#",
);

/** Writes the words with random white space between and around them. */
function spaced(parts: readonly string[], gaps: readonly string[]): string {
  return `${gaps[0] ?? ""}${parts.map((part, i) => `${part}${gaps[i + 1] ?? " "}`).join("")}`;
}

/** Puts the marks at the given positions of the text. */
function insertAt(text: string, marks: readonly (readonly [number, string])[]): string {
  let out = text;
  for (const [position, mark] of marks) {
    const at = position % (out.length + 1);
    out = `${out.slice(0, at)}${mark}${out.slice(at)}`;
  }
  return out;
}

/** "Abc" → "Ａｂｃ": the full-width forms of ASCII letters and digits. */
function fullWidth(text: string): string {
  return text.replace(/[A-Za-z0-9]/g, (c) => String.fromCharCode((c.codePointAt(0) ?? 0) + 0xfee0));
}

describe("foldCase", () => {
  it.each([
    ["Straße", "strasse"],
    ["STRASSE", "strasse"],
    ["ΟΔΟΣ", "οδοσ"],
    ["οδος", "οδοσ"],
    ["ẞ", "ss"],
    ["MiXeD", "mixed"],
  ])("%j → %j", (input, expected) => {
    expect(foldCase(input)).toBe(expected);
  });
});

describe("normalizeAnswer", () => {
  it.each([
    [" San  Antonio. ", "san antonio"],
    ["san antonio", "san antonio"],
    ["SAN ANTONIO!", "san antonio"],
    ["san\tantonio\n", "san antonio"],
    ["\u00A0San\u2003Antonio\u00A0", "san antonio"],
    ["Ｓａｎ　Ａｎｔｏｎｉｏ", "san antonio"],
    ["Café", "café"],
    ["Cafe\u0301", "café"],
    ["Straße", "strasse"],
    ["O'Brien", "obrien"],
    ["St. Louis", "st louis"],
    ["ﬁdo", "fido"],
    ["Rex \u200B", "rex"],
    ["２０２４", "2024"],
    ["", ""],
    ["   ", ""],
    ["?!…", ""],
  ])("%j → %j", (input, expected) => {
    expect(normalizeAnswer(input)).toBe(expected);
  });

  it("gives the same result when given its own result", () => {
    fc.assert(fc.property(anyText, (text) => normalizeAnswer(normalizeAnswer(text)) === normalizeAnswer(text)));
  });

  it("does not care about case", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const normalized = normalizeAnswer(text);
        expect(normalizeAnswer(text.toUpperCase())).toBe(normalized);
        expect(normalizeAnswer(text.toLowerCase())).toBe(normalized);
      }),
    );
  });

  it("does not care about white space around and between words", () => {
    fc.assert(
      fc.property(words, fc.array(space, { minLength: 7, maxLength: 7 }), (parts, gaps) => {
        expect(normalizeAnswer(spaced(parts, gaps))).toBe(parts.join(" "));
      }),
    );
  });

  it("does not care about punctuation anywhere", () => {
    fc.assert(
      fc.property(words, fc.array(fc.tuple(fc.nat(), punctuation), { maxLength: 8 }), (parts, marks) => {
        const text = parts.join(" ");
        expect(normalizeAnswer(insertAt(text, marks))).toBe(normalizeAnswer(text));
      }),
    );
  });

  it("reads full-width letters and digits as their plain forms (NFKC)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9 ]{0,20}$/), (text) => {
        expect(normalizeAnswer(fullWidth(text))).toBe(normalizeAnswer(text));
      }),
    );
  });

  it("leaves no punctuation, no upper case and no stray white space", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const normalized = normalizeAnswer(text);
        expect(normalized).not.toMatch(/[\p{P}\p{S}]|\s\s|^\s|\s$|[^\S ]/u);
        expect(normalized).toBe(normalized.normalize("NFKC"));
        expect(foldCase(normalized).normalize("NFKC")).toBe(normalized);
      }),
    );
  });

  it("handles very long input quickly", () => {
    const long = " San  Antonio. ".repeat(50_000);
    const started = performance.now();
    expect(normalizeAnswer(long)).toBe(Array(50_000).fill("san antonio").join(" "));
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe("normalizeName", () => {
  it.each([
    ["López", "lopez"],
    ["O'Brien-Smith", "o brien smith"],
    ["  JOSÉ   María ", "jose maria"],
    ["François", "francois"],
    ["Dvořák", "dvorak"],
    ["Nguyễn", "nguyen"],
    ["Zoë", "zoe"],
    ["Łukasz Żółć", "lukasz zolc"],
    ["Søren", "soren"],
    ["Ægir", "aegir"],
    ["Straße", "strasse"],
    ["Ｍａｒｉａ", "maria"],
    ["Mary-Jane\u200B", "mary jane"],
    ["", ""],
    ["---", ""],
  ])("%j → %j", (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });

  it("gives the same result when given its own result", () => {
    fc.assert(fc.property(anyText, (text) => normalizeName(normalizeName(text)) === normalizeName(text)));
  });

  it("drops diacritics: a word with combining marks gives the word without them", () => {
    const mark = fc.constantFrom("\u0300", "\u0301", "\u0302", "\u0303", "\u0308", "\u030C", "\u0327", "\u0328");
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z]{1,12}$/),
        fc.array(fc.tuple(fc.nat(), mark), { maxLength: 6 }),
        (name, marks) => {
          const marked = [...name].map(
            (letter, i) => `${letter}${marks.find(([at]) => at % name.length === i)?.[1] ?? ""}`,
          );
          expect(normalizeName(marked.join("").normalize("NFC"))).toBe(name);
        },
      ),
    );
  });

  it("leaves no combining marks, no punctuation and no upper case", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const normalized = normalizeName(text);
        expect(normalized).not.toMatch(/[\p{M}\p{P}\p{S}]|\s\s|^\s|\s$/u);
        expect(foldCase(normalized).normalize("NFKC")).toBe(normalized);
      }),
    );
  });

  it("does not care about case", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(normalizeName(text.toUpperCase())).toBe(normalizeName(text));
      }),
    );
  });
});

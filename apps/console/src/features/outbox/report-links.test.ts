import { describe, expect, it } from "vitest";
import { splitReportLinks } from "./report-links.ts";

const token = "q3Zk9V0xT1b8Yw4Rm2Lp7A";

describe("report links in a message", () => {
  it("cuts a notice around its report link, keeping the text on both sides", () => {
    const body = `If it was not you, tell us here: https://desk.example.org/report/${token} (the link works once, for 30 days).`;
    expect(splitReportLinks(body)).toEqual([
      { text: "If it was not you, tell us here: " },
      { text: `https://desk.example.org/report/${token}`, token },
      { text: " (the link works once, for 30 days)." },
    ]);
  });

  it("finds a link under a path, at the very end, and after a sentence's full stop", () => {
    expect(splitReportLinks(`http://localhost:3000/help/report/${token}`)).toEqual([
      { text: `http://localhost:3000/help/report/${token}`, token },
    ]);
    expect(splitReportLinks(`Here: https://a.example/report/${token}.`)).toEqual([
      { text: "Here: " },
      { text: `https://a.example/report/${token}`, token },
      { text: "." },
    ]);
  });

  it("leaves anything else as text: no link, a short token, another path, a non-web address", () => {
    for (const body of [
      "Your code is 123456.",
      "https://desk.example.org/report/short",
      `https://desk.example.org/reports/${token}`,
      `javascript://x/report/${token}`,
      "",
    ]) {
      expect(splitReportLinks(body)).toEqual([{ text: body }]);
    }
  });
});

import { describe, expect, it } from "vitest";
import { formatClock, formatPhone, formatRelative } from "./format.ts";

describe("formatClock", () => {
  it.each([
    [900, "15:00"],
    [872, "14:32"],
    [59.2, "01:00"],
    [1, "00:01"],
    [0, "00:00"],
    [-5, "00:00"],
  ])("shows %s seconds as %s", (seconds, clock) => {
    expect(formatClock(seconds)).toBe(clock);
  });
});

describe("formatPhone", () => {
  it("writes a full US number the way an agent reads it aloud", () => {
    expect(formatPhone("+12175550142")).toBe("(217) 555-0142");
  });

  it("leaves a masked or foreign number as it is", () => {
    expect(formatPhone("•••-•••-0142")).toBe("•••-•••-0142");
    expect(formatPhone("+442071838750")).toBe("+442071838750");
  });
});

describe("formatRelative", () => {
  const now = Date.parse("2026-11-24T15:00:00.000Z");
  it.each([
    ["2026-11-24T14:59:30.000Z", "just now"],
    ["2026-11-24T14:55:00.000Z", "5 minutes ago"],
    ["2026-11-24T12:00:00.000Z", "3 hours ago"],
    ["2026-11-23T15:00:00.000Z", "yesterday"],
    ["2026-11-20T15:30:00.000Z", "4 days ago"],
    ["2026-09-24T15:00:00.000Z", "2 months ago"],
    ["2024-03-15T02:00:00.000Z", "3 years ago"],
  ])("says %s was %s", (iso, words) => {
    expect(formatRelative(iso, now)).toBe(words);
  });
});

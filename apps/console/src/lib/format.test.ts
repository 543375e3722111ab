import { describe, expect, it } from "vitest";
import { formatClock, formatPhone } from "./format.ts";

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

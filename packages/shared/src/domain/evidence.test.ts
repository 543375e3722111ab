import { describe, expect, it } from "vitest";
import { evidenceToAdd, listEvidence, meetsLevel } from "./evidence.ts";

describe("evidence levels", () => {
  it("any: one piece of anything", () => {
    expect(meetsLevel("any", [])).toBe(false);
    expect(meetsLevel("any", ["knowledge"])).toBe(true);
    expect(evidenceToAdd("any", [])).toEqual(["knowledge", "sms", "email"]);
  });

  it("code: a code on either channel", () => {
    expect(meetsLevel("code", ["knowledge"])).toBe(false);
    expect(meetsLevel("code", ["email"])).toBe(true);
    expect(evidenceToAdd("code", ["knowledge"])).toEqual(["sms", "email"]);
  });

  it("two_with_code: two pieces, one a code", () => {
    expect(meetsLevel("two_with_code", ["sms"])).toBe(false);
    expect(meetsLevel("two_with_code", ["knowledge", "knowledge"])).toBe(false);
    expect(meetsLevel("two_with_code", ["knowledge", "sms"])).toBe(true);
    expect(meetsLevel("two_with_code", ["sms", "email"])).toBe(true);
    expect(evidenceToAdd("two_with_code", ["sms"])).toEqual(["knowledge", "email"]);
    expect(evidenceToAdd("two_with_code", ["knowledge"])).toEqual(["sms", "email"]);
    expect(evidenceToAdd("two_with_code", ["knowledge", "email"])).toEqual([]);
  });

  it("two_codes: codes on both channels", () => {
    expect(meetsLevel("two_codes", ["knowledge", "sms"])).toBe(false);
    expect(meetsLevel("two_codes", ["sms", "email"])).toBe(true);
    expect(evidenceToAdd("two_codes", ["knowledge", "sms"])).toEqual(["email"]);
    expect(evidenceToAdd("two_codes", ["knowledge"])).toEqual(["sms", "email"]);
  });

  it("reads out a list", () => {
    expect(listEvidence([])).toBe("nothing yet");
    expect(listEvidence(["knowledge", "email"], "or")).toBe("the security questions, or a code by email");
    expect(listEvidence(["knowledge", "sms", "email"])).toBe(
      "the security questions, a code by text message and a code by email",
    );
  });
});

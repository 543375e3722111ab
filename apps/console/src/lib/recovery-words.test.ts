import { describe, expect, it } from "vitest";
import { actionQuestion, possessive, successMessage, suggestedReason } from "./recovery-words.ts";

describe("recovery words", () => {
  it("asks the dialog's question with the customer's name", () => {
    expect(actionQuestion("unlock", "Maria Lopez")).toBe("Lift Maria Lopez's lockout?");
    expect(actionQuestion("reactivate", "Chris Evans")).toBe("Reactivate Chris Evans' account?");
    expect(possessive("Tom Becker")).toBe("Tom Becker's");
  });

  it("suggests a reason from how the caller was verified", () => {
    expect(suggestedReason("unlock", ["knowledge"])).toBe(
      "Caller verified by security questions; lockout lifted at caller's request.",
    );
    expect(suggestedReason("temporary_password", ["sms"])).toBe(
      "Caller verified by a code sent by text message; temporary password sent at caller's request.",
    );
    expect(suggestedReason("temporary_password", ["knowledge", "email"])).toBe(
      "Caller verified by security questions and a code sent by email; temporary password sent at caller's request.",
    );
    expect(suggestedReason("reactivate", null)).toBe("Account reactivated at caller's request.");
  });

  it("says where a temporary password went and how long it works", () => {
    const now = Date.parse("2026-11-24T15:00:00.000Z");
    const receipt = { channel: "sms" as const, deliveredTo: "•••-•••-0178", expiresAt: "2026-11-25T15:00:00.000Z" };
    expect(successMessage("temporary_password", "Kim Nguyen", receipt, now)).toBe(
      "Temporary password sent by text to •••-•••-0178. It works for 24 hours.",
    );
  });
});

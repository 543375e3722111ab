import type { AccountDetail } from "@recovery-desk/shared";
import { describe, expect, it } from "vitest";
import { maria, tom } from "../test/fixtures.ts";
import { recoveryOptions, VERIFY_FIRST } from "./recovery-options.ts";

const WINDOW: AccountDetail["verification"] = {
  verificationId: "ver_1",
  method: "security_questions",
  caseRef: "CASE-1",
  verifiedAt: "2026-11-24T15:00:00.000Z",
  verifiedUntil: "2026-11-24T15:15:00.000Z",
  evidence: ["knowledge"],
};

describe("recoveryOptions", () => {
  it("makes lifting the lock the next step for a locked account, and gates everything on verification", () => {
    const options = recoveryOptions(maria);
    if (!options.open) throw new Error("expected actions");
    expect(options.primary).toEqual({ kind: "unlock", available: false, note: VERIFY_FIRST });
    expect(options.secondary.every((o) => !o.available && o.note === VERIFY_FIRST)).toBe(true);
  });

  it("makes reactivation the next step after inactivity, and offers only verified channels", () => {
    const options = recoveryOptions({ ...tom, verification: WINDOW });
    if (!options.open) throw new Error("expected actions");
    expect(options.primary?.kind).toBe("reactivate");
    expect(options.primary?.available).toBe(true);
    expect(options.channels.map((c) => [c.channel, c.available])).toEqual([
      ["sms", false],
      ["email", true],
    ]);
  });

  it("offers no state action for an active account", () => {
    const options = recoveryOptions({
      ...maria,
      status: "active",
      statusReason: null,
      lock: null,
      verification: WINDOW,
    });
    if (!options.open) throw new Error("expected actions");
    expect(options.primary).toBeNull();
    expect(options.secondary.map((o) => [o.kind, o.available])).toEqual([
      ["temporary_password", true],
      ["username_reminder", true],
    ]);
  });

  it.each(["merged", "closed"] as const)("closes everything on a %s account", (status) => {
    expect(recoveryOptions({ ...maria, status, verification: WINDOW }).open).toBe(false);
  });
});

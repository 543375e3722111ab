import { describe, expect, it } from "vitest";
import { noticeLanguage, noticeMessage, noticeTime, reportConfirmationMessage } from "./notices.ts";

const at = new Date("2026-12-07T17:56:30.000Z");
const link = "https://desk.example/report/q3Zk9V0xT1b8Yw4Rm2Lp7Aq3Zk9V0xT1b8Yw4Rm2Lp7A";

describe("notices to the owner", () => {
  it("writes a language it has, and English for any other", () => {
    expect(noticeLanguage("es")).toBe("es");
    expect(noticeLanguage("es-MX")).toBe("es");
    expect(noticeLanguage("EN-gb")).toBe("en");
    expect(noticeLanguage("fr")).toBe("en");
    expect(noticeLanguage("")).toBe("en");
  });

  it("says the time in UTC, plainly", () => {
    expect(noticeTime("en", at)).toBe("7 December 2026 at 17:56 UTC");
    expect(noticeTime("es", at)).toBe("7 de diciembre de 2026 a las 17:56 (UTC)");
  });

  it("tells what phone support did, when, under which case, the link, and that nothing is needed if it was them", () => {
    const { subject, text } = noticeMessage("en", {
      action: "account.unlocked",
      at,
      caseRef: "CASE-7",
      reportUrl: link,
    });
    expect(subject).toBe("A change to your USPS account");
    expect(text).toContain("On 7 December 2026 at 17:56 UTC, USPS phone support unlocked your account (case CASE-7).");
    expect(text).toContain("If this was you, there is nothing to do.");
    expect(text).toContain(link);
  });

  it("speaks Spanish", () => {
    const { subject, text } = noticeMessage("es", {
      action: "account.temporary_password_issued",
      at,
      caseRef: null,
      reportUrl: link,
    });
    expect(subject).toBe("Un cambio en su cuenta de USPS");
    expect(text).toContain("envió una contraseña temporal para su cuenta.");
    expect(text).toContain("Si fue usted, no tiene que hacer nada.");
    expect(text).toContain(link);
    expect(text).not.toContain("caso");
  });

  it("confirms a report without a link", () => {
    const { text } = reportConfirmationMessage("en", { action: "merge.completed", at, caseRef: "CASE-9" });
    expect(text).toContain("combined another account in your name with this one (case CASE-9)");
    expect(text).toContain("Your account is locked");
    expect(text).not.toContain("/report/");
  });
});

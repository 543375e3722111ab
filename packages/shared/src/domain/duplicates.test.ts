import { describe, expect, it } from "vitest";
import { editDistance, scoreDuplicate } from "./duplicates.ts";
import { sameGivenName } from "./nicknames.ts";

const ana = { firstName: "Ana", lastName: "Silva", email: "ana.silva@example.com", phone: null };

describe("scoring duplicate candidates", () => {
  it("rates the two Ana Silva accounts high, with the reasons in words", () => {
    const result = scoreDuplicate(ana, {
      firstName: "Ana",
      lastName: "Silva",
      email: "anasilva1984@example.net",
      phone: null,
    });
    expect(result.reasons).toEqual(["same address", "same last name", "same first name"]);
    expect(result.score).toBe(0.8);
  });

  it("sees nicknames and typos", () => {
    expect(
      scoreDuplicate(
        { ...ana, firstName: "William", lastName: "Smith" },
        { ...ana, firstName: "Bill", lastName: "Smith" },
      ).reasons,
    ).toContain("first name is a nickname of the other");
    expect(
      scoreDuplicate(
        { ...ana, firstName: "Jonathan", lastName: "Smith" },
        { ...ana, firstName: "Jonathon", lastName: "Smith" },
      ).reasons,
    ).toContain("similar first name");
    expect(scoreDuplicate(ana, { ...ana, lastName: "Silvia" }).reasons).toContain("similar last name");
  });

  it("adds phone and email agreement, and ranks a stranger at the address lowest", () => {
    const twin = scoreDuplicate({ ...ana, phone: "+12175550100" }, { ...ana, phone: "+12175550100" });
    expect(twin.reasons).toEqual(["same address", "same last name", "same first name", "same phone", "same email"]);
    expect(twin.score).toBe(1);
    const stranger = scoreDuplicate(ana, { firstName: "Kim", lastName: "Nguyen", email: null, phone: null });
    expect(stranger).toEqual({ score: 0.35, reasons: ["same address"] });
  });

  it("knows common nicknames both ways, and not strangers", () => {
    expect(sameGivenName("bob", "robert")).toBe(true);
    expect(sameGivenName("kate", "katherine")).toBe(true);
    expect(sameGivenName("bob", "william")).toBe(false);
  });

  it("measures edit distance", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
  });
});

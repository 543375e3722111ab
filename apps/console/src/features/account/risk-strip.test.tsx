import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { openAccountPage, region } from "../../test/account-page.ts";
import { changeAccount } from "../../test/fake-accounts.ts";
import { highRisk } from "../../test/fake-risk.ts";
import { ana, maria } from "../../test/fixtures.ts";

describe("the account's risk at the top of its page", () => {
  it("is one calm line at low, with no list and no alarm", async () => {
    await openAccountPage(ana);
    const strip = region("Account risk");
    expect(strip).toHaveTextContent("Risk: low. No warning signs on this account.");
    expect(strip).toHaveClass("risk-strip--low");
    expect(within(strip).queryByRole("list")).not.toBeInTheDocument();
    expect(within(strip).queryByRole("heading")).not.toBeInTheDocument();
  });

  it("says elevated in words and lists the reason to read out", async () => {
    await openAccountPage(maria);
    const strip = region("Risk: elevated");
    expect(strip).toHaveTextContent("Take care: confirm the caller's story before any recovery action.");
    expect(
      within(strip)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["Elevated: 1 failed verification attempt in the last 24 hours, across all agents."]);
  });

  it("is unmissable at high: the level as a heading, the hold, each signal and what it changes", async () => {
    changeAccount(ana.id, { risk: highRisk });
    await openAccountPage(ana);
    const strip = region("Risk: high");
    const heading = within(strip).getByRole("heading", { level: 2, name: "Risk: high" });
    expect(heading).toBeVisible();
    expect(strip).toHaveTextContent("verify the caller by a code and ask a supervisor");
    expect(
      within(strip)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "High: The carrier reports a new SIM on the phone on file 2 days ago. SMS codes and SMS temporary passwords are off for this account.",
      "Elevated: The desk recovered this account 3 days ago: the account was unlocked.",
    ]);
    // It comes right after the account's name, before the call script.
    const h1 = screen.getByRole("heading", { level: 1 });
    expect(h1.compareDocumentPosition(strip) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(strip.compareDocumentPosition(region("Verify the caller")) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});

import { screen, within } from "@testing-library/react";
import { http } from "msw";
import { describe, expect, it } from "vitest";
import { chooseMethod, openAccountPage, sentence, verifyPanel } from "../../test/account-page.ts";
import { fakeVerification } from "../../test/fake-verification.ts";
import { ana, maria, tom } from "../../test/fixtures.ts";
import { apiPath, problem } from "../../test/handlers.ts";
import { tabTo } from "../../test/keyboard.ts";
import { server } from "../../test/server.ts";

const methodButton = (name: string) => within(verifyPanel()).getByRole("button", { name });

describe("starting a verification", () => {
  it("sits near the top of the account page, before the contact data", async () => {
    await openAccountPage(maria);

    const panel = verifyPanel();
    const contact = screen.getByRole("region", { name: "Contact channels" });
    expect(panel.compareDocumentPosition(contact) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(panel).getByRole("group", { name: "How will the caller verify?" })).toBeInTheDocument();
    for (const name of ["Security questions", "Code by text message", "Code by email"]) {
      expect(methodButton(name)).toBeEnabled();
    }
    expect(methodButton("Code by text message")).toHaveAccessibleDescription("A 6-digit code goes to •••-•••-0142.");
  });

  it("disables a code method whose channel is missing or not verified, and says why", async () => {
    await openAccountPage(tom);

    expect(methodButton("Code by text message")).toBeDisabled();
    expect(methodButton("Code by text message")).toHaveAccessibleDescription(
      "The phone number is not verified, so no code can go to it.",
    );
    expect(methodButton("Code by email")).toBeEnabled();
    expect(methodButton("Security questions")).toBeEnabled();
  });

  it("disables the text message when there is no phone number at all", async () => {
    await openAccountPage(ana);

    expect(methodButton("Code by text message")).toBeDisabled();
    expect(methodButton("Code by text message")).toHaveAccessibleDescription("No phone number on file.");
    expect(methodButton("Code by email")).toHaveAccessibleDescription("A 6-digit code goes to a••••@example.com.");
  });

  it("checks the case reference the way the API does before starting", async () => {
    const { user } = await openAccountPage(maria);
    const panel = verifyPanel();
    const caseRef = within(panel).getByLabelText("Case reference (optional)");

    await tabTo(user, caseRef);
    await user.keyboard("CASE 42");
    await chooseMethod(user, "Security questions");

    expect(caseRef).toHaveFocus();
    expect(caseRef).toHaveAttribute("aria-invalid", "true");
    expect(caseRef).toHaveAccessibleDescription(/Use only letters, digits and \. \/ : # - _ in the case reference/);
    expect(within(panel).getByText(/Use only letters/)).toHaveAttribute("role", "alert");
    expect(fakeVerification.verifications.size).toBe(0);

    await user.clear(caseRef);
    await user.keyboard("CASE-2026-0042");
    await chooseMethod(user, "Security questions");
    await within(panel).findByLabelText("Ask: What was the name of your first pet?");
    expect([...fakeVerification.verifications.values()][0]?.caseRef).toBe("CASE-2026-0042");
  });

  it("shows why a code could not be sent, and tries again from the keyboard", async () => {
    fakeVerification.deliveryFails = true;
    const { user } = await openAccountPage(maria);
    const panel = verifyPanel();

    await chooseMethod(user, "Code by text message");

    const detail = await within(panel).findByText(
      "The text message to •••-•••-0142 could not be sent. Try again, or use another way to verify the caller.",
    );
    expect(detail.closest("[role='alert']")).toHaveTextContent("The code was not sent");
    const tryAgain = within(panel).getByRole("button", { name: "Try again" });
    expect(tryAgain).toHaveFocus();
    expect(methodButton("Code by email")).toBeEnabled();

    fakeVerification.deliveryFails = false;
    await user.keyboard("{Enter}");
    expect(
      await within(panel).findByText(
        sentence("A code was sent by text to •••-•••-0142. Ask the caller to read it out."),
      ),
    ).toBeInTheDocument();
    expect(within(panel).getByLabelText("Code the caller reads out")).toHaveFocus();
  });

  it("shows the API's reason when it refuses a method", async () => {
    server.use(
      http.post(apiPath("/accounts/:id/verifications"), () =>
        problem(409, "conflict", "The account's email address is not verified; a code cannot be sent to it."),
      ),
    );
    const { user } = await openAccountPage(maria);

    await chooseMethod(user, "Code by email");

    const detail = await within(verifyPanel()).findByText(
      "The account's email address is not verified; a code cannot be sent to it.",
    );
    expect(detail.closest("[role='alert']")).toHaveTextContent("This way cannot be used");
  });

  it("goes back to the choice of method from the questions, keeping the case reference", async () => {
    const { user } = await openAccountPage(maria);
    const panel = verifyPanel();
    await tabTo(user, within(panel).getByLabelText("Case reference (optional)"));
    await user.keyboard("CASE-7");
    await chooseMethod(user, "Security questions");
    await within(panel).findByLabelText("Ask: What was the name of your first pet?");

    await tabTo(user, within(panel).getByRole("button", { name: "Choose another way" }));
    await user.keyboard("{Enter}");

    expect(methodButton("Security questions")).toHaveFocus();
    expect(within(panel).getByLabelText("Case reference (optional)")).toHaveValue("CASE-7");
  });
});

import { PROBLEM_DETAILS } from "@recovery-desk/shared";
import { within } from "@testing-library/react";
import { http } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import { chooseMethod, openAccountPage, verifyPanel } from "../../test/account-page.ts";
import { passTime, startFakeClock } from "../../test/clock.ts";
import { maria } from "../../test/fixtures.ts";
import { apiPath, problem } from "../../test/handlers.ts";
import { tabTo } from "../../test/keyboard.ts";
import { server } from "../../test/server.ts";

const CODE_BOX = "Code the caller reads out";
const codesUsedUp = PROBLEM_DETAILS.codeCapReached(5, 75_600);

describe("the account's daily code limits in the verify panel", () => {
  beforeEach(() => startFakeClock());

  it("says why no code was sent when the account's codes for the day are used up, and leaves the questions open", async () => {
    server.use(
      http.post(apiPath("/accounts/:id/verifications"), async ({ request }) => {
        const body = (await request.clone().json()) as { method: string };
        return body.method === "security_questions"
          ? undefined
          : problem(429, "rate_limited", codesUsedUp, { retryAfter: 75_600 });
      }),
    );
    const { user } = await openAccountPage(maria, { fakeClock: true });

    await chooseMethod(user, "Code by text message");

    const detail = await within(verifyPanel()).findByText(codesUsedUp);
    expect(detail.closest("[role='alert']")).toHaveTextContent("This way cannot be used");
    expect(within(verifyPanel()).getByRole("button", { name: "Security questions" })).toBeEnabled();
  });

  it("says codes are locked, not questions, when a code cannot start after too many wrong codes", async () => {
    server.use(
      http.post(apiPath("/accounts/:id/verifications"), () =>
        problem(423, "verification_locked", PROBLEM_DETAILS.codesLocked, { retryAfter: 86_400 }),
      ),
    );
    const { user } = await openAccountPage(maria, { fakeClock: true });

    await chooseMethod(user, "Code by email");

    expect(await within(verifyPanel()).findByText(PROBLEM_DETAILS.codesLocked)).toBeInTheDocument();
    expect(within(verifyPanel()).getByRole("button", { name: "Security questions" })).toBeEnabled();
  });

  it("ends the code step with the reason when the wrong code locks codes for the account", async () => {
    const { user } = await openAccountPage(maria, { fakeClock: true });
    await chooseMethod(user, "Code by text message");
    await within(verifyPanel()).findByLabelText(CODE_BOX);
    server.use(
      http.post(apiPath("/verifications/:id/code"), () =>
        problem(423, "verification_locked", PROBLEM_DETAILS.codesLocked, {
          retryAfter: 86_400,
          attemptsRemaining: 0,
        }),
      ),
    );

    await user.keyboard("000000{Enter}");

    const detail = await within(verifyPanel()).findByText(PROBLEM_DETAILS.codesLocked);
    expect(detail.closest("[role='alert']")).toHaveTextContent("This verification has ended");
    expect(within(verifyPanel()).getByRole("button", { name: "Start again" })).toHaveFocus();
  });

  it("tells a used-up daily limit apart from the minute between codes when sending a new code", async () => {
    const { user } = await openAccountPage(maria, { fakeClock: true });
    await chooseMethod(user, "Code by text message");
    await within(verifyPanel()).findByLabelText(CODE_BOX);
    await passTime(60_000);
    server.use(
      http.post(apiPath("/verifications/:id/resend"), () =>
        problem(429, "rate_limited", codesUsedUp, { retryAfter: 75_600 }),
      ),
    );

    await tabTo(user, within(verifyPanel()).getByRole("button", { name: "Send a new code" }));
    await user.keyboard("{Enter}");

    expect(await within(verifyPanel()).findByText(codesUsedUp)).toBeInTheDocument();
    expect(within(verifyPanel()).queryByText(/60 seconds after the last one/)).not.toBeInTheDocument();
  });
});

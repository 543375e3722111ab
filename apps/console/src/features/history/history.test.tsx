import { waitFor, within } from "@testing-library/react";
import { delay, http } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import { TIMELINE_PAGE_SIZE } from "../../api/timeline.ts";
import { openAccountPage, region } from "../../test/account-page.ts";
import { startFakeClock } from "../../test/clock.ts";
import { appendEvent, fakeAudit } from "../../test/fake-audit.ts";
import { ana, maria } from "../../test/fixtures.ts";
import { hold } from "../../test/hold.ts";
import { apiPath, problem } from "../../test/http.ts";
import { tabTo } from "../../test/keyboard.ts";
import { verifyByKeyboard } from "../../test/recovery-page.ts";
import { server } from "../../test/server.ts";

const history = () => region("History");
const entries = () => within(history()).getAllByRole("listitem");

describe("the account's history", () => {
  beforeEach(() => startFakeClock());

  it("says what happened, newest first, with how long ago, the exact time, and who did it", async () => {
    await openAccountPage(maria, { fakeClock: true });

    await within(history()).findByText("Locked after 5 failed sign-ins (hard lock)");
    const [hard, ended, temporary] = entries();
    expect(within(hard as HTMLElement).getByText("Locked after 5 failed sign-ins (hard lock)")).toBeVisible();
    expect(hard).toHaveTextContent("by lockout policy");
    // Reasons the system wrote only repeat the entry, so they are left out.
    expect(hard).not.toHaveTextContent("reason");
    const time = within(hard as HTMLElement).getByText("4 days ago");
    expect(time).toHaveAttribute("datetime", "2026-11-20T15:30:00.000Z");
    expect(time).toHaveAttribute("title", "Nov 20, 2026, 9:30 AM");
    expect(hard).toHaveTextContent("Nov 20, 2026, 9:30 AM");
    expect(ended).toHaveTextContent("Temporary lock ended");
    expect(temporary).toHaveTextContent("Locked after 5 failed sign-ins (temporary lock)");
  });

  it("records the verification and every unmasked view", async () => {
    const { user } = await openAccountPage(maria, { fakeClock: true });
    await verifyByKeyboard(user, maria, "CASE-3");

    const verified = (await within(history()).findByText("Verified by security questions")).closest("li");
    expect(verified).toHaveTextContent("by ava.agent — case CASE-3");
    expect(within(history()).getByText("Verification started with security questions")).toBeVisible();
    await waitFor(() => expect(within(history()).getAllByText("Unmasked view").length).toBeGreaterThan(0));
    expect(within(history()).getAllByText("Unmasked view")[0]?.closest("li")).toHaveTextContent(
      "by ava.agent — case CASE-3",
    );
  });

  it("records failed verifications and a question lock without saying which answer was wrong", async () => {
    const agent = { type: "staff" as const, id: "stf_ava", name: "ava.agent" };
    appendEvent({
      action: "verification.failed",
      accountId: ana.id,
      actor: agent,
      details: { method: "security_questions", attemptsRemaining: 0 },
    });
    appendEvent({
      action: "verification.locked",
      accountId: ana.id,
      actor: agent,
      details: { method: "security_questions", lockedUntil: "2026-11-25T15:00:00.000Z" },
    });
    await openAccountPage(ana, { fakeClock: true });

    const [locked, failed] = await within(history()).findAllByRole("listitem");
    expect(locked).toHaveTextContent(
      "Security questions locked after too many failed attempts until Nov 25, 2026, 9:00 AM",
    );
    expect(failed).toHaveTextContent("Verification failed (security questions)");
    expect(failed).toHaveTextContent("by ava.agent");
    expect(failed).not.toHaveTextContent(/pet|school|Luna|Lincoln/i);
  });

  it("names an API key and keeps an integration's reason", async () => {
    appendEvent({
      action: "account.unlocked",
      accountId: ana.id,
      actor: { type: "api_key", id: "key_ivr", name: "IVR gateway" },
      reason: "Caller verified in the phone menu",
    });
    await openAccountPage(ana, { fakeClock: true });

    const entry = (await within(history()).findByText("Lockout lifted")).closest("li");
    expect(entry).toHaveTextContent("by API key “IVR gateway” — reason “Caller verified in the phone menu”");
    expect(entry).toHaveTextContent("just now");
  });

  it("pages back with Show more and puts the keyboard on the first older entry", async () => {
    for (let n = 1; n <= TIMELINE_PAGE_SIZE + 5; n++) {
      appendEvent({
        action: "account.viewed_unmasked",
        accountId: ana.id,
        actor: { type: "staff", id: "stf_ava", name: "ava.agent" },
        at: new Date(Date.UTC(2026, 10, 1, 12, n)).toISOString(),
        caseRef: `CASE-${n}`,
      });
    }
    const cursors: Array<string | null> = [];
    server.use(
      http.get(apiPath("/accounts/:id/timeline"), ({ request }) => {
        cursors.push(new URL(request.url).searchParams.get("cursor"));
        return undefined;
      }),
    );
    const { user } = await openAccountPage(ana, { fakeClock: true });

    await within(history()).findAllByText("Unmasked view");
    expect(entries()).toHaveLength(TIMELINE_PAGE_SIZE);
    expect(entries()[0]).toHaveTextContent(`case CASE-${TIMELINE_PAGE_SIZE + 5}`);
    const more = within(history()).getByRole("button", { name: "Show more" });
    await tabTo(user, more, 80);
    await user.keyboard("{Enter}");

    await waitFor(() => expect(entries()).toHaveLength(TIMELINE_PAGE_SIZE + 5));
    expect(entries().at(-1)).toHaveTextContent("case CASE-1");
    expect(within(history()).queryByRole("button", { name: "Show more" })).not.toBeInTheDocument();
    expect(entries()[TIMELINE_PAGE_SIZE]).toHaveFocus();
    expect(entries()[TIMELINE_PAGE_SIZE]).toHaveTextContent("case CASE-5");
    // The second page starts after the last entry of the first (CASE-6), by its cursor.
    const lastOfFirstPage = fakeAudit.events.find((event) => event.caseRef === "CASE-6");
    expect(cursors).toEqual([null, String(lastOfFirstPage?.seq)]);
  });

  it("says so when nothing has happened yet", async () => {
    await openAccountPage(ana, { fakeClock: true });
    expect(await within(history()).findByText("Nothing has happened on this account yet.")).toBeVisible();
  });

  it("shows that it is loading, then the entries", async () => {
    const { held: answered, release: answer } = hold();
    server.use(
      http.get(apiPath("/accounts/:id/timeline"), async () => {
        await answered;
        return undefined;
      }),
    );
    await openAccountPage(maria, { fakeClock: true });

    expect(within(history()).getByRole("status")).toHaveTextContent("Loading the history…");
    expect(history()).toHaveAttribute("aria-busy", "true");
    answer();
    expect(await within(history()).findByText("Locked after 5 failed sign-ins (hard lock)")).toBeVisible();
    expect(within(history()).queryByRole("status")).not.toBeInTheDocument();
  });

  it("explains a history that could not be loaded and loads it on Try again", async () => {
    let failing = true;
    server.use(
      http.get(apiPath("/accounts/:id/timeline"), async () => {
        if (!failing) return undefined;
        await delay(10);
        return problem(503, "unavailable", "The database is not reachable.", { requestId: "req_hist" });
      }),
    );
    const { user } = await openAccountPage(maria, { fakeClock: true });

    expect(await within(history()).findByText("The history could not be loaded", {}, { timeout: 3000 })).toBeVisible();
    expect(history()).toHaveTextContent("req_hist");
    failing = false;
    await tabTo(user, within(history()).getByRole("button", { name: "Try again" }), 80);
    await user.keyboard("{Enter}");
    expect(await within(history()).findByText("Locked after 5 failed sign-ins (hard lock)")).toBeVisible();
  });
});

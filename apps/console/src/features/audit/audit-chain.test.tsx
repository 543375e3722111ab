import { screen, waitFor, within } from "@testing-library/react";
import { http } from "msw";
import { describe, expect, it } from "vitest";
import { shownFor } from "../../test/account-page.ts";
import { drawnSeqs, openAuditPage, useAuditTestWorld } from "../../test/audit-page.ts";
import { fakeAudit, staffActor } from "../../test/fake-audit.ts";
import { addEvents, fakeTrail } from "../../test/fake-audit-trail.ts";
import { ava } from "../../test/fixtures.ts";
import { apiPath } from "../../test/handlers.ts";
import { hold } from "../../test/hold.ts";
import { tabTo } from "../../test/keyboard.ts";
import { server } from "../../test/server.ts";

const panel = () => screen.getByRole("region", { name: /Chain of events/ });

/** Lets the first verify call through, then holds the next ones until the test releases them. */
function holdVerifyAfterFirst() {
  const { held, release } = hold();
  let calls = 0;
  server.use(
    http.get(apiPath("/audit/verify"), async () => {
      calls += 1;
      if (calls > 1) await held;
      return undefined; // on to the fake API
    }),
  );
  return () => release();
}

/** Runs a check from the keyboard; "everything" is the second choice of the radio group (one Tab stop, arrows move). */
async function runCheck(user: Parameters<typeof tabTo>[0], { everything = false } = {}) {
  if (everything) {
    await tabTo(user, within(panel()).getByRole("radio", { name: /Since the last checkpoint/ }));
    await user.keyboard("{ArrowDown}");
    expect(within(panel()).getByRole("radio", { name: /Everything/ })).toBeChecked();
  }
  await tabTo(user, within(panel()).getByRole("button", { name: "Check the chain now" }));
  await user.keyboard("{Enter}");
}

describe("the chain of events", () => {
  useAuditTestWorld();

  it("says it has not been checked yet, with the head of the chain", async () => {
    await openAuditPage();

    expect(within(panel()).getByText("Not checked yet")).toBeInTheDocument();
    expect(shownFor(panel(), "Last checked")).toHaveTextContent("Never");
    const head = fakeAudit.events[3]?.hash ?? "";
    expect(shownFor(panel(), "Head")).toHaveTextContent(`Event 4${head.slice(0, 8)}…${head.slice(-4)}`);
    expect(within(shownFor(panel(), "Head")).getByText(/…/)).toHaveAttribute("title", head);
    expect(shownFor(panel(), "Last checkpoint")).toHaveTextContent("None yet");
    expect(within(panel()).getByRole("radio", { name: /Since the last checkpoint \(events 1–4\)/ })).toBeChecked();
  });

  it("checks everything in ranges of 5,000 with a progress bar, and shows the result and the new checkpoint", async () => {
    addEvents(12_000, { actor: staffActor(ava) }); // 12,004 events
    const release = holdVerifyAfterFirst();
    const { user } = await openAuditPage();

    expect(within(panel()).getByRole("radio", { name: "Everything (events 1–12,004)" })).not.toBeChecked();
    await runCheck(user, { everything: true });

    const bar = await within(panel()).findByRole("progressbar", { name: "Chain check progress" });
    await waitFor(() => expect(bar).toHaveAttribute("aria-valuenow", "5000"));
    expect(bar).toHaveAttribute("aria-valuemax", "12004");
    expect(bar).toHaveAttribute("aria-valuetext", "5,000 of 12,004 events checked");
    expect(within(panel()).getByText("Checked 5,000 of 12,004 events…")).toBeInTheDocument();
    expect(within(panel()).getByRole("button", { name: "Checking the chain…" })).toHaveAttribute("aria-busy", "true");

    release();
    expect(await within(panel()).findByText("The chain is intact")).toBeInTheDocument();
    expect(panel()).toHaveTextContent("12,004 events checked (events 1–12,004): every event is as it was written.");
    expect(bar).toHaveAttribute("aria-valuenow", "12004");
    expect(fakeTrail.verifyCalls).toEqual([
      { fromSeq: 1, toSeq: 5_000 },
      { fromSeq: 5_001, toSeq: 10_000 },
      { fromSeq: 10_001, toSeq: 12_004 },
    ]);
    // The state is read again: the last recorded check and the checkpoint it made.
    await waitFor(() => expect(within(panel()).getByText("Intact")).toBeInTheDocument());
    expect(shownFor(panel(), "Last checked")).toHaveTextContent(
      "Nov 24, 2026, 9:00:00 AM by sam.supervisor, events 10,001–12,004",
    );
    expect(shownFor(panel(), "Last checkpoint")).toHaveTextContent("Event 12,004, Nov 24, 2026, 9:00:00 AM");
  });

  it("checks only what came after the last checkpoint by default", async () => {
    addEvents(12_000, { actor: staffActor(ava) });
    const anchor = fakeAudit.events[9_999];
    fakeTrail.lastCheckpoint = { seq: 10_000, hash: anchor?.hash ?? "", checkedAt: "2026-11-24T14:45:00.000Z" };
    fakeTrail.lastCheck = {
      checkedAt: "2026-11-24T14:45:00.000Z",
      ok: true,
      fromSeq: 1,
      toSeq: 10_000,
      firstBadSeq: null,
      by: "system",
    };
    const { user } = await openAuditPage();
    expect(shownFor(panel(), "Last checkpoint")).toHaveTextContent("Event 10,000, Nov 24, 2026, 8:45:00 AM");

    await runCheck(user);

    expect(await within(panel()).findByText("The chain is intact")).toBeInTheDocument();
    expect(panel()).toHaveTextContent("2,004 events checked (events 10,001–12,004)");
    expect(fakeTrail.verifyCalls).toEqual([{ fromSeq: 10_001, toSeq: 12_004 }]);
  });

  it("stops at the first range that does not fit, names the event and filters the table to it", async () => {
    addEvents(12_000, { actor: staffActor(ava) });
    fakeTrail.tamperedSeq = 7_321;
    const bad = fakeAudit.events[7_320];
    const { user, location } = await openAuditPage();

    await runCheck(user, { everything: true });

    const title = await within(panel()).findByText("The chain is broken at event 7,321");
    expect(title.closest("[role=alert]")).toHaveTextContent(
      "Every event before it fits. Event 7,321 was changed, removed or put out of order after it was written",
    );
    expect(fakeTrail.verifyCalls).toEqual([
      { fromSeq: 1, toSeq: 5_000 },
      { fromSeq: 5_001, toSeq: 10_000 },
    ]);
    await waitFor(() => expect(within(panel()).getByText("Broken at event 7,321")).toBeInTheDocument());
    expect(within(panel()).getByRole("progressbar")).toHaveAttribute("aria-valuenow", "7320");

    await tabTo(user, within(panel()).getByRole("button", { name: "Show event 7,321 in the table" }));
    await user.keyboard("{Enter}");

    // Found by its time (the API filters by time, not by sequence number), then the table is filtered to that moment.
    await waitFor(() => expect(location().search).toMatchObject({ from: bad?.occurredAt }), { timeout: 3000 });
    await waitFor(() => expect(drawnSeqs()).toEqual([7_321]));
    expect(screen.getByLabelText("From")).toHaveValue("2026-11-26T09:56");
  });

  it("shows a chain found broken by an earlier check", async () => {
    fakeTrail.lastCheck = {
      checkedAt: "2026-11-24T14:45:00.000Z",
      ok: false,
      fromSeq: 1,
      toSeq: 3,
      firstBadSeq: 3,
      by: "system",
    };
    await openAuditPage();

    expect(within(panel()).getByText("Broken at event 3")).toBeInTheDocument();
    expect(shownFor(panel(), "Last checked")).toHaveTextContent(
      "Nov 24, 2026, 8:45:00 AM by system, events 1–3 — event 3 does not fit",
    );
    expect(within(panel()).getByRole("button", { name: "Show event 3 in the table" })).toBeInTheDocument();
  });
});

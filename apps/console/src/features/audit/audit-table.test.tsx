import { screen, waitFor, within } from "@testing-library/react";
import { http } from "msw";
import { describe, expect, it } from "vitest";
import {
  auditGrid,
  drawnSeqs,
  eventRows,
  openAuditPage,
  openAuditTable,
  rowOf,
  useAuditTestWorld,
} from "../../test/audit-page.ts";
import { staffActor } from "../../test/fake-audit.ts";
import { addEvents, fakeTrail } from "../../test/fake-audit-trail.ts";
import { ava, maria } from "../../test/fixtures.ts";
import { apiPath, problem } from "../../test/handlers.ts";
import { hold } from "../../test/hold.ts";
import { tabTo } from "../../test/keyboard.ts";
import { server } from "../../test/server.ts";

describe("the audit table", () => {
  useAuditTestWorld();

  it("shows each event's sequence, local time (UTC in the title), actor, action, account, case and reason", async () => {
    await openAuditTable();

    const columns = within(auditGrid())
      .getAllByRole("columnheader")
      .map((th) => th.textContent);
    expect(columns).toEqual(["Seq", "Time", "Actor", "Action", "Account", "Case", "Reason"]);
    expect(drawnSeqs()).toEqual([4, 3, 2, 1]);

    const [seq, time, actor, action, account, caseRef, reason] = within(rowOf(3)).getAllByRole("cell");
    expect(seq).toHaveTextContent("3");
    // 15:30 UTC is 9:30 AM in Illinois.
    expect(time).toHaveTextContent("Nov 20, 2026, 9:30:00 AM");
    expect(within(time as HTMLElement).getByText(/9:30:00 AM/)).toHaveAttribute("title", "2026-11-20 15:30:00.000 UTC");
    expect(actor).toHaveTextContent("System: lockout policy");
    expect(action).toHaveTextContent("Account locked");
    expect(within(account as HTMLElement).getByRole("link", { name: maria.username })).toHaveAttribute(
      "href",
      `/accounts/${maria.id}`,
    );
    expect(caseRef).toHaveTextContent("—");
    expect(reason).toHaveTextContent("5 failed logins within 15 minutes");
    expect(screen.getByText("4 events found.")).toBeInTheDocument();
  });

  it("is one Tab stop whose rows take focus in turn with the arrow keys, Home and End", async () => {
    const { user } = await openAuditTable();

    const first = rowOf(4);
    await tabTo(user, first);
    expect(eventRows().filter((row) => row.tabIndex === 0)).toEqual([first]);

    await user.keyboard("{ArrowDown}");
    expect(rowOf(3)).toHaveFocus();
    await user.keyboard("{ArrowDown}{ArrowDown}{ArrowDown}");
    expect(rowOf(1)).toHaveFocus();
    await user.keyboard("{ArrowUp}");
    expect(rowOf(2)).toHaveFocus();
    await user.keyboard("{Home}");
    expect(rowOf(4)).toHaveFocus();
    await user.keyboard("{End}");
    expect(rowOf(1)).toHaveFocus();
    expect(eventRows().filter((row) => row.tabIndex === 0)).toEqual([rowOf(1)]);

    // Leaving and coming back lands on the row last used.
    await user.tab({ shift: true });
    await user.tab();
    expect(rowOf(1)).toHaveFocus();
  });

  it("draws only the rows in view, numbered for screen readers, and reads the next page as the end comes into view", async () => {
    addEvents(246, { actor: staffActor(ava) }); // 250 events: three pages of 100
    const { user } = await openAuditTable();

    // About a screenful plus some overscan is drawn, not the 100 rows loaded.
    expect(eventRows().length).toBeGreaterThan(5);
    expect(eventRows().length).toBeLessThan(40);
    expect(auditGrid()).toHaveAttribute("aria-rowcount", "-1");
    expect(rowOf(250)).toHaveAttribute("aria-rowindex", "2");
    expect(fakeTrail.listCalls).toHaveLength(1);
    expect(screen.getByText("Showing the newest 100 events. More load as you scroll.")).toBeInTheDocument();

    await tabTo(user, rowOf(250));
    await user.keyboard("{ArrowDown}");
    expect(rowOf(249)).toHaveFocus();
    expect(rowOf(249)).toHaveAttribute("aria-rowindex", "3");

    // The last loaded row comes into view: the next page is asked for with the cursor of the last page.
    await user.keyboard("{End}");
    expect(rowOf(151)).toHaveFocus();
    await waitFor(() => expect(fakeTrail.listCalls).toHaveLength(2));
    expect(fakeTrail.listCalls[1]?.get("cursor")).toBe("cur_151");
    expect(rowOf(151)).toHaveAttribute("aria-rowindex", "101");
    // The rows far above are no longer drawn.
    expect(screen.queryByText("Routine work 246")).not.toBeInTheDocument();

    await waitFor(() =>
      expect(screen.getByText("Showing the newest 200 events. More load as you scroll.")).toBeInTheDocument(),
    );
    await user.keyboard("{End}");
    expect(rowOf(51)).toHaveFocus();
    await waitFor(() => expect(screen.getByText("250 events found.")).toBeInTheDocument());
    expect(fakeTrail.listCalls[2]?.get("cursor")).toBe("cur_51");
    expect(auditGrid()).toHaveAttribute("aria-rowcount", "251");

    await user.keyboard("{End}");
    expect(rowOf(1)).toHaveFocus();
    expect(rowOf(1)).toHaveAttribute("aria-rowindex", "251");
    expect(fakeTrail.listCalls).toHaveLength(3);
  });

  it("shows grey rows while the first page loads", async () => {
    const { held, release } = hold();
    server.use(
      http.get(apiPath("/audit-events"), async () => {
        await held;
      }),
    );
    await openAuditPage();

    expect(await screen.findByText("Loading events…")).toBeInTheDocument();
    expect(screen.queryByRole("grid")).not.toBeInTheDocument();
    release();
    expect(await screen.findByRole("grid")).toBeInTheDocument();
  });

  it("explains a trail that did not load, with the reference for support and a way to try again", async () => {
    let fail = true;
    server.use(
      http.get(apiPath("/audit-events"), () =>
        fail ? problem(503, "unavailable", "Down for a moment.", { requestId: "req_audit_503" }) : undefined,
      ),
    );
    const { user } = await openAuditPage();

    expect(await screen.findByText("The audit trail could not be loaded")).toBeInTheDocument();
    expect(screen.getByText("req_audit_503")).toBeInTheDocument();

    fail = false;
    await tabTo(user, screen.getByRole("button", { name: "Try again" }));
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("grid")).toBeInTheDocument();
    expect(drawnSeqs()).toEqual([4, 3, 2, 1]);
  });
});

import { screen, waitFor, within } from "@testing-library/react";
import { http } from "msw";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { openAuditPage, useAuditTestWorld } from "../../test/audit-page.ts";
import { staffActor } from "../../test/fake-audit.ts";
import { addEvents, fakeTrail } from "../../test/fake-audit-trail.ts";
import { ava } from "../../test/fixtures.ts";
import { apiPath, problem } from "../../test/handlers.ts";
import { hold } from "../../test/hold.ts";
import { tabTo } from "../../test/keyboard.ts";
import { server } from "../../test/server.ts";

type Download = { href: string; fileName: string; blob: Blob | undefined };

/**
 * jsdom has no object URLs and no downloads: record the files the page makes and the links it
 * clicks, as the browser would receive them.
 */
function watchDownloads() {
  const files = new Map<string, Blob>();
  const downloads: Download[] = [];
  let n = 0;
  const create = vi.fn((blob: Blob) => {
    const url = `blob:http://localhost:3000/export-${++n}`;
    files.set(url, blob);
    return url;
  });
  const revoke = vi.fn((url: string) => {
    files.delete(url);
  });
  URL.createObjectURL = create;
  URL.revokeObjectURL = revoke;
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ href: this.href, fileName: this.download, blob: files.get(this.href) });
  });
  return { downloads, create, revoke };
}

/** A saved file's text (jsdom's Blob has no text()). */
function readText(blob: Blob | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!blob) {
      reject(new Error("No file was saved"));
      return;
    }
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

/** Holds the export after its first piece until the test lets it go on. */
function holdExport() {
  const { held, release } = hold();
  fakeTrail.exportHold = held;
  return release;
}

const exportSection = () => screen.getByRole("region", { name: "Export" });
const exportStatus = () => within(exportSection()).getByRole("status");

describe("exporting the audit trail", () => {
  useAuditTestWorld();
  let watched: ReturnType<typeof watchDownloads>;
  beforeEach(() => {
    watched = watchDownloads();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("streams a CSV with a live count of events, then saves it as a download and frees the memory", async () => {
    addEvents(2_496, { actor: staffActor(ava) }); // 2,500 events
    const release = holdExport();
    const { user } = await openAuditPage();

    await tabTo(user, within(exportSection()).getByRole("button", { name: "Export CSV" }));
    await user.keyboard("{Enter}");

    // The first 1,000 lines are in: the header and 999 events.
    await waitFor(() => expect(exportStatus()).toHaveTextContent("Exported 999 events…"));
    expect(exportStatus()).toHaveAttribute("aria-live", "polite");
    const busy = within(exportSection()).getByRole("button", { name: "Exporting CSV…" });
    expect(busy).toHaveAttribute("aria-busy", "true");
    expect(within(exportSection()).getByRole("button", { name: "Cancel export" })).toBeInTheDocument();
    expect(watched.downloads).toEqual([]);

    release();
    await waitFor(() =>
      expect(exportStatus()).toHaveTextContent("Exported 2,500 events to audit-20261124T150000.csv."),
    );
    expect(watched.downloads).toHaveLength(1);
    const [download] = watched.downloads;
    expect(download?.fileName).toBe("audit-20261124T150000.csv");
    expect(download?.blob?.type).toBe("text/csv");
    const lines = (await readText(download?.blob)).trimEnd().split("\r\n");
    expect(lines).toHaveLength(2_501);
    expect(lines[0]).toMatch(/^seq,id,occurred_at,actor_type,/);
    expect(lines[1]).toMatch(/^2500,evt_2500,/);
    await waitFor(() => expect(watched.revoke).toHaveBeenCalledWith(download?.href));
    expect(within(exportSection()).queryByRole("button", { name: "Cancel export" })).not.toBeInTheDocument();
    expect(fakeTrail.exportCalls.map((params) => Object.fromEntries(params))).toEqual([{ format: "csv" }]);
  });

  it("exports NDJSON of just the events the filters select", async () => {
    addEvents(10, { actor: staffActor(ava) });
    const { user } = await openAuditPage("/audit?accountId=acc_bulk0001&action=auth.login");
    expect(exportSection()).toHaveTextContent("Downloads the events that match the filters");

    await tabTo(user, within(exportSection()).getByRole("button", { name: "Export NDJSON" }));
    await user.keyboard("{Enter}");

    await waitFor(() => expect(exportStatus()).toHaveTextContent("Exported 3 events to audit-20261124T150000.ndjson."));
    expect(Object.fromEntries(fakeTrail.exportCalls[0] ?? [])).toEqual({
      accountId: "acc_bulk0001",
      action: "auth.login",
      format: "ndjson",
    });
    const text = await readText(watched.downloads[0]?.blob);
    const events = text
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as { seq: number; accountId: string });
    expect(events.map((event) => event.seq)).toEqual([13, 9, 5]);
    expect(new Set(events.map((event) => event.accountId))).toEqual(new Set(["acc_bulk0001"]));
  });

  it("stops on Cancel and saves nothing", async () => {
    addEvents(2_496, { actor: staffActor(ava) });
    const release = holdExport();
    const { user } = await openAuditPage();

    await tabTo(user, within(exportSection()).getByRole("button", { name: "Export CSV" }));
    await user.keyboard("{Enter}");
    await waitFor(() => expect(exportStatus()).toHaveTextContent("Exported 999 events…"));

    await tabTo(user, within(exportSection()).getByRole("button", { name: "Cancel export" }));
    await user.keyboard("{Enter}");

    await waitFor(() =>
      expect(exportStatus()).toHaveTextContent("Export cancelled after 999 events. No file was saved."),
    );
    release();
    expect(watched.create).not.toHaveBeenCalled();
    expect(watched.downloads).toEqual([]);
    expect(within(exportSection()).getByRole("button", { name: "Export CSV" })).not.toHaveAttribute("aria-busy");
  });

  it("explains in words an export the service refused", async () => {
    server.use(
      http.get(apiPath("/audit-events/export"), () =>
        problem(500, "internal", "Boom.", { requestId: "req_export_500" }),
      ),
    );
    const { user } = await openAuditPage();

    await tabTo(user, within(exportSection()).getByRole("button", { name: "Export CSV" }));
    await user.keyboard("{Enter}");

    const alert = await within(exportSection()).findByText("The export did not finish, and no file was saved");
    expect(alert.closest("[role=alert]")).toHaveTextContent("Something went wrong on our side. Try again in a moment.");
    expect(within(exportSection()).getByText("req_export_500")).toBeInTheDocument();
    expect(watched.downloads).toEqual([]);
  });
});

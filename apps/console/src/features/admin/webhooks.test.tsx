import type { CreateWebhookRequest, Webhook, WebhookDelivery } from "@recovery-desk/shared";
import { screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import { ada } from "../../test/admin-fixtures.ts";
import { cachedText, cells, openAdminPage, openDialog, row, UUID } from "../../test/admin-page.ts";
import { apiPath, problem } from "../../test/http.ts";
import { tabTo } from "../../test/keyboard.ts";
import { renderApp } from "../../test/render-app.tsx";
import { server } from "../../test/server.ts";

const FRAUD_URL = "https://fraud.example.com/hooks/recovery";

/** The webhooks part of the API, as msw handlers over this file's own state (admins only in the real API). */
const fake = {
  webhooks: [] as Webhook[],
  deliveries: {} as Record<string, WebhookDelivery[]>,
  posted: [] as { body: CreateWebhookRequest; idempotencyKey: string | null }[],
  deleted: [] as { id: string; idempotencyKey: string | null }[],
  secret: "whsec_dGhpcy1pcy1ub3QtYS1yZWFsLXNlY3JldC0xMjM0NTY3OA==",
};

function delivery(id: string, status: WebhookDelivery["status"], codes: Array<number | null>): WebhookDelivery {
  return {
    id,
    event: "account.unlocked",
    status,
    createdAt: "2026-11-23T14:31:02.000Z",
    nextAttemptAt: status === "pending" ? "2026-11-23T14:40:00.000Z" : null,
    attempts: codes.map((code, index) => ({
      at: `2026-11-23T14:3${1 + index}:04.000Z`,
      statusCode: code,
      error: code === 200 ? null : code === null ? "timeout" : `HTTP ${code}`,
      ms: 40,
    })),
  };
}

beforeEach(() => {
  fake.webhooks = [
    {
      id: "whk_fraud",
      url: FRAUD_URL,
      events: ["account.locked", "account.unlocked"],
      createdAt: "2026-09-01T14:00:00.000Z",
      createdBy: "ada.admin",
      pending: 1,
      failed: 1,
    },
  ];
  fake.deliveries = {
    whk_fraud: [
      delivery("whd_3", "pending", [503]),
      delivery("whd_2", "failed", [500, 500, null]),
      delivery("whd_1", "delivered", [500, 200]),
    ],
  };
  fake.posted = [];
  fake.deleted = [];
  server.use(
    http.get(apiPath("/webhooks"), () => HttpResponse.json({ items: fake.webhooks })),
    http.post(apiPath("/webhooks"), async ({ request }) => {
      const body = (await request.json()) as CreateWebhookRequest;
      fake.posted.push({ body, idempotencyKey: request.headers.get("idempotency-key") });
      if (body.url.startsWith("http:")) {
        return problem(400, "validation_failed", "Some fields are not valid.", {
          errors: [{ path: "json.url", message: "Use an https:// address." }],
        });
      }
      const webhook: Webhook = {
        id: `whk_${fake.webhooks.length + 1}`,
        url: body.url,
        events: body.events,
        createdAt: "2026-11-23T15:00:00.000Z",
        createdBy: "ada.admin",
        pending: 0,
        failed: 0,
      };
      fake.webhooks = [webhook, ...fake.webhooks];
      return HttpResponse.json({ ...webhook, secret: fake.secret }, { status: 201 });
    }),
    http.delete(apiPath("/webhooks/:id"), ({ request, params }) => {
      fake.deleted.push({ id: String(params.id), idempotencyKey: request.headers.get("idempotency-key") });
      fake.webhooks = fake.webhooks.filter((w) => w.id !== params.id);
      return new HttpResponse(null, { status: 204 });
    }),
    http.get(apiPath("/webhooks/:id/deliveries"), ({ params, request }) => {
      const all = fake.deliveries[String(params.id)] ?? [];
      const limit = Number(new URL(request.url).searchParams.get("limit"));
      expect(limit).toBe(20);
      return HttpResponse.json({ items: all.slice(0, limit), nextCursor: null });
    }),
  );
});

const openWebhooks = () => openAdminPage("/admin/webhooks", "Webhooks, newest first");

describe("webhooks", () => {
  it("are an admin page beside API keys and staff", async () => {
    await openWebhooks();
    const nav = screen.getByRole("navigation", { name: "Administration" });
    expect(
      within(nav)
        .getAllByRole("link")
        .map((l) => l.textContent),
    ).toEqual(["API keys", "Staff", "Webhooks"]);
    expect(screen.getByRole("heading", { level: 1, name: "Webhooks" })).toHaveFocus();
  });

  it("lists each webhook with its events and how its deliveries stand, then its recent deliveries", async () => {
    const { user } = await openWebhooks();
    const [events, added, deliveries] = cells(row(FRAUD_URL));
    expect(
      within(events as HTMLElement)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["account.locked", "account.unlocked"]);
    expect(added).toHaveTextContent("September 1, 2026by ada.admin");
    expect(deliveries).toHaveTextContent("1 failed");
    expect(deliveries).toHaveTextContent("1 delivery waiting");

    const show = screen.getByRole("button", { name: `Deliveries to ${FRAUD_URL}` });
    await tabTo(user, show);
    await user.keyboard("{Enter}");
    const heading = await screen.findByRole("heading", { level: 2, name: `Deliveries to ${FRAUD_URL}` });
    expect(heading).toHaveFocus();
    expect(show).toHaveAttribute("aria-pressed", "true");
    const table = await screen.findByRole("table", { name: `Deliveries to ${FRAUD_URL}, newest first` });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => within(r).getAllByRole("cell")[0]?.textContent)).toEqual([
      "Waitingnext try 8:40:00 AM",
      "Failed",
      "Delivered",
    ]);
    expect(
      within(rows[1] as HTMLElement)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["8:31:04 AM — HTTP 500", "8:32:04 AM — HTTP 500", "8:33:04 AM — timeout"]);
    expect(within(rows[2] as HTMLElement).getAllByRole("listitem")[1]).toHaveTextContent("8:32:04 AM — 200 OK");
    expect(screen.getByText("Showing the 3 latest deliveries.")).toHaveAttribute("role", "status");
  });

  it("adds a webhook and shows its signing secret once, never again", async () => {
    const { user, queryClient } = await openWebhooks();
    const { button: add, dialog } = await openDialog(user, "Add webhook");
    const address = within(dialog).getByLabelText("Address");
    expect(address).toHaveFocus();
    await user.keyboard("https://siem.example.com/in");
    const unlocked = within(dialog).getByRole("checkbox", { name: "account.unlocked" });
    expect(unlocked).toHaveAccessibleDescription("a lockout was lifted, by staff or when it ran out");
    await tabTo(user, unlocked);
    await user.keyboard(" ");
    await tabTo(user, within(dialog).getByRole("button", { name: "Add webhook" }));
    await user.keyboard("{Enter}");

    const reveal = await screen.findByRole("dialog", { name: "Copy the signing secret" });
    const field = within(reveal).getByLabelText("Signing secret");
    expect((field as HTMLInputElement).value).toBe(fake.secret);
    expect(field).toHaveFocus();
    const done = within(reveal).getByRole("button", { name: "Done" });
    expect(done).toBeDisabled();
    await tabTo(user, within(reveal).getByRole("checkbox", { name: "I have stored the secret" }));
    await user.keyboard(" ");
    await tabTo(user, done);
    await user.keyboard("{Enter}");

    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(add).toHaveFocus();
    expect(screen.getByText(/Webhook to https:\/\/siem\.example\.com\/in added\./)).toHaveAttribute("role", "status");
    await waitFor(() => row("https://siem.example.com/in"));
    expect(fake.posted).toEqual([
      { body: { url: "https://siem.example.com/in", events: ["account.unlocked"] }, idempotencyKey: null },
    ]);
    expect(document.body.innerHTML).not.toContain(fake.secret);
    expect(cachedText(queryClient)).not.toContain(fake.secret);
  });

  it("asks for an address and an event, and shows the API's refusal of an address at the field", async () => {
    const { user } = await openWebhooks();
    const { dialog } = await openDialog(user, "Add webhook");
    await tabTo(user, within(dialog).getByRole("button", { name: "Add webhook" }));
    await user.keyboard("{Enter}");
    const address = within(dialog).getByLabelText("Address");
    expect(address).toHaveFocus();
    expect(address).toHaveAccessibleDescription(/Enter the address that receives the events\./);
    expect(within(dialog).getByText("Choose at least one event.")).toBeInTheDocument();
    expect(fake.posted).toEqual([]);

    await user.keyboard("http://plain.example.com/in");
    await tabTo(user, within(dialog).getByRole("checkbox", { name: "account.locked" }));
    await user.keyboard(" ");
    await tabTo(user, within(dialog).getByRole("button", { name: "Add webhook" }));
    await user.keyboard("{Enter}");
    await waitFor(() => expect(address).toHaveAccessibleDescription(/Use an https:\/\/ address\./));
    expect(address).toHaveAttribute("aria-invalid", "true");
    expect(fake.webhooks).toHaveLength(1);
  });

  it("deletes a webhook after a confirm that starts on Cancel", async () => {
    const { user } = await openWebhooks();
    const { button: remove, dialog: confirm } = await openDialog(user, `Delete webhook ${FRAUD_URL}`, {
      role: "alertdialog",
      name: "Delete this webhook?",
    });
    expect(confirm).toHaveAccessibleDescription(/Nothing more is sent to/);
    expect(within(confirm).getByRole("button", { name: "Cancel" })).toHaveFocus();
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    expect(remove).toHaveFocus();
    expect(fake.deleted).toEqual([]);

    await user.keyboard("{Enter}");
    const again = await screen.findByRole("alertdialog");
    await tabTo(user, within(again).getByRole("button", { name: "Delete webhook" }));
    await user.keyboard("{Enter}");
    await waitFor(() => expect(screen.queryByRole("alertdialog")).not.toBeInTheDocument());
    expect(await screen.findByText(/No webhooks yet\./)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Add webhook" })).toHaveFocus();
    expect(screen.getByText(`Webhook to ${FRAUD_URL} deleted. Nothing more is sent to it.`)).toHaveAttribute(
      "role",
      "status",
    );
    expect(fake.deleted).toEqual([{ id: "whk_fraud", idempotencyKey: expect.stringMatching(UUID) }]);
  });

  it("explain what they are for when there are none", async () => {
    fake.webhooks = [];
    renderApp("/admin/webhooks", { signedInAs: ada });
    expect(await screen.findByText(/No webhooks yet\./)).toBeInTheDocument();
  });
});

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "@recovery-desk/test-support/ports";
import { afterAll, describe, expect, inject, it } from "vitest";
import { readyOrExit, type ServerProcess, spawnServer } from "../test/server-process.ts";
import { type DeliverySettings, deliveryRefusal, OUTBOX_WARNING, outboxChannels } from "./delivery-settings.ts";

const NOTHING: DeliverySettings = { EMAIL_DELIVERY: "outbox", SMS_DELIVERY: "outbox" };
const REAL: DeliverySettings = {
  EMAIL_DELIVERY: "smtp",
  SMTP_URL: "smtps://desk:secret@mail.example:465",
  SMS_DELIVERY: "webhook",
  SMS_WEBHOOK_URL: "https://sms.example/send",
  PUBLIC_URL: "https://help.example",
};

describe("delivery settings", () => {
  it("keep in the outbox each channel without real delivery", () => {
    expect(outboxChannels(NOTHING)).toEqual(["email", "sms"]);
    expect(outboxChannels(REAL)).toEqual([]);
    expect(outboxChannels({ ...REAL, SMS_DELIVERY: "outbox" })).toEqual(["sms"]);
    expect(outboxChannels({ ...REAL, SMTP_URL: undefined })).toEqual(["email"]);
  });

  it.each([
    ["no delivery at all", NOTHING, ["EMAIL_DELIVERY=smtp", "SMTP_URL", "SMS_DELIVERY=webhook", "SMS_WEBHOOK_URL"]],
    ["email only", { ...REAL, SMS_DELIVERY: "outbox" as const }, ["SMS_DELIVERY=webhook", "SMS_WEBHOOK_URL"]],
    ["SMS only", { ...REAL, EMAIL_DELIVERY: "outbox" as const }, ["EMAIL_DELIVERY=smtp", "SMTP_URL"]],
  ])("refuse %s outside demo mode, naming what to set", (_label, settings, names) => {
    const refusal = deliveryRefusal(settings, false) ?? "";
    for (const name of [...names, "DELIVERY=outbox", "DEMO=true"]) expect(refusal).toContain(name);
    expect(refusal).not.toContain("secret");
  });

  it.each([
    ["both channels", REAL],
    ["email only, SMS kept on purpose", { ...REAL, SMS_DELIVERY: "outbox" as const, DELIVERY: "outbox" as const }],
  ])("refuse real delivery on %s without PUBLIC_URL outside demo mode", (_label, settings) => {
    expect(deliveryRefusal({ ...settings, PUBLIC_URL: undefined }, false)).toContain("PUBLIC_URL");
    expect(deliveryRefusal({ ...settings, PUBLIC_URL: undefined }, true)).toBeNull();
  });

  it("allow real delivery, demo mode, and the outbox on purpose", () => {
    expect(deliveryRefusal(REAL, false)).toBeNull();
    expect(deliveryRefusal(NOTHING, true)).toBeNull();
    expect(deliveryRefusal({ ...NOTHING, DELIVERY: "outbox" }, false)).toBeNull();
  });
});

const folders: string[] = [];
const servers: ServerProcess[] = [];
afterAll(() => {
  for (const { child } of servers) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** Starts the real server with `env` over a fresh data folder and no delivery settings of the test's own. */
async function launch(env: Record<string, string>): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), "rd-delivery-"));
  folders.push(dataDir);
  const blank = { EMAIL_DELIVERY: "", SMTP_URL: "", SMS_DELIVERY: "", SMS_WEBHOOK_URL: "", DELIVERY: "" };
  const server = await spawnServer({ DATA_DIR: dataDir, DATABASE_URL: "", ...blank, ...env });
  servers.push(server);
  return server;
}

// Processes and environments: the same on either database, so only the embedded project runs them.
describe.runIf(inject("testDatabase").kind === "pglite")("the server outside demo mode", () => {
  it("refuses to start without real delivery, with one paragraph on stderr and exit code 1", async () => {
    const server = await launch({ DEMO: "false" });
    expect(await server.exited).toBe(1);
    const said = server.stderr().trim();
    expect(said.split("\n")).toHaveLength(1);
    expect(said).toBe(deliveryRefusal({ EMAIL_DELIVERY: "outbox", SMS_DELIVERY: "outbox" }, false));
  }, 30_000);

  it("refuses on PostgreSQL before connecting", async () => {
    // Nothing listens there: a refusal that came after connecting would say something else.
    const server = await launch({ DATABASE_URL: `postgres://desk@127.0.0.1:${await freePort()}/desk` });
    expect(await server.exited).toBe(1);
    expect(server.stderr()).toContain("SMS_DELIVERY=webhook with SMS_WEBHOOK_URL");
  }, 30_000);

  it("starts with DELIVERY=outbox, and says loudly that messages are not sent", async () => {
    const server = await launch({ DEMO: "false", DELIVERY: "outbox" });
    expect(await readyOrExit(server)).toBe("ready");
    const warning = server
      .stdout()
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { level: unknown; msg: string; channels?: string[] })
      .find((line) => line.msg === OUTBOX_WARNING);
    expect(warning).toMatchObject({ channels: ["email", "sms"] });
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  }, 90_000);
});

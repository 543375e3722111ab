import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "@recovery-desk/test-support/ports";
import { afterAll, describe, expect, inject, it } from "vitest";
import { type DeliverySettings, deliveryRefusal, OUTBOX_WARNING, outboxChannels } from "./delivery-settings.ts";

const NOTHING: DeliverySettings = { EMAIL_DELIVERY: "outbox", SMS_DELIVERY: "outbox" };
const REAL: DeliverySettings = {
  EMAIL_DELIVERY: "smtp",
  SMTP_URL: "smtps://desk:secret@mail.example:465",
  SMS_DELIVERY: "webhook",
  SMS_WEBHOOK_URL: "https://sms.example/send",
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

  it("allow real delivery, demo mode, and the outbox on purpose", () => {
    expect(deliveryRefusal(REAL, false)).toBeNull();
    expect(deliveryRefusal(NOTHING, true)).toBeNull();
    expect(deliveryRefusal({ ...NOTHING, DELIVERY: "outbox" }, false)).toBeNull();
  });
});

const API_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const children: ChildProcess[] = [];
const folders: string[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** Starts the real server with `env` over a fresh data folder; collects what it prints. */
async function launch(env: Record<string, string>) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "rd-delivery-"));
  folders.push(dataDir);
  const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    cwd: API_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      EMAIL_DELIVERY: "",
      SMTP_URL: "",
      SMS_DELIVERY: "",
      SMS_WEBHOOK_URL: "",
      DELIVERY: "",
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  const output = { stdout: "", stderr: "" };
  child.stdout?.on("data", (chunk: Buffer) => {
    output.stdout += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output.stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, port, output, exited };
}

// Processes and environments: the same on either database, so only the embedded project runs them.
describe.runIf(inject("testDatabase").kind === "pglite")("the server outside demo mode", () => {
  it("refuses to start without real delivery, with one paragraph on stderr and exit code 1", async () => {
    const server = await launch({ DEMO: "false" });
    expect(await server.exited).toBe(1);
    const said = server.output.stderr.trim();
    expect(said.split("\n")).toHaveLength(1);
    expect(said).toBe(deliveryRefusal({ EMAIL_DELIVERY: "outbox", SMS_DELIVERY: "outbox" }, false));
  }, 30_000);

  it("refuses on PostgreSQL before connecting", async () => {
    // Nothing listens there: a refusal that came after connecting would say something else.
    const server = await launch({ DATABASE_URL: `postgres://desk@127.0.0.1:${await freePort()}/desk` });
    expect(await server.exited).toBe(1);
    expect(server.output.stderr).toContain("SMS_DELIVERY=webhook with SMS_WEBHOOK_URL");
  }, 30_000);

  it("starts with DELIVERY=outbox, and says loudly that messages are not sent", async () => {
    const server = await launch({ DEMO: "false", DELIVERY: "outbox" });
    const deadline = Date.now() + 60_000;
    let ready = false;
    while (!ready && Date.now() < deadline && server.child.exitCode === null) {
      ready = await fetch(`http://127.0.0.1:${server.port}/readyz`).then(
        (res) => res.ok,
        () => false,
      );
      if (!ready) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(ready).toBe(true);
    const warning = server.output.stdout
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { level: unknown; msg: string; channels?: string[] })
      .find((line) => line.msg === OUTBOX_WARNING);
    expect(warning).toMatchObject({ channels: ["email", "sms"] });
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  }, 90_000);
});

import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DeliveryError } from "./notifier.ts";
import { smsWebhookNotifier } from "./sms-webhook.ts";
import { smtpNotifier } from "./smtp.ts";

const received: { from: string; to: string[]; data: string }[] = [];
let smtp: SMTPServer;
let smtpPort: number;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith("@refused.example")) return callback(new Error("550 mailbox unavailable"));
      callback();
    },
    onData(stream, session, callback) {
      let data = "";
      stream.on("data", (chunk: Buffer) => {
        data += chunk.toString("utf8");
      });
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          data,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

describe("the SMTP email adapter", () => {
  it("sends the message to the address through the configured server", async () => {
    const notifier = smtpNotifier({
      url: `smtp://127.0.0.1:${smtpPort}`,
      from: "Recovery Desk <no-reply@desk.example>",
    });
    await notifier.send({
      channel: "email",
      kind: "code",
      language: "en",
      to: "maria.lopez@example.com",
      subject: "Your verification code",
      text: "Your code is 123456.",
      accountId: "acc_1",
    });
    const [message] = received;
    expect(message?.from).toBe("no-reply@desk.example");
    expect(message?.to).toEqual(["maria.lopez@example.com"]);
    expect(message?.data).toContain("Subject: Your verification code");
    expect(message?.data).toContain("Your code is 123456.");
  });

  it("reports a refusal as a delivery error without the message", async () => {
    const notifier = smtpNotifier({ url: `smtp://127.0.0.1:${smtpPort}`, from: "no-reply@desk.example" });
    const failure = await notifier
      .send({
        channel: "email",
        kind: "code",
        language: "en",
        to: "x@refused.example",
        subject: "s",
        text: "secret 654321",
        accountId: null,
      })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeliveryError);
    expect(String((failure as DeliveryError).reason)).not.toContain("654321");
  });

  it("reports a server that is not there", async () => {
    const notifier = smtpNotifier({ url: "smtp://127.0.0.1:1", from: "no-reply@desk.example", timeoutMs: 2000 });
    await expect(
      notifier.send({
        channel: "email",
        kind: "code",
        language: "en",
        to: "a@b.example",
        subject: "s",
        text: "t",
        accountId: null,
      }),
    ).rejects.toBeInstanceOf(DeliveryError);
  });
});

describe("the SMS webhook adapter", () => {
  it("posts { to, text } with the bearer token, and reports a gateway error", async () => {
    const calls: { auth: string | undefined; body: unknown }[] = [];
    let answer = 202;
    const server = createServer((req: IncomingMessage, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => {
        body += chunk.toString("utf8");
      });
      req.on("end", () => {
        calls.push({ auth: req.headers.authorization, body: JSON.parse(body) });
        res.writeHead(answer).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
    try {
      const notifier = smsWebhookNotifier({ url, token: "gateway-token" });
      await notifier.send({
        channel: "sms",
        kind: "code",
        language: "en",
        to: "+15035550178",
        subject: "ignored",
        text: "Your code is 111222.",
        accountId: "acc_2",
      });
      expect(calls).toEqual([
        { auth: "Bearer gateway-token", body: { to: "+15035550178", text: "Your code is 111222." } },
      ]);
      answer = 503;
      const failure = await notifier
        .send({
          channel: "sms",
          kind: "code",
          language: "en",
          to: "+15035550178",
          subject: "",
          text: "x",
          accountId: null,
        })
        .catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(DeliveryError);
      expect((failure as DeliveryError).reason).toBe("the SMS gateway answered 503");
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

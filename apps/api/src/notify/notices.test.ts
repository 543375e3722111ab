import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type AccountRow, notices, reportTokens } from "../db/schema/index.ts";
import { DAY } from "../lib/clock.ts";
import { accountByUsername } from "../test/accounts.ts";
import { createTestContext, type TestContext } from "../test/context.ts";
import { queueNotices, queueReportConfirmation, reportTokenHash } from "./notices.ts";

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext();
});
afterEach(() => t.close());

const publicUrl = "https://desk.example";

/** Maria's account with both channels verified, changed by `changes`. */
const maria = async (changes: Partial<AccountRow> = {}): Promise<AccountRow> => ({
  ...(await accountByUsername(t.database.db, "maria.lopez")),
  email: "maria@example.com",
  emailVerified: true,
  phone: "+15125550100",
  phoneVerified: true,
  ...changes,
});

describe("queueing notices", () => {
  it("queues one notice to each verified channel, each with its own link, and keeps only the link's hash", async () => {
    const account = await maria({ language: "es-MX" });
    const at = t.clock.now();
    const queued = await t.database.db.transaction((tx) =>
      queueNotices(tx, { kind: "notice", account, action: "account.unlocked", caseRef: "CASE-7", at, publicUrl }),
    );
    expect(queued).toEqual({
      channels: ["email", "sms"],
      to: [expect.any(String), expect.any(String)],
      alreadyTold: [],
      language: "es",
    });
    expect(JSON.stringify(queued)).not.toContain("maria@example.com");

    const rows = await t.database.db.select().from(notices).where(eq(notices.accountId, account.id));
    expect(rows.map((r) => [r.channel, r.recipient, r.language, r.kind, r.status])).toEqual(
      expect.arrayContaining([
        ["email", "maria@example.com", "es", "notice", "pending"],
        ["sms", "+15125550100", "es", "notice", "pending"],
      ]),
    );
    const tokens = await t.database.db.select().from(reportTokens).where(eq(reportTokens.accountId, account.id));
    expect(tokens).toHaveLength(2);
    for (const row of rows) {
      const token = new RegExp(`${publicUrl}/report/([A-Za-z0-9_-]{43}) `).exec(row.body ?? "")?.[1];
      expect(token).toBeDefined();
      const stored = tokens.find((k) => k.id === row.reportTokenId);
      expect(stored).toMatchObject({
        tokenHash: reportTokenHash(token as string),
        action: "account.unlocked",
        caseRef: "CASE-7",
        channel: row.channel,
        usedAt: null,
      });
      expect(stored?.expiresAt.getTime()).toBe(at.getTime() + 30 * DAY);
      expect(JSON.stringify(tokens)).not.toContain(token);
    }
  });

  it("queues nothing for an account with no verified channel", async () => {
    const account = await maria({ emailVerified: false, phoneVerified: false });
    const queued = await t.database.db.transaction((tx) =>
      queueNotices(tx, {
        kind: "notice",
        account,
        action: "account.unlocked",
        caseRef: null,
        at: t.clock.now(),
        publicUrl,
      }),
    );
    expect(queued.channels).toEqual([]);
    expect(await t.database.db.select().from(notices).where(eq(notices.accountId, account.id))).toEqual([]);
  });

  it("sends a report's confirmation to the channel the link came by, without a link", async () => {
    const account = await maria({ language: "fr" });
    const queued = await t.database.db.transaction((tx) =>
      queueReportConfirmation(tx, {
        account,
        action: "account.unlocked",
        caseRef: "CASE-7",
        at: t.clock.now(),
        channel: "sms",
      }),
    );
    expect(queued).toMatchObject({ channels: ["sms"], language: "en" });
    const [row, ...others] = await t.database.db.select().from(notices).where(eq(notices.accountId, account.id));
    expect(others).toEqual([]);
    expect(row).toMatchObject({ kind: "report_confirmation", channel: "sms", reportTokenId: null, language: "en" });
    expect(row?.body).not.toContain("/report/");
  });
});

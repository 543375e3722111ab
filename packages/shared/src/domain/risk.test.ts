import { describe, expect, it } from "vitest";
import { computeRisk, NO_RISK_FACTS, RISK_POLICY, type RiskFacts, timeAgo } from "./risk.ts";

const now = new Date("2026-12-07T12:00:00.000Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(now.getTime() - ms);
const risk = (facts: Partial<RiskFacts>) => computeRisk({ ...NO_RISK_FACTS, ...facts }, now);
const only = (facts: Partial<RiskFacts>) => {
  const r = risk(facts);
  return { level: r.level, codes: r.signals.map((s) => `${s.code}:${s.level}`) };
};

describe("account risk", () => {
  it("is low with no signals", () => {
    expect(risk({})).toEqual({ level: "low", signals: [] });
  });

  it("recent_recovery: a desk recovery within 7 days is elevated, at 7 days it is gone", () => {
    const at = ago(7 * DAY - 1);
    const r = risk({ lastRecovery: { action: "account.temporary_password_issued", at } });
    expect(r.level).toBe("elevated");
    expect(r.signals[0]).toEqual({
      code: "recent_recovery",
      level: "elevated",
      reason: "The desk recovered this account 6 days ago: a temporary password was issued.",
      since: at,
      effect: null,
    });
    expect(only({ lastRecovery: { action: "account.unlocked", at: ago(7 * DAY) } }).level).toBe("low");
  });

  it("reported_by_owner: a report within 30 days is high, at 30 days it is gone unless still frozen", () => {
    const r = risk({ reportedAt: ago(2 * DAY) });
    expect(r.level).toBe("high");
    expect(r.signals[0]?.reason).toBe("The owner reported a recovery they did not ask for 2 days ago.");
    expect(only({ reportedAt: ago(30 * DAY - 1) }).level).toBe("high");
    expect(only({ reportedAt: ago(30 * DAY) }).level).toBe("low");
    const frozen = risk({ reportedAt: ago(40 * DAY), frozenOnReport: true });
    expect(frozen.level).toBe("high");
    expect(frozen.signals[0]?.effect).toBe("The account stays frozen until a supervisor lifts the hold.");
  });

  it("verification_failures: 1–2 in 24 hours are elevated, 3 or more high", () => {
    expect(only({ verificationFailures: { count: 0, firstAt: null } })).toEqual({ level: "low", codes: [] });
    const one = risk({ verificationFailures: { count: 1, firstAt: ago(HOUR) } });
    expect(one.level).toBe("elevated");
    expect(one.signals[0]?.reason).toBe("1 failed verification attempt in the last 24 hours, across all agents.");
    expect(only({ verificationFailures: { count: 2, firstAt: ago(HOUR) } }).level).toBe("elevated");
    const three = risk({ verificationFailures: { count: 3, firstAt: ago(5 * HOUR) } });
    expect(three.level).toBe("high");
    expect(three.signals[0]?.reason).toBe("3 failed verification attempts in the last 24 hours, across all agents.");
    expect(three.signals[0]?.since).toEqual(ago(5 * HOUR));
  });

  it("code_send_velocity: 3 or more codes in 24 hours are elevated, 2 are nothing", () => {
    expect(only({ codesSent: { count: 2, firstAt: ago(HOUR) } }).level).toBe("low");
    const three = risk({ codesSent: { count: 3, firstAt: ago(HOUR) } });
    expect(three.level).toBe("elevated");
    expect(three.signals[0]?.reason).toBe("3 one-time codes were sent in the last 24 hours.");
  });

  it("contact_recently_changed: within 30 days elevated, within 72 hours high", () => {
    expect(only({ phoneChangedAt: ago(30 * DAY) }).level).toBe("low");
    expect(only({ phoneChangedAt: ago(30 * DAY - 1) }).level).toBe("elevated");
    expect(only({ emailChangedAt: ago(72 * HOUR) }).level).toBe("elevated");
    expect(only({ emailChangedAt: ago(72 * HOUR - 1) }).level).toBe("high");
    const both = risk({ phoneChangedAt: ago(DAY + HOUR), emailChangedAt: ago(10 * DAY) });
    expect(both.signals).toEqual([
      {
        code: "contact_recently_changed",
        level: "high",
        reason: "The phone number on file changed yesterday; the email address on file changed 10 days ago.",
        since: ago(DAY + HOUR),
        effect: null,
      },
    ]);
  });

  it("sim_swap: a SIM change within 7 days is high and turns SMS off; unknown is shown but holds nothing", () => {
    const swapped = risk({ simSwap: { status: "known", latestSimChange: ago(2 * DAY) } });
    expect(swapped.level).toBe("high");
    expect(swapped.signals[0]).toMatchObject({
      code: "sim_swap",
      level: "high",
      reason: "The carrier reports a new SIM on the phone on file 2 days ago.",
      effect: "SMS codes and SMS temporary passwords are off for this account.",
    });
    expect(only({ simSwap: { status: "known", latestSimChange: ago(7 * DAY - 1) } }).level).toBe("high");
    expect(only({ simSwap: { status: "known", latestSimChange: ago(7 * DAY) } }).level).toBe("low");
    expect(only({ simSwap: { status: "known", latestSimChange: null } }).level).toBe("low");
    expect(only({ simSwap: { status: "not_checked" } })).toEqual({ level: "low", codes: [] });
    const unknown = risk({ simSwap: { status: "unknown" } });
    expect(unknown.level).toBe("low");
    expect(unknown.signals[0]).toMatchObject({ code: "sim_swap", level: "low", since: null });
    expect(unknown.signals[0]?.reason).toContain("unknown");
  });

  it("takes the highest signal's level and lists the highest first", () => {
    expect(
      only({
        lastRecovery: { action: "account.unlocked", at: ago(DAY) },
        codesSent: { count: 4, firstAt: ago(HOUR) },
        phoneChangedAt: ago(HOUR),
        simSwap: { status: "unknown" },
      }),
    ).toEqual({
      level: "high",
      codes: [
        "contact_recently_changed:high",
        "code_send_velocity:elevated",
        "recent_recovery:elevated",
        "sim_swap:low",
      ],
    });
  });

  it("takes its thresholds from the policy it is given", () => {
    const strict = { ...RISK_POLICY, failuresHigh: 1, codesElevated: 1 };
    const r = computeRisk(
      {
        ...NO_RISK_FACTS,
        verificationFailures: { count: 1, firstAt: ago(HOUR) },
        codesSent: { count: 1, firstAt: null },
      },
      now,
      strict,
    );
    expect(r.signals.map((s) => `${s.code}:${s.level}`)).toEqual([
      "verification_failures:high",
      "code_send_velocity:elevated",
    ]);
  });

  it("says times the way an agent would", () => {
    expect(timeAgo(ago(10_000), now)).toBe("just now");
    expect(timeAgo(ago(60_000), now)).toBe("a minute ago");
    expect(timeAgo(ago(40 * 60_000), now)).toBe("40 minutes ago");
    expect(timeAgo(ago(HOUR), now)).toBe("an hour ago");
    expect(timeAgo(ago(23 * HOUR), now)).toBe("23 hours ago");
    expect(timeAgo(ago(DAY), now)).toBe("yesterday");
    expect(timeAgo(ago(3 * DAY), now)).toBe("3 days ago");
    expect(timeAgo(new Date(now.getTime() + HOUR), now)).toBe("just now");
  });
});

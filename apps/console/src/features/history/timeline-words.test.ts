import type { AuditEvent } from "@recovery-desk/shared";
import { describe, expect, it } from "vitest";
import { describeEvent } from "./timeline-words.ts";

const AVA = { type: "staff" as const, id: "stf_ava", name: "ava.agent" };

function event(init: Partial<AuditEvent> & Pick<AuditEvent, "action">): AuditEvent {
  return {
    id: "evt_1",
    seq: 1,
    occurredAt: "2026-11-24T15:00:00.000Z",
    actor: AVA,
    accountId: "acc_maria01",
    caseRef: null,
    reason: null,
    requestId: null,
    ip: null,
    details: {},
    hash: "0",
    prevHash: "0",
    ...init,
  };
}

describe("describeEvent", () => {
  it.each([
    [
      "a hard lock by the lockout policy",
      event({
        action: "account.locked",
        actor: { type: "system", id: null, name: "lockout policy" },
        reason: "5 failed logins within 15 minutes",
        details: { lockKind: "hard", failedLogins: 5 },
      }),
      { what: "Locked after 5 failed sign-ins (hard lock)", by: "lockout policy", note: null },
    ],
    [
      "a lockout lifted by an agent, with reason and case",
      event({ action: "account.unlocked", reason: "Caller verified.", caseRef: "CASE-1" }),
      { what: "Lockout lifted", by: "ava.agent", note: "reason “Caller verified.”, case CASE-1" },
    ],
    [
      "a temporary lock that ran out",
      event({
        action: "account.unlocked",
        actor: { type: "system", id: null, name: "lockout policy" },
        reason: "The temporary lock ended.",
        details: { lockEndedAt: "2026-11-20T09:40:00.000Z" },
      }),
      { what: "Temporary lock ended", by: "lockout policy", note: null },
    ],
    [
      "a deactivation by the sweep",
      event({
        action: "account.deactivated",
        actor: { type: "system", id: null, name: "inactivity sweep" },
        details: { lastActivityAt: "2021-03-14T12:00:00.000Z" },
      }),
      { what: "Deactivated for inactivity (last activity March 14, 2021)", by: "inactivity sweep", note: null },
    ],
    [
      "codes locked after too many wrong codes",
      event({
        action: "verification.locked",
        actor: { type: "system", id: null, name: "verification policy" },
        details: { method: "otp_sms" },
      }),
      { what: "Codes locked after too many wrong codes", by: "verification policy", note: null },
    ],
    [
      "an alert raised for supervisors",
      event({
        action: "alert.raised",
        actor: { type: "system", id: null, name: "supervisor alerts" },
        details: { alertId: "alr_1", kind: "recovery_reported", severity: "high" },
      }),
      { what: "Supervisors alerted: the owner reported a recovery", by: "supervisor alerts", note: null },
    ],
    [
      "a temporary password by text",
      event({
        action: "account.temporary_password_issued",
        details: { channel: "sms", deliveredTo: "•••-•••-0178" },
      }),
      { what: "Temporary password sent by text to •••-•••-0178", by: "ava.agent", note: null },
    ],
    [
      "an owner's report that held the account, with the owner's note",
      event({
        action: "account.recovery_reported",
        actor: { type: "system", id: null, name: "account owner's report" },
        reason: "I did not call anyone.",
        caseRef: "CASE-1",
        details: { reportedAction: "account.unlocked", frozen: true, channel: "email" },
      }),
      {
        what: "Owner reported a recovery they did not ask for (lockout lifted); account held",
        by: "account owner's report",
        note: "the owner's note “I did not call anyone.”, case CASE-1",
      },
    ],
    [
      "an owner's report on a merged account",
      event({
        action: "account.recovery_reported",
        actor: { type: "system", id: null, name: "account owner's report" },
        details: { reportedAction: "account.temporary_password_issued", frozen: false, accountStatus: "merged" },
      }),
      {
        what: "Owner reported a recovery they did not ask for (temporary password sent); the account is merged, so it was not held",
        by: "account owner's report",
        note: null,
      },
    ],
    [
      "a notice that could not be delivered",
      event({
        action: "notice.undeliverable",
        actor: { type: "system", id: null, name: "notice deliverer" },
        reason: "The notice could not be delivered after 5 attempts.",
        details: { kind: "notice", channel: "sms", attempts: 5 },
      }),
      {
        what: "Notice to the owner by text could not be delivered after 5 attempts",
        by: "notice deliverer",
        note: null,
      },
    ],
    [
      "a supervisor lifting the owner's hold",
      event({ action: "account.unlocked", details: { liftedReason: "reported_by_owner" } }),
      { what: "Hold lifted (the owner had reported a recovery)", by: "ava.agent", note: null },
    ],
    [
      "a verification by a code",
      event({ action: "verification.succeeded", details: { method: "otp_sms" } }),
      { what: "Verified by a code sent by text message", by: "ava.agent", note: null },
    ],
    [
      "a code sent to start a verification",
      event({ action: "verification.started", details: { method: "otp_email", deliveredTo: "m••••@example.com" } }),
      { what: "Verification code sent by email to m••••@example.com", by: "ava.agent", note: null },
    ],
    [
      "an unmasked view",
      event({ action: "account.viewed_unmasked", caseRef: "CASE-1" }),
      { what: "Unmasked view", by: "ava.agent", note: "case CASE-1" },
    ],
    [
      "a change by an API key",
      event({ action: "account.reactivated", actor: { type: "api_key", id: "key_1", name: "IVR" } }),
      { what: "Reactivated", by: "API key “IVR”", note: null },
    ],
    [
      "an action the console does not know yet",
      event({ action: "account.renamed" }),
      { what: "Recorded: account.renamed", by: "ava.agent", note: null },
    ],
  ])("words %s", (_, input, words) => {
    expect(describeEvent(input)).toEqual(words);
  });

  it("does not trust the shape of details", () => {
    const odd = event({ action: "account.locked", details: { failedLogins: "five", lockKind: 7 } });
    expect(describeEvent(odd).what).toBe("Locked after too many failed sign-ins (temporary lock)");
  });
});

import { describe, expect, it } from "vitest";
import { describeStatus } from "./account-words.ts";

describe("describeStatus", () => {
  const lockedAt = "2026-11-23T14:00:00.000Z";

  it.each([
    [
      "a hard lock",
      {
        status: "locked",
        statusReason: "failed_logins",
        lastActivityAt: null,
        lock: { kind: "hard", lockedAt, lockedUntil: null, failedLogins: 15 },
      },
      "Locked — too many failed sign-ins (hard lock: only a recovery lifts it)",
    ],
    [
      "a temporary lock",
      {
        status: "locked",
        statusReason: "failed_logins",
        lastActivityAt: null,
        lock: { kind: "temporary", lockedAt, lockedUntil: "2026-11-23T14:30:00.000Z", failedLogins: 5 },
      },
      "Locked — too many failed sign-ins (unlocks by itself at Nov 23, 2026, 8:30 AM)",
    ],
    [
      "inactivity",
      { status: "deactivated", statusReason: "inactivity", lastActivityAt: "2021-03-14T12:00:00.000Z", lock: null },
      "Deactivated — no activity since March 14, 2021",
    ],
    [
      "a merge",
      { status: "merged", statusReason: "merged", lastActivityAt: null, lock: null },
      "Merged — this account was joined into another one",
    ],
    [
      "a closure on request",
      { status: "closed", statusReason: "closed_by_request", lastActivityAt: null, lock: null },
      "Closed — at the customer's request",
    ],
    [
      "an active account",
      { status: "active", statusReason: null, lastActivityAt: null, lock: null },
      "Active — the customer can sign in",
    ],
  ] as const)("puts %s in words", (_, facts, words) => {
    expect(describeStatus(facts)).toBe(words);
  });
});

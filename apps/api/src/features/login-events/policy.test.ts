import { describe, expect, it } from "vitest";
import { decideFailure } from "./policy.ts";

const at = new Date("2026-11-23T15:00:00.000Z");
const minutesAgo = (m: number) => new Date(at.getTime() - m * 60_000);
/** The fifth failure's decision: a temporary lock ends 30 minutes from now, a hard one never. */
const lockAt = (windowStartedAt: Date, lockKind: "temporary" | "hard") => ({
  kind: "lock",
  lockKind,
  failures: 5,
  windowStartedAt,
  lockedUntil: lockKind === "hard" ? null : new Date(at.getTime() + 30 * 60_000),
});

describe("the lockout policy", () => {
  it.each([
    [
      "the first failure starts a window",
      { failures: 0, windowStartedAt: null, temporaryLocksInLastDay: 0 },
      { kind: "count", failures: 1, windowStartedAt: at },
    ],
    [
      "a failure inside the window counts on",
      { failures: 2, windowStartedAt: minutesAgo(10), temporaryLocksInLastDay: 0 },
      { kind: "count", failures: 3, windowStartedAt: minutesAgo(10) },
    ],
    [
      "a failure after 15 minutes starts again",
      { failures: 4, windowStartedAt: minutesAgo(15), temporaryLocksInLastDay: 0 },
      { kind: "count", failures: 1, windowStartedAt: at },
    ],
    [
      "the fifth failure in 15 minutes locks for 30 minutes",
      { failures: 4, windowStartedAt: minutesAgo(14), temporaryLocksInLastDay: 0 },
      lockAt(minutesAgo(14), "temporary"),
    ],
    [
      "the second lock in a day is still temporary",
      { failures: 4, windowStartedAt: minutesAgo(1), temporaryLocksInLastDay: 1 },
      lockAt(minutesAgo(1), "temporary"),
    ],
    [
      "the third lock in a day is hard",
      { failures: 4, windowStartedAt: minutesAgo(1), temporaryLocksInLastDay: 2 },
      lockAt(minutesAgo(1), "hard"),
    ],
  ])("%s", (_label, state, decision) => {
    expect(decideFailure(state, at)).toEqual(decision);
  });
});

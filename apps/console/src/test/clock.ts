import { act } from "@testing-library/react";
import { vi } from "vitest";

/** A Tuesday morning in the call center: 9:00 AM in Illinois. */
export const CALL_STARTS_AT = new Date("2026-11-24T15:00:00.000Z");

/**
 * Fakes the clock (Date and timers) from `start`, still ticking with real time so msw and the
 * query client go on working; `passTime` jumps ahead. The test setup puts real timers back.
 */
export function startFakeClock(start: Date = CALL_STARTS_AT): void {
  vi.useFakeTimers({
    shouldAdvanceTime: true,
    toFake: ["Date", "setTimeout", "clearTimeout", "setInterval", "clearInterval"],
  });
  vi.setSystemTime(start);
}

/** Lets `ms` of time pass at once, running every timer due on the way. */
export async function passTime(ms: number): Promise<void> {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

/** For user-event, so its pauses between key presses move the fake clock too. */
export const advanceTimers = (ms: number) => vi.advanceTimersByTime(ms);

import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiProblem } from "../api/problem.ts";
import { newIdempotencyKey } from "./idempotency-key.ts";
import { outcomeKnown } from "./use-idempotency-keys.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("idempotency keys", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("are random version-4 UUIDs", () => {
    const keys = new Set(Array.from({ length: 50 }, newIdempotencyKey));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key).toMatch(UUID);
  });

  it("are built by hand where randomUUID is missing (plain http on an internal host)", () => {
    vi.stubGlobal("crypto", { getRandomValues: crypto.getRandomValues.bind(crypto) });
    expect(newIdempotencyKey()).toMatch(UUID);
  });

  it("are kept for a retry only while the outcome is unknown", () => {
    const problem = (status: number, code: ConstructorParameters<typeof ApiProblem>[0]["code"]) =>
      new ApiProblem({ status, code, detail: "" });
    expect(outcomeKnown(problem(0, "network_error"))).toBe(false);
    expect(outcomeKnown(problem(502, "delivery_failed"))).toBe(false);
    expect(outcomeKnown(problem(409, "invalid_transition"))).toBe(true);
    expect(outcomeKnown(problem(403, "verification_required"))).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { hashSecret, verifySecret } from "./hashing.ts";

describe("hashing secrets", () => {
  it("hashes with argon2id at OWASP's parameters, with a salt of its own each time", async () => {
    const [a, b] = await Promise.all([hashSecret("Biscuit"), hashSecret("Biscuit")]);
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
  });

  it("accepts the secret, and refuses another one or a stored hash that is not a hash", async () => {
    const stored = await hashSecret("Biscuit");
    expect(await verifySecret(stored, "Biscuit")).toBe(true);
    expect(await verifySecret(stored, "biscuit")).toBe(false);
    expect(await verifySecret("not a hash", "Biscuit")).toBe(false);
    expect(await verifySecret("", "")).toBe(false);
  });
});

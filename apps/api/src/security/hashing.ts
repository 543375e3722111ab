import { hash, verify } from "@node-rs/argon2";

/**
 * argon2id at OWASP's parameters (19 MiB, 2 passes, 1 lane). `@node-rs/argon2` runs each hash on
 * libuv's thread pool, never on the event loop.
 */
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1, algorithm: 2 /* argon2id */ } as const;

export function hashSecret(secret: string): Promise<string> {
  return hash(secret, OPTIONS);
}

/** Compares in constant time inside argon2; a malformed stored hash counts as a mismatch. */
export async function verifySecret(storedHash: string, secret: string): Promise<boolean> {
  try {
    return await verify(storedHash, secret);
  } catch {
    return false;
  }
}

/**
 * A hash of a random secret nobody knows. Verifying against it when a username does not exist
 * makes that answer take as long as a wrong password.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashSecret(crypto.randomUUID());
  return decoy;
}

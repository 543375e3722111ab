// The body of a hashing thread (see hashing.ts). Plain JavaScript so that every runner (tsx, the
// test runner, plain node) can start it as it is. argon2id runs here, on this thread, whose priority
// the pool has lowered.
import { hashSync, verifySync } from "@node-rs/argon2";

/** @param {{ secret: string; options: import("@node-rs/argon2").Options }} task */
export function hash({ secret, options }) {
  return hashSync(secret, options);
}

/** @param {{ stored: string; secret: string }} task */
export function verify({ stored, secret }) {
  try {
    return verifySync(stored, secret);
  } catch {
    // A malformed stored hash counts as a mismatch.
    return false;
  }
}

import { availableParallelism } from "node:os";
import { Piscina } from "piscina";

/** argon2id at OWASP's parameters (19 MiB, 2 passes, 1 lane). */
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1, algorithm: 2 /* argon2id */ } as const;

/**
 * Hashing runs on a pool of threads, one a core, never on the event loop. Their priority is
 * lowered (nice 10): when the machine is busy, the event loop and PostgreSQL are served first, so
 * a burst of answer checks never slows every other request, while an idle core still goes to
 * hashing. Threads start on demand and end after a minute without work.
 */
let pool: Piscina | undefined;
function hashingPool(): Piscina {
  pool ??= new Piscina({
    filename: new URL("./hash-worker.mjs", import.meta.url).href,
    minThreads: 0,
    maxThreads: availableParallelism(),
    idleTimeout: 60_000,
    niceIncrement: 10,
  });
  return pool;
}

/** The hashing pool's backlog for the metrics: tasks waiting for a thread, and threads started. */
export function hashingQueue(): { waiting: number; threads: number } {
  return { waiting: pool?.queueSize ?? 0, threads: pool?.threads.length ?? 0 };
}

export function hashSecret(secret: string): Promise<string> {
  return hashingPool().run({ secret, options: OPTIONS }, { name: "hash" });
}

/** Compares in constant time inside argon2; a malformed stored hash counts as a mismatch. */
export function verifySecret(storedHash: string, secret: string): Promise<boolean> {
  return hashingPool().run({ stored: storedHash, secret }, { name: "verify" });
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

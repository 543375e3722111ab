import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";

/** Kinds of record and the prefix their ids carry, so an id in a log says what it names. */
export const ID_PREFIXES = {
  account: "acc",
  address: "adr",
  question: "sq",
  staff: "stf",
  event: "evt",
  request: "req",
  verification: "ver",
  message: "msg",
  failure: "vf",
  apiKey: "key",
  check: "chk",
  merge: "mrg",
  webhook: "whk",
  notice: "ntc",
  reportToken: "rpt",
  alert: "alr",
} as const;
export type IdKind = keyof typeof ID_PREFIXES;

/** Fills a buffer with random bytes; the demo world passes a seeded source to stay the same every load. */
export type RandomBytes = (bytes: Uint8Array) => void;

/**
 * Random bytes from the system's generator, drawn 4 KiB at a time and handed out in order (each
 * byte once), so an import making hundreds of thousands of ids asks the generator a few hundred times.
 */
const pool = new Uint8Array(4096);
let poolUsed = pool.length;

export const cryptoRandomBytes: RandomBytes = (bytes) => {
  if (bytes.length > pool.length) {
    crypto.getRandomValues(bytes);
    return;
  }
  if (poolUsed + bytes.length > pool.length) {
    crypto.getRandomValues(pool);
    poolUsed = 0;
  }
  bytes.set(pool.subarray(poolUsed, poolUsed + bytes.length));
  poolUsed += bytes.length;
};

/** A new opaque id such as `acc_kq3v7m2x9d4t8w6z`: a prefix and 80 random bits in base32. */
export function newId(kind: IdKind, random: RandomBytes = cryptoRandomBytes): string {
  const bytes = new Uint8Array(10);
  random(bytes);
  return `${ID_PREFIXES[kind]}_${encodeBase32LowerCaseNoPadding(bytes)}`;
}

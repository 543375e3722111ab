import { type BenchAccount, type BenchSize, benchAccount, draw } from "./world.ts";

/** `count` distinct account indexes (with their accounts) that pass `keep`, the same on every run. */
export function sampleAccounts(
  size: BenchSize,
  count: number,
  keep: (account: BenchAccount) => boolean,
  stream = 100,
): { index: number; account: BenchAccount }[] {
  const picked = new Map<number, BenchAccount>();
  for (let n = 0; picked.size < count && n < count * 200; n++) {
    const index = draw(n, stream) % size.accounts;
    if (picked.has(index)) continue;
    const account = benchAccount(index);
    if (keep(account)) picked.set(index, account);
  }
  return [...picked].map(([index, account]) => ({ index, account }));
}

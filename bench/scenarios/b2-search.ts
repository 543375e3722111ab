import { type Db, preparingStatements, SESSION_SETTINGS } from "@recovery-desk/api/db";
import * as schema from "@recovery-desk/api/db/schema";
import { searchAccounts } from "@recovery-desk/api/features/accounts/search";
import type { AccountSearchQuery } from "@recovery-desk/shared";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { BenchContext } from "../lib/context.ts";
import { resultRow } from "../lib/result.ts";
import { sampleAccounts } from "../lib/sample.ts";
import { summarize, timeEach } from "../lib/stats.ts";
import type { ScenarioResult } from "../lib/types.ts";
import type { BenchAccount } from "../lib/world.ts";

interface Kind {
  name: string;
  term: (a: BenchAccount) => string;
  selective: boolean;
}

const formatPhone = (e164: string) => `(${e164.slice(2, 5)}) ${e164.slice(5, 8)}-${e164.slice(8)}`;

const KINDS: Kind[] = [
  { name: "selective name", term: (a) => `${a.first} ${a.last}`, selective: true },
  { name: "misspelt name", term: (a) => `${a.first} ${swapLetters(a.last)}`, selective: true },
  { name: "whole email", term: (a) => a.email, selective: true },
  { name: "phone written loosely", term: (a) => formatPhone(a.phone ?? ""), selective: true },
  { name: "ZIP code", term: (a) => a.zip5, selective: true },
  { name: "street address", term: (a) => a.line1, selective: true },
  { name: "unselective: a first name alone", term: (a) => a.first, selective: false },
  { name: "unselective: a surname alone", term: (a) => a.last, selective: false },
];

/** "Johnson" → "Jonhson": one swapped pair of letters in the middle, as a caller spells it. */
function swapLetters(word: string): string {
  if (word.length < 5) return word;
  const i = Math.floor(word.length / 2) - 1;
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

/**
 * B2: searches through the API at concurrency 1, one kind of term at a time, against the same SQL
 * with index scans turned off (the planner must read the tables).
 */
export async function b2(ctx: BenchContext): Promise<ScenarioResult[]> {
  const sample = sampleAccounts(ctx.size, 40, (a) => a.status === "active" && a.phone !== null, 200).map(
    (s) => s.account,
  );
  const apiRuns = ctx.quick ? 15 : 40;
  const scanRuns = 3;
  // A scan over a million names or streets can take minutes; it is stopped at the timeout and the
  // timeout counted as its time, so the ratio reported is an upper bound.
  const scanTimeoutMs = ctx.quick ? 60_000 : 20_000;
  const scanClient = postgres(ctx.databaseUrl, {
    max: 1,
    onnotice: () => {},
    connection: {
      ...SESSION_SETTINGS,
      enable_indexscan: "off",
      enable_bitmapscan: "off",
      enable_indexonlyscan: "off",
      statement_timeout: scanTimeoutMs,
    },
  });
  const scanDb = drizzle({ client: preparingStatements(scanClient), schema }) as unknown as Db;
  const search = (q: string) =>
    fetch(`${ctx.api.baseUrl}/api/v1/accounts?q=${encodeURIComponent(q)}&limit=20`, {
      headers: { cookie: ctx.cookies.agent },
    }).then(async (res) => {
      if (res.status !== 200) throw new Error(`search answered ${res.status}: ${await res.text()}`);
      return res.json();
    });
  const rows: ScenarioResult[] = [];
  try {
    for (const kind of KINDS) {
      const terms = sample.map(kind.term);
      await timeEach(5, (i) => search(terms[i % terms.length] as string));
      const api = await timeEach(apiRuns, (i) => search(terms[i % terms.length] as string));
      const query: AccountSearchQuery = { q: terms[0] as string, limit: 20 };
      let stopped = false;
      const scan: number[] = [];
      for (let i = 0; i < scanRuns && !stopped; i++) {
        const t0 = performance.now();
        try {
          await searchAccounts(scanDb, { ...query, q: terms[i % terms.length] as string }, new Date());
          scan.push(performance.now() - t0);
        } catch {
          stopped = true;
          scan.push(scanTimeoutMs);
        }
      }
      const measured = summarize(`API, ${apiRuns} searches one at a time`, api);
      const baseline = summarize(
        stopped
          ? `same SQL, sequential scan: stopped at the ${scanTimeoutMs / 1000} s timeout`
          : `same SQL, sequential scan (${scan.length} runs)`,
        scan,
      );
      const ratio = measured.p95 / baseline.p50;
      const limit = kind.selective ? 0.01 : 0.1;
      rows.push(
        resultRow({
          id: "B2",
          name: `search: ${kind.name}`,
          measured,
          baseline,
          ratio,
          target: kind.selective ? "p95 ≤ 1/100 of the scan" : "p95 ≤ 1/10 of the scan",
          pass: ratio <= limit,
          note: `e.g. "${kind.name.includes("email") || kind.name.includes("phone") ? "(a caller's own)" : terms[0]}"${stopped ? `; the scan did not finish within ${scanTimeoutMs / 1000} s, so the true ratio is lower still` : ""}`,
        }),
      );
      ctx.log(`  ${kind.name}: API p95 ${measured.p95} ms, scan p50 ${baseline.p50} ms`);
    }
  } finally {
    await scanClient.end();
  }
  return rows;
}

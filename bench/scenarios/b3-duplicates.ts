import { duplicateCandidates } from "@recovery-desk/api/features/duplicates/candidates";
import { normalizeAddress } from "@recovery-desk/shared";
import type { BenchContext } from "../lib/context.ts";
import { openDb } from "../lib/db.ts";
import { resultRow } from "../lib/result.ts";
import { sampleAccounts } from "../lib/sample.ts";
import { summarize, timeEach } from "../lib/stats.ts";
import type { ScenarioResult } from "../lib/types.ts";

/**
 * B3: the duplicate candidates of one account (the API's function on the same driver) against a
 * primary-key lookup; and the duplicate-cluster listing through the API against the same listing
 * with every address normalised on the fly.
 */
export async function b3(ctx: BenchContext): Promise<ScenarioResult[]> {
  const { db, client, close } = openDb(ctx.databaseUrl);
  try {
    const ids = sampleAccounts(ctx.size, 200, (a) => a.twinOf !== null, 300).map((s) => s.account.id);
    const runs = ctx.quick ? 200 : 600;
    const now = new Date();
    await timeEach(50, (i) => duplicateCandidates(db, ids[i % ids.length] as string, now));
    await timeEach(50, (i) => client`select * from accounts where id = ${ids[i % ids.length] as string}`);
    const candidates = summarize(
      "candidates, one at a time",
      await timeEach(runs, (i) => duplicateCandidates(db, ids[i % ids.length] as string, now)),
    );
    const lookup = summarize(
      "primary-key lookup of the account",
      await timeEach(runs, (i) => client`select * from accounts where id = ${ids[i % ids.length] as string}`),
    );

    const listing = async () => {
      const res = await fetch(`${ctx.api.baseUrl}/api/v1/duplicate-clusters?limit=50`, {
        headers: { cookie: ctx.cookies.supervisor },
      });
      if (res.status !== 200) throw new Error(`duplicate-clusters answered ${res.status}`);
      return res.json();
    };
    await listing();
    const clusters = summarize("first page of clusters through the API", await timeEach(5, listing));
    const onTheFly = summarize("same listing, addresses normalised on the fly", [
      (await timeEach(1, () => clustersOnTheFly(client)))[0] as number,
    ]);
    const candidateRatio = candidates.p95 / lookup.p95;
    const clusterRatio = clusters.p50 / onTheFly.p50;
    return [
      resultRow({
        id: "B3",
        name: "duplicate candidates of one account",
        measured: candidates,
        baseline: lookup,
        ratio: candidateRatio,
        target: "p95 ≤ 2× the primary-key lookup",
        pass: candidateRatio <= 2,
      }),
      resultRow({
        id: "B3",
        name: "duplicate-cluster listing (first page of 50, largest first)",
        measured: clusters,
        baseline: onTheFly,
        ratio: clusterRatio,
        target: "≤ 0.2× on the fly",
        pass: clusterRatio <= 0.2,
        note: "The listing groups the stored, indexed address keys; the baseline reads every open account's address and normalises it (USPS Publication 28) in the process.",
      }),
    ];
  } finally {
    await close();
  }
}

/** The cluster listing without stored keys: every open account's home address normalised here. */
async function clustersOnTheFly(client: ReturnType<typeof openDb>["client"]) {
  const groups = new Map<string, Set<string>>();
  await client`
    select ad.account_id, ad.line1, ad.line2, ad.city, ad.state, ad.zip5
    from addresses ad join accounts a on a.id = ad.account_id
    where a.status not in ('merged', 'closed')`.cursor(5_000, (rows) => {
    for (const row of rows) {
      const key = normalizeAddress({
        line1: row.line1,
        ...(row.line2 ? { line2: row.line2 } : {}),
        city: row.city,
        state: row.state,
        zip: row.zip5,
      }).key;
      const members = groups.get(key) ?? new Set<string>();
      members.add(row.account_id);
      groups.set(key, members);
    }
  });
  return [...groups]
    .filter(([, members]) => members.size >= 2)
    .sort(([ka, a], [kb, b]) => b.size - a.size || (ka < kb ? -1 : 1))
    .slice(0, 50);
}

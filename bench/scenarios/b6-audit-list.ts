import postgres from "postgres";
import type { BenchContext } from "../lib/context.ts";
import { resultRow } from "../lib/result.ts";
import { summarize, timeEach } from "../lib/stats.ts";
import type { ScenarioResult } from "../lib/types.ts";
import { accountId, actorStaffId } from "../lib/world.ts";

const PAGE = 50;
const DEPTH = 10_000;

/**
 * B6: the supervisor's audit listing through the API over the whole trail: the first page, a
 * keyset page at depth 10,000, and pages filtered by actor, action, account and month. OFFSET at
 * the same depth is measured on the raw driver for contrast.
 */
export async function b6(ctx: BenchContext): Promise<ScenarioResult[]> {
  const runs = ctx.quick ? 15 : 30;
  const list = async (query: string) => {
    const res = await fetch(`${ctx.api.baseUrl}/api/v1/audit-events?${query}`, {
      headers: { cookie: ctx.cookies.supervisor },
    });
    if (res.status !== 200) throw new Error(`audit-events answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as { items: unknown[]; nextCursor: string | null };
  };
  const measure = async (label: string, query: string) => {
    await timeEach(3, () => list(query));
    return summarize(label, await timeEach(runs, () => list(query)));
  };

  // The cursor at depth 10,000, reached by walking the pages as a reader would.
  let cursor: string | null = null;
  for (let seen = 0; seen < DEPTH; seen += 200) {
    const page = await list(`limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    cursor = page.nextCursor;
    if (!cursor) throw new Error("The trail is shorter than the depth measured");
  }
  const first = await measure("first page", `limit=${PAGE}`);
  const deep = await measure(
    `keyset page at depth ${DEPTH.toLocaleString("en-US")}`,
    `limit=${PAGE}&cursor=${encodeURIComponent(cursor ?? "")}`,
  );

  const sql = postgres(ctx.databaseUrl, { max: 1, onnotice: () => {} });
  let offset: ReturnType<typeof summarize>;
  try {
    const offsetQuery = () => sql`select * from audit_events order by seq desc offset ${DEPTH} limit ${PAGE}`;
    await timeEach(3, offsetQuery);
    offset = summarize(`OFFSET ${DEPTH} on the raw driver (contrast)`, await timeEach(runs, offsetQuery));
  } finally {
    await sql.end();
  }

  // A month in the middle of the trail, which spans the two years before the seed.
  const month = new Date();
  month.setUTCMonth(month.getUTCMonth() - 12, 1);
  month.setUTCHours(0, 0, 0, 0);
  const nextMonth = new Date(month);
  nextMonth.setUTCMonth(month.getUTCMonth() + 1);
  const filters: [string, string][] = [
    ["by actor", `actorId=${actorStaffId(7)}`],
    ["by action", "action=account.reactivated"],
    ["by account", `accountId=${accountId(12_345 % ctx.size.accounts)}`],
    ["by month", `from=${month.toISOString()}&to=${nextMonth.toISOString()}`],
  ];
  const rows: ScenarioResult[] = [
    resultRow({
      id: "B6",
      name: `audit listing: keyset page at depth ${DEPTH.toLocaleString("en-US")}`,
      measured: deep,
      baseline: first,
      ratio: deep.p95 / first.p95,
      target: "p95 ≤ 2× the first page",
      pass: deep.p95 <= 2 * first.p95,
      note: `OFFSET at the same depth, raw: p50 ${offset.p50} ms, p95 ${offset.p95} ms`,
    }),
  ];
  for (const [name, query] of filters) {
    const measured = await measure(name, `limit=${PAGE}&${query}`);
    rows.push(
      resultRow({
        id: "B6",
        name: `audit listing filtered ${name}`,
        measured,
        baseline: first,
        ratio: measured.p95 / 30,
        target: "p95 ≤ 30 ms",
        pass: measured.p95 <= 30,
      }),
    );
  }
  return rows;
}

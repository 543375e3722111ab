import { verify } from "@node-rs/argon2";
import { normalizeAnswer } from "@recovery-desk/shared";
import type { BenchContext } from "../lib/context.ts";
import { measureLoad, runLoad } from "../lib/load.ts";
import { resultRow } from "../lib/result.ts";
import { sampleAccounts } from "../lib/sample.ts";
import { round, summarize } from "../lib/stats.ts";
import type { ScenarioResult } from "../lib/types.ts";
import { accountId, benchQuestions } from "../lib/world.ts";

const CONNECTIONS = 8;
/** Each answers request checks two answers, so this many hashes are in flight at most. */
const IN_FLIGHT = CONNECTIONS * 2;

/**
 * B4: security-answer checks through the API under concurrency against bare `argon2.verify` with
 * the same parameters and as many checks in flight; meanwhile `/healthz` is polled to show the
 * event loop stays free while the thread pool hashes.
 */
export async function b4(ctx: BenchContext): Promise<ScenarioResult[]> {
  const count = ctx.quick ? 120 : 400;
  const sample = sampleAccounts(ctx.size, count, (a) => a.status === "active", 400);
  const headers = { cookie: ctx.cookies.agent, "content-type": "application/json" };
  // Open a question verification for each account; answering it is what is measured.
  const requests = [];
  let storedHash = "";
  for (const { index, account } of sample) {
    const res = await fetch(`${ctx.api.baseUrl}/api/v1/accounts/${account.id}/verifications`, {
      method: "POST",
      headers,
      body: JSON.stringify({ method: "security_questions", caseRef: "BENCH-B4" }),
    });
    if (res.status !== 201) throw new Error(`starting a verification answered ${res.status}: ${await res.text()}`);
    const verification = (await res.json()) as { id: string; questions: { id: string; prompt: string }[] };
    const answers = benchQuestions(index);
    requests.push({
      method: "POST",
      path: `/api/v1/verifications/${verification.id}/answers`,
      body: {
        answers: verification.questions.map((q) => ({
          questionId: q.id,
          answer: answers.find((a) => a.prompt === q.prompt)?.answer ?? "",
        })),
      },
    });
  }
  storedHash = await answerHashOf(ctx, sample[0]?.index ?? 0);
  const warm = requests.splice(0, 16);
  await runLoad({
    baseUrl: ctx.api.baseUrl,
    connections: CONNECTIONS,
    seconds: 30,
    amount: warm.length,
    headers,
    requests: warm,
  });

  const expected = Math.max(4, Math.round(requests.length / 35));
  const [answers, health] = await Promise.all([
    measureLoad(
      "answers through the API",
      { baseUrl: ctx.api.baseUrl, connections: CONNECTIONS, seconds: 120, amount: requests.length, headers, requests },
      (status) => status === 200,
    ),
    measureLoad(
      "/healthz meanwhile",
      { baseUrl: ctx.api.baseUrl, connections: 1, seconds: expected, rate: 20, requests: [{ path: "/healthz" }] },
      (status) => status === 200,
    ),
  ]);
  const checks = { ...answers, throughput: round(answers.throughput * 2), label: "answer checks (two a request)" };

  // The baseline: the same hash checked over and over, as many at once, for as long.
  const seconds = Math.max(5, Number(answers.extra?.requests ?? 0) / Math.max(1, answers.throughput));
  const latencies: number[] = [];
  const answer = normalizeAnswer(benchQuestions(sample[0]?.index ?? 0)[0].answer);
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        await verify(storedHash, answer);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const bare = summarize(`bare argon2.verify, ${IN_FLIGHT} in flight`, latencies, seconds);
  const ratio = checks.throughput / bare.throughput;
  const unexpected = Number(answers.extra?.unexpectedStatuses ?? 0);
  return [
    resultRow({
      id: "B4",
      name: `security-answer checks, ${CONNECTIONS} connections`,
      measured: checks,
      baseline: bare,
      ratio,
      target: "checks/s ≥ 0.9× bare",
      pass: ratio >= 0.9 && unexpected === 0,
      ...(unexpected ? { note: `${unexpected} answers were not accepted` } : {}),
    }),
    resultRow({
      id: "B4",
      name: "/healthz p99 while answers are checked",
      measured: health,
      baseline: { label: "target", p50: 5, p95: 5, p99: 5, throughput: 0 },
      ratio: health.p99 / 5,
      target: "p99 ≤ 5 ms",
      pass: health.p99 <= 5,
    }),
  ];
}

/** The stored hash of account `index`'s first answer, for the bare baseline. */
async function answerHashOf(ctx: BenchContext, index: number): Promise<string> {
  const postgres = (await import("postgres")).default;
  const sql = postgres(ctx.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ answer_hash: string }[]>`
      select answer_hash from security_questions where account_id = ${accountId(index)} and position = 1`;
    return row?.answer_hash ?? "";
  } finally {
    await sql.end();
  }
}

import { verify } from "@node-rs/argon2";
import { normalizeAnswer } from "@recovery-desk/shared";
import type { BenchContext } from "../lib/context.ts";
import { measureLoadsTogether, runLoad } from "../lib/load.ts";
import { resultRow } from "../lib/result.ts";
import { sampleAccounts } from "../lib/sample.ts";
import { round, summarize } from "../lib/stats.ts";
import type { Measurement, ScenarioResult } from "../lib/types.ts";
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
  // About ten seconds of answers at the target rate, so the load's start and end are a small part of it.
  const count = ctx.quick ? 240 : 1200;
  const sample = sampleAccounts(ctx.size, count, (a) => a.status === "active", 400);
  const headers = { cookie: ctx.cookies.agent, "content-type": "application/json" };
  // Open a question verification for each account (eight at a time); answering it is what is measured.
  const openOne = async ({ index, account }: (typeof sample)[number]) => {
    const res = await fetch(`${ctx.api.baseUrl}/api/v1/accounts/${account.id}/verifications`, {
      method: "POST",
      headers,
      body: JSON.stringify({ method: "security_questions", caseRef: "BENCH-B4" }),
    });
    if (res.status !== 201) throw new Error(`starting a verification answered ${res.status}: ${await res.text()}`);
    const verification = (await res.json()) as { id: string; questions: { id: string; prompt: string }[] };
    const answers = benchQuestions(index);
    return {
      method: "POST",
      path: `/api/v1/verifications/${verification.id}/answers`,
      body: {
        answers: verification.questions.map((q) => ({
          questionId: q.id,
          answer: answers.find((a) => a.prompt === q.prompt)?.answer ?? "",
        })),
      },
    };
  };
  const requests = [];
  for (let i = 0; i < sample.length; i += CONNECTIONS) {
    requests.push(...(await Promise.all(sample.slice(i, i + CONNECTIONS).map(openOne))));
  }
  const storedHash = await answerHashOf(ctx, sample[0]?.index ?? 0);
  const warm = requests.splice(0, 16);
  await runLoad({
    baseUrl: ctx.api.baseUrl,
    connections: CONNECTIONS,
    seconds: 30,
    amount: warm.length,
    headers,
    requests: warm,
  });

  // /healthz is polled for as long as the answers would take at the target rate (about 120 requests
  // a second here), so every poll falls while answers are being checked.
  const expected = Math.max(3, Math.floor(requests.length / 120));
  const [answers, health] = (await measureLoadsTogether([
    {
      label: "answers through the API",
      plan: {
        baseUrl: ctx.api.baseUrl,
        connections: CONNECTIONS,
        seconds: 120,
        amount: requests.length,
        headers,
        requests,
      },
      expect: (status) => status === 200,
    },
    {
      label: "/healthz meanwhile",
      plan: { baseUrl: ctx.api.baseUrl, connections: 1, seconds: expected, rate: 20, requests: [{ path: "/healthz" }] },
      expect: (status) => status === 200,
    },
  ])) as [Measurement, Measurement];
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

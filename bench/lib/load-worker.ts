/**
 * The load generator, run as its own process so it does not share the measured process's event
 * loop: reads a plan as one JSON line from stdin, prints `ready`, waits for a `go` line, drives
 * autocannon, records every response's latency, and prints one JSON line with the outcome.
 */

import { createInterface } from "node:readline";
import autocannon from "autocannon";
import type { LoadOutcome, LoadPlan } from "./load.ts";

const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const plan = JSON.parse(String((await lines.next()).value)) as LoadPlan;
process.stdout.write("ready\n");
await lines.next();
const latencies: number[] = [];
const statuses: Record<string, number> = {};
let next = 0;

const instance = autocannon(
  {
    url: plan.baseUrl,
    connections: plan.connections,
    ...(plan.amount ? { amount: plan.amount } : { duration: plan.seconds }),
    ...(plan.rate ? { overallRate: plan.rate } : {}),
    timeout: 30,
    headers: { "content-type": "application/json", ...plan.headers },
    requests: [
      {
        setupRequest: (request) => {
          const step = plan.requests[next++ % plan.requests.length];
          if (!step) return request;
          return {
            ...request,
            method: (step.method ?? "GET") as autocannon.Request["method"],
            path: step.path,
            ...(step.body === undefined ? {} : { body: JSON.stringify(step.body) }),
            ...(step.headers ? { headers: { ...request.headers, ...step.headers } } : {}),
          };
        },
      },
    ],
  },
  (error, result) => {
    if (error) {
      process.stdout.write(`${JSON.stringify({ error: String(error) })}\n`);
      process.exit(1);
    }
    const outcome: LoadOutcome = {
      latencies,
      seconds: result.duration,
      statuses,
      errors: result.errors,
      timeouts: result.timeouts,
    };
    process.stdout.write(`${JSON.stringify(outcome)}\n`);
  },
);
instance.on("response", (_client, statusCode, _bytes, responseTime) => {
  latencies.push(responseTime);
  statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
});

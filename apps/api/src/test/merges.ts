import { accountByUsername } from "./accounts.ts";
import { answerOf, type TestContext } from "./context.ts";
import { verifyByCode } from "./verify.ts";

/** The agent verifies Ana Silva by an email code under CASE-9 and proposes merging anasilva1984 into ana.silva. */
export async function proposeAnas(t: TestContext, agent: string) {
  const ana = (await accountByUsername(t.database.db, "ana.silva")).id;
  const ana1984 = (await accountByUsername(t.database.db, "anasilva1984")).id;
  await verifyByCode(t, agent, ana, "otp_email", "ana.silva@example.com", "CASE-9");
  const res = await t
    .api(agent)
    .merges.$post({ json: { survivorId: ana, mergedIds: [ana1984], reason: "Same person" } });
  return answerOf(res, 201);
}

/** …and a supervisor other than the proposer approves it, which completes it. */
export async function mergeAnas(t: TestContext, agent: string, supervisor: string) {
  const proposed = await proposeAnas(t, agent);
  const res = await t
    .api(supervisor)
    .merges[":id"].approve.$post({ param: { id: proposed.id }, json: { reason: "Checked" } });
  return answerOf(res, 200);
}

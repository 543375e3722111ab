import type { Verification } from "@recovery-desk/shared";
import { asc, inArray } from "drizzle-orm";
import type { StaffScope } from "../../auth/scope.ts";
import { securityQuestions } from "../../db/schema/index.ts";
import { loadOwnVerification } from "./load.ts";
import { presentVerification } from "./present.ts";
import { questionLimit } from "./question-limit.ts";

/** One of the agent's verifications, as it stands now. */
export async function getVerification(scope: StaffScope, id: string): Promise<Verification> {
  const { deps, staff: principal } = scope;
  const { db } = deps.database;
  const now = deps.clock.now();
  const row = await loadOwnVerification(db, principal, id);
  if (row.method !== "security_questions") {
    return presentVerification(row, now, { attemptsRemaining: row.codeAttemptsRemaining ?? 0 });
  }
  const [questions, limit] = await Promise.all([
    db
      .select({ id: securityQuestions.id, prompt: securityQuestions.prompt })
      .from(securityQuestions)
      .where(inArray(securityQuestions.id, row.questionIds ?? []))
      .orderBy(asc(securityQuestions.position)),
    questionLimit(db, row.accountId, now),
  ]);
  return presentVerification(row, now, { questions, attemptsRemaining: limit.attemptsRemaining });
}

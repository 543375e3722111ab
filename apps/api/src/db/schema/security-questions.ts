import { index, pgTable, smallint, text, unique } from "drizzle-orm/pg-core";
import { accounts } from "./accounts.ts";
import { timestamps } from "./columns.ts";

/** The two questions an account holder chose at sign-up. */
export const securityQuestions = pgTable(
  "security_questions",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    /** 1 or 2: the order in which the questions are asked. */
    position: smallint("position").notNull(),
    prompt: text("prompt").notNull(),
    /** argon2id hash (PHC string) of the normalised answer; the answer itself is never stored. */
    answerHash: text("answer_hash").notNull(),
    ...timestamps,
  },
  (t) => [unique("security_questions_account_position").on(t.accountId, t.position), index().on(t.accountId)],
);

import { queueNotices } from "../notify/notices.ts";
import { accountByUsername } from "./accounts.ts";
import type { TestContext } from "./context.ts";

/** Queues Maria's unlock notices (email and phone) as the unlock's transaction would; returns her account id. */
export async function queueMariasNotices(t: TestContext): Promise<string> {
  const maria = await accountByUsername(t.database.db, "maria.lopez");
  await t.database.db.transaction((tx) =>
    queueNotices(tx, {
      kind: "notice",
      account: maria,
      action: "account.unlocked",
      caseRef: "CASE-7",
      at: t.clock.now(),
      publicUrl: t.deps.config.publicUrl,
    }),
  );
  return maria.id;
}

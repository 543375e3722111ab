import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { outbox } from "../db/schema/index.ts";

/** The 6-digit code in the newest code message (not a notice) to `recipient`, as the caller would read it. */
export async function latestCode(db: Db, recipient: string): Promise<string> {
  const [message] = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.recipient, recipient), eq(outbox.kind, "code")))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(1);
  const code = message && /\b(\d{6})\b/.exec(message.body)?.[1];
  if (!code) throw new Error(`No code in the outbox for ${recipient}`);
  return code;
}

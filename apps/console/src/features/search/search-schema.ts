import { AccountStatusSchema } from "@recovery-desk/shared";
import { z } from "zod";

/**
 * What the agent searched for, kept in the URL (`/accounts?q=62701&status=locked`) so the back
 * button, a reload or a shared link shows the same results. Anything unreadable is dropped.
 */
export const AccountSearchSearch = z.object({
  q: z
    .string()
    .trim()
    .max(200)
    .transform((q) => q || undefined)
    .optional()
    .catch(undefined),
  status: AccountStatusSchema.optional().catch(undefined),
});
export type AccountSearchSearch = z.infer<typeof AccountSearchSearch>;

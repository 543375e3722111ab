import { z } from "zod";

/**
 * The owner's "this wasn't me": the token from the report link in a notice (`<PUBLIC_URL>/report/<token>`),
 * base64url of at least 16 random bytes.
 */
export const ReportRequest = z
  .object({
    token: z
      .string()
      .regex(/^[A-Za-z0-9_-]{22,128}$/, "The report link is not complete.")
      .meta({
        description: "The token from the report link, as it appears after `/report/`.",
        example: "q3Zk9V0xT1b8Yw4Rm2Lp7AcV5nH8sD1fG6jK0wE3uYt",
      }),
    note: z
      .string()
      .trim()
      .max(1000)
      .optional()
      .meta({ description: "Anything the owner wants to add, in their words; kept in the audit trail." }),
  })
  .meta({ id: "ReportRequest" });
export type ReportRequest = z.infer<typeof ReportRequest>;

export const ReportReceipt = z.object({ status: z.literal("received") }).meta({
  id: "ReportReceipt",
  description: "The report is recorded and the account is held; a confirmation goes to the owner.",
});
export type ReportReceipt = z.infer<typeof ReportReceipt>;

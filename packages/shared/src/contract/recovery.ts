import { z } from "zod";
import { Timestamp } from "./common.ts";
import { CaseRef } from "./verification.ts";

export const Reason = z.string().trim().min(1, "Give a reason.").max(500).meta({
  description: "Why the action is taken, in the agent's words; it lands in the audit event.",
  example: "Caller verified by security questions; locked out after travel.",
});

export const ActionRequest = z.object({ reason: Reason, caseRef: CaseRef.optional() }).meta({ id: "ActionRequest" });
export type ActionRequest = z.infer<typeof ActionRequest>;

export const TemporaryPasswordRequest = z
  .object({
    channel: z.enum(["email", "sms"]).meta({ description: "A verified channel of the account." }),
    reason: Reason,
    caseRef: CaseRef.optional(),
  })
  .meta({ id: "TemporaryPasswordRequest" });
export type TemporaryPasswordRequest = z.infer<typeof TemporaryPasswordRequest>;

export const DeliveryReceipt = z
  .object({
    deliveredTo: z.string().meta({ description: "Where it went, masked.", example: "•••-•••-0178" }),
    expiresAt: Timestamp.nullable().meta({ description: "Temporary password: when it stops working (24 hours)." }),
  })
  .meta({ id: "DeliveryReceipt" });
export type DeliveryReceipt = z.infer<typeof DeliveryReceipt>;

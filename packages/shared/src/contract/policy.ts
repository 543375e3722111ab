import { z } from "zod";
import { EVIDENCE, POLICY_ACTIONS, POLICY_LEVELS, POLICY_PRESETS } from "../domain/evidence.ts";
import { RoleSchema } from "./auth.ts";

export const EvidenceSchema = z.enum(EVIDENCE).meta({
  id: "Evidence",
  description:
    "What a verified window rests on: `knowledge` (both security questions), `sms` (a code from the phone on file), `email` (a code from the email on file).",
});

export const PolicyLevelSchema = z.enum(POLICY_LEVELS).meta({
  id: "PolicyLevel",
  description:
    "`any`: one piece of evidence. `code`: a code on either channel. `two_with_code`: two pieces, at least one a code. `two_codes`: codes on both channels.",
});

export const PolicyActionSchema = z.enum(POLICY_ACTIONS).meta({ id: "PolicyAction" });

export const Policy = z
  .object({
    preset: z.enum(POLICY_PRESETS).meta({ description: "The preset the levels start from (`RECOVERY_POLICY`)." }),
    actions: z.array(
      z.object({
        action: PolicyActionSchema,
        requires: PolicyLevelSchema,
        description: z.string().meta({ example: "Send a temporary password: two pieces, at least one a code." }),
      }),
    ),
    reportedLock: z
      .object({
        role: RoleSchema,
        requires: PolicyLevelSchema,
        description: z.string(),
      })
      .meta({
        description:
          "Lifting a lock the owner asked for (status `locked`, reason `reported_by_owner`): the role it needs (below it, 403 `forbidden`) and the evidence the lifter's own window must hold (short of it, 403 `verification_insufficient`). Every other recovery action on such an account is 409 `invalid_transition`.",
      }),
  })
  .meta({ id: "Policy", description: "The evidence each recovery action requires." });
export type Policy = z.infer<typeof Policy>;

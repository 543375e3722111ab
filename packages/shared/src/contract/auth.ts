import { z } from "zod";
import { ROLES } from "../domain/words.ts";
import { Id } from "./common.ts";

export const RoleSchema = z.enum(ROLES).meta({ id: "Role", description: "agent < supervisor < admin." });

export const Staff = z
  .object({
    id: Id,
    username: z.string(),
    displayName: z.string(),
    role: RoleSchema,
  })
  .meta({ id: "Staff" });
export type Staff = z.infer<typeof Staff>;

export const LoginRequest = z
  .object({
    username: z.string().trim().min(1).max(100),
    password: z.string().min(1).max(200),
  })
  .meta({ id: "LoginRequest" });
export type LoginRequest = z.infer<typeof LoginRequest>;

export const StaffEnvelope = z.object({ staff: Staff }).meta({ id: "StaffEnvelope" });
export type StaffEnvelope = z.infer<typeof StaffEnvelope>;

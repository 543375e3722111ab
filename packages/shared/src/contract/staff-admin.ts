import { z } from "zod";
import { RoleSchema, Staff } from "./auth.ts";
import { Id, Timestamp } from "./common.ts";

export const StaffMember = Staff.extend({
  disabled: z.boolean(),
  createdAt: Timestamp,
  signInLimitedUntil: Timestamp.nullable().meta({
    description: "Until when sign-in is refused after too many failed attempts for this username; null when it is not.",
  }),
}).meta({ id: "StaffMember" });
export type StaffMember = z.infer<typeof StaffMember>;

export const StaffList = z.object({ items: z.array(StaffMember) }).meta({ id: "StaffList" });
export type StaffList = z.infer<typeof StaffList>;

export const CreateStaffRequest = z
  .object({
    username: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9._-]{3,50}$/, "3 to 50 letters, digits, dots, dashes or underscores."),
    displayName: z.string().trim().min(1).max(100),
    role: RoleSchema,
  })
  .meta({ id: "CreateStaffRequest" });
export type CreateStaffRequest = z.infer<typeof CreateStaffRequest>;

export const CreatedStaff = z
  .object({
    staff: StaffMember,
    initialPassword: z.string().meta({ description: "Shown once: hand it to the person, who signs in with it." }),
  })
  .meta({ id: "CreatedStaff" });
export type CreatedStaff = z.infer<typeof CreatedStaff>;

export const UpdateStaffRequest = z
  .object({ role: RoleSchema.optional(), disabled: z.boolean().optional() })
  .refine((v) => v.role !== undefined || v.disabled !== undefined, { message: "Give a role or disabled." })
  .meta({ id: "UpdateStaffRequest" });
export type UpdateStaffRequest = z.infer<typeof UpdateStaffRequest>;

export const StaffIdParam = z.object({ id: Id.meta({ param: { name: "id", in: "path" } }) });

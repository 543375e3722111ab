import { roleAtLeast, type Staff } from "@recovery-desk/shared";

/** Supervisors and admins decide on merges. */
export function canReviewMerges(staff: Staff): boolean {
  return roleAtLeast(staff.role, "supervisor");
}

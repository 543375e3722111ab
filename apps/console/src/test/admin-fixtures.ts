import { ApiKey, Staff, StaffMember } from "@recovery-desk/shared";
import { LOGIN_SERVICE_KEY } from "@recovery-desk/shared/samples";
import { ava } from "./fixtures.ts";

/** The demo world's admin and supervisor; Ava the agent comes from fixtures.ts. */
export const ada = Staff.parse({ id: "stf_ada", username: "ada.admin", displayName: "Ada Admin", role: "admin" });
export const sam = Staff.parse({
  id: "stf_sam",
  username: "sam.supervisor",
  displayName: "Sam Supervisor",
  role: "supervisor",
});

const member = (staff: Staff, createdAt: string, disabled = false, signInLimitedUntil: string | null = null) =>
  StaffMember.parse({ ...staff, disabled, createdAt, signInLimitedUntil });

/** The staff list as the admin pages first see it, by username; Ava cannot sign in until 9:15 AM (Chicago). */
export const initialStaff = (): StaffMember[] => [
  member(ada, "2026-01-05T15:00:00.000Z"),
  member(ava, "2026-01-05T15:00:00.000Z", false, "2026-11-24T15:15:00.000Z"),
  member(
    Staff.parse({ id: "stf_olga", username: "olga.agent", displayName: "Olga Ortiz", role: "agent" }),
    "2026-03-02T15:00:00.000Z",
    true,
  ),
  member(sam, "2026-01-05T15:00:00.000Z"),
];

/** Two keys in use and one revoked, newest first. */
export const initialApiKeys = (): ApiKey[] =>
  [
    {
      id: "key_login",
      ...LOGIN_SERVICE_KEY,
      createdAt: "2026-09-01T14:00:00.000Z",
      lastUsedAt: "2026-11-24T14:55:00.000Z",
    },
    {
      id: "key_reports",
      name: "Audit reports",
      prefix: "rdk_3h8d2k1p",
      scopes: ["accounts:read", "audit:read"],
      createdAt: "2026-06-10T14:00:00.000Z",
      createdBy: null,
      lastUsedAt: null,
      revokedAt: null,
    },
    {
      id: "key_old",
      name: "Old login service",
      prefix: "rdk_9z9z0a0a",
      scopes: ["login-events:write"],
      createdAt: "2025-02-01T14:00:00.000Z",
      createdBy: "ada.admin",
      lastUsedAt: "2026-05-01T14:00:00.000Z",
      revokedAt: "2026-09-01T14:05:00.000Z",
    },
  ].map((key) => ApiKey.parse(key));

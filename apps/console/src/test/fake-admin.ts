/**
 * The administration part of the fake API, following the real one's rules: admins only, a new key
 * or initial password appears in its create answer only, revoking twice is a conflict, and an admin
 * can neither disable or demote themselves nor the last active admin.
 */
import {
  type ApiKey,
  CreateApiKeyRequest,
  CreateStaffRequest,
  type ErrorCode,
  PROBLEM_DETAILS,
  type Staff,
  type StaffMember,
  UpdateStaffRequest,
} from "@recovery-desk/shared";
import { initialApiKeys, initialStaff } from "./admin-fixtures.ts";

export type AdminReply =
  | { status: number; body?: Record<string, unknown> }
  | { status: number; code: ErrorCode; detail: string };

export const fakeAdmin = {
  apiKeys: initialApiKeys(),
  staff: initialStaff(),
  /** How many accounts the next sweep finds idle; later sweeps find none. */
  idleAccounts: 12,
  /** Staff whose sessions were ended by being disabled. */
  sessionsEnded: [] as string[],
  /** Staff whose sign-in limit an admin cleared, in order. */
  signInLimitsCleared: [] as string[],
  /** The Idempotency-Key of every state-changing administration call, in order (null when none was sent). */
  idempotencyKeys: [] as Array<string | null>,
  seq: 0,
};

export function resetFakeAdmin(): void {
  fakeAdmin.apiKeys = initialApiKeys();
  fakeAdmin.staff = initialStaff();
  fakeAdmin.idleAccounts = 12;
  fakeAdmin.sessionsEnded = [];
  fakeAdmin.signInLimitsCleared = [];
  fakeAdmin.idempotencyKeys = [];
  fakeAdmin.seq = 0;
}

const refuse = (status: number, code: ErrorCode, detail: string): AdminReply => ({ status, code, detail });

const invalid = () => refuse(400, "validation_failed", PROBLEM_DETAILS.fieldsInvalid);

/** The part of a made-up secret that stays the same per call, so tests can tell keys apart. */
const secretPart = (n: number, length: number) =>
  Array.from({ length }, (_, i) => "abcdefghjkmnpqrstuvwxyz23456789"[(n * 7 + i * 13) % 31]).join("");

export function createApiKey(admin: Staff, body: unknown): AdminReply {
  const parsed = CreateApiKeyRequest.safeParse(body);
  if (!parsed.success) return invalid();
  fakeAdmin.seq += 1;
  const prefix = `rdk_${secretPart(fakeAdmin.seq, 8)}`;
  const apiKey: ApiKey = {
    id: `key_new${fakeAdmin.seq}`,
    name: parsed.data.name,
    prefix,
    scopes: parsed.data.scopes,
    createdAt: new Date().toISOString(),
    createdBy: admin.username,
    lastUsedAt: null,
    revokedAt: null,
  };
  fakeAdmin.apiKeys.unshift(apiKey);
  return { status: 201, body: { ...apiKey, key: `${prefix}${secretPart(fakeAdmin.seq + 100, 32)}` } };
}

export function revokeApiKey(id: string): AdminReply {
  const apiKey = fakeAdmin.apiKeys.find((k) => k.id === id);
  if (!apiKey) return refuse(404, "not_found", PROBLEM_DETAILS.notFound("The API key"));
  if (apiKey.revokedAt) return refuse(409, "conflict", PROBLEM_DETAILS.keyRevoked);
  apiKey.revokedAt = new Date().toISOString();
  return { status: 204 };
}

export function listStaff(): StaffMember[] {
  return [...fakeAdmin.staff].sort((a, b) => a.username.localeCompare(b.username));
}

export function createStaff(body: unknown): AdminReply {
  const parsed = CreateStaffRequest.safeParse(body);
  if (!parsed.success) return invalid();
  const { username, displayName, role } = parsed.data;
  if (fakeAdmin.staff.some((s) => s.username === username)) {
    return refuse(409, "conflict", PROBLEM_DETAILS.staffNameTaken(username));
  }
  fakeAdmin.seq += 1;
  const staff: StaffMember = {
    id: `stf_new${fakeAdmin.seq}`,
    username,
    displayName,
    role,
    disabled: false,
    createdAt: new Date().toISOString(),
    signInLimitedUntil: null,
  };
  fakeAdmin.staff.push(staff);
  return { status: 201, body: { staff, initialPassword: `Temp-${secretPart(fakeAdmin.seq, 6)}-${fakeAdmin.seq}` } };
}

export function updateStaff(admin: Staff, id: string, body: unknown): AdminReply {
  const parsed = UpdateStaffRequest.safeParse(body);
  if (!parsed.success) return invalid();
  const { role, disabled } = parsed.data;
  const current = fakeAdmin.staff.find((s) => s.id === id);
  if (!current) return refuse(404, "not_found", PROBLEM_DETAILS.notFound("The staff member"));
  const losesAdmin = disabled === true || (role !== undefined && role !== "admin");
  if (id === admin.id && losesAdmin) {
    return refuse(409, "conflict", PROBLEM_DETAILS.notYourself);
  }
  const otherAdmins = fakeAdmin.staff.filter((s) => s.role === "admin" && !s.disabled && s.id !== id);
  if (current.role === "admin" && losesAdmin && otherAdmins.length === 0) {
    return refuse(409, "conflict", PROBLEM_DETAILS.lastActiveAdmin);
  }
  if (role !== undefined) current.role = role;
  if (disabled !== undefined) current.disabled = disabled;
  if (current.disabled) fakeAdmin.sessionsEnded.push(current.id);
  return { status: 200, body: current };
}

export function clearSignInLimit(id: string): AdminReply {
  const current = fakeAdmin.staff.find((s) => s.id === id);
  if (!current) return refuse(404, "not_found", PROBLEM_DETAILS.notFound("The staff member"));
  if (current.signInLimitedUntil) fakeAdmin.signInLimitsCleared.push(id);
  current.signInLimitedUntil = null;
  return { status: 200, body: current };
}

export function runSweep(): AdminReply {
  const deactivated = fakeAdmin.idleAccounts;
  fakeAdmin.idleAccounts = 0;
  return { status: 200, body: { ran: true, deactivated, batches: deactivated > 0 ? 1 : 0 } };
}

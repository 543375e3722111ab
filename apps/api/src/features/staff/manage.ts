import type { CreatedStaff, CreateStaffRequest, StaffMember, UpdateStaffRequest } from "@recovery-desk/shared";
import { PROBLEM_DETAILS } from "@recovery-desk/shared";
import { and, asc, count, eq, isNull, ne } from "drizzle-orm";
import { appendAuditEvent } from "../../audit/append.ts";
import { actorOf } from "../../auth/principal.ts";
import type { StaffScope } from "../../auth/scope.ts";
import { type StaffRow, staff } from "../../db/schema/index.ts";
import type { AppDeps } from "../../deps.ts";
import { ApiError, notFound } from "../../http/errors.ts";
import { newId } from "../../lib/ids.ts";
import { hashSecret } from "../../security/hashing.ts";
import { deleteSessionsOf } from "../auth/sessions.ts";
import { clearSignInLimit, signInLimitedUntil } from "../auth/sign-in-limits.ts";
import { newTemporaryPassword } from "../recovery/temporary-password.ts";

function present(row: StaffRow, limitedUntil: Date | null = null): StaffMember {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    disabled: row.disabledAt !== null,
    createdAt: row.createdAt.toISOString(),
    signInLimitedUntil: limitedUntil?.toISOString() ?? null,
  };
}

async function presentAll(deps: AppDeps, rows: StaffRow[]): Promise<StaffMember[]> {
  const limited = await signInLimitedUntil(
    deps,
    rows.map((row) => row.username),
  );
  return rows.map((row) => present(row, limited.get(row.username) ?? null));
}

export async function listStaff(deps: AppDeps): Promise<StaffMember[]> {
  return presentAll(deps, await deps.database.db.select().from(staff).orderBy(asc(staff.username)));
}

/**
 * Lets a staff member sign in again at once when failed attempts for their username (someone
 * else's guesses, say) have them refused. Recorded as `staff.updated` when there was a count to clear.
 */
export async function clearStaffSignInLimit(scope: StaffScope, id: string): Promise<StaffMember> {
  const { deps, staff: admin, origin } = scope;
  const now = deps.clock.now();
  const row = await deps.database.db.transaction(async (tx) => {
    const [current] = await tx.select().from(staff).where(eq(staff.id, id));
    if (!current) throw notFound("The staff member");
    if (await clearSignInLimit(tx, current.username)) {
      await appendAuditEvent(tx, {
        at: now,
        actor: actorOf(admin),
        action: "staff.updated",
        origin,
        details: { staffId: id, username: current.username, signInLimitCleared: true },
      });
    }
    return current;
  });
  return present(row);
}

/** Creates a staff member with a generated password, shown once to the admin who hands it on. */
export async function createStaff(scope: StaffScope, input: CreateStaffRequest): Promise<CreatedStaff> {
  const { deps, staff: admin, origin } = scope;
  const now = deps.clock.now();
  const initialPassword = newTemporaryPassword();
  const passwordHash = await hashSecret(initialPassword);
  const row = await deps.database.db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: staff.id }).from(staff).where(eq(staff.username, input.username));
    if (taken) throw new ApiError("conflict", PROBLEM_DETAILS.staffNameTaken(input.username));
    const [inserted] = await tx
      .insert(staff)
      .values({
        id: newId("staff"),
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        passwordHash,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!inserted) throw new Error("The staff insert returned no row.");
    await appendAuditEvent(tx, {
      at: now,
      actor: actorOf(admin),
      action: "staff.created",
      origin,
      details: { staffId: inserted.id, username: inserted.username, role: inserted.role },
    });
    return inserted;
  });
  const [member] = await presentAll(deps, [row]);
  return { staff: member as StaffMember, initialPassword };
}

/**
 * Changes a staff member's role or disables them; disabling ends their sessions at once. An admin
 * cannot disable or demote themselves, so there is always someone who can undo a change.
 */
export async function updateStaff(scope: StaffScope, id: string, input: UpdateStaffRequest): Promise<StaffMember> {
  const { deps, staff: admin, origin } = scope;
  const now = deps.clock.now();
  const row = await deps.database.db.transaction(async (tx) => {
    const [current] = await tx.select().from(staff).where(eq(staff.id, id)).for("update");
    if (!current) throw notFound("The staff member");
    if (id === admin.id && (input.disabled === true || (input.role && input.role !== "admin"))) {
      throw new ApiError("conflict", PROBLEM_DETAILS.notYourself);
    }
    if (current.role === "admin" && (input.disabled === true || (input.role && input.role !== "admin"))) {
      const [others] = await tx
        .select({ n: count() })
        .from(staff)
        .where(and(eq(staff.role, "admin"), isNull(staff.disabledAt), ne(staff.id, id)));
      if ((others?.n ?? 0) === 0) throw new ApiError("conflict", PROBLEM_DETAILS.lastActiveAdmin);
    }
    const disabledAt =
      input.disabled === undefined ? current.disabledAt : input.disabled ? (current.disabledAt ?? now) : null;
    const [updated] = await tx
      .update(staff)
      .set({ role: input.role ?? current.role, disabledAt, updatedAt: now })
      .where(eq(staff.id, id))
      .returning();
    if (!updated) throw notFound("The staff member");
    if (updated.disabledAt) await deleteSessionsOf(tx, id);
    await appendAuditEvent(tx, {
      at: now,
      actor: actorOf(admin),
      action: "staff.updated",
      origin,
      details: {
        staffId: id,
        username: updated.username,
        ...(input.role && input.role !== current.role ? { role: { from: current.role, to: input.role } } : {}),
        ...(input.disabled !== undefined && input.disabled !== (current.disabledAt !== null)
          ? { disabled: input.disabled }
          : {}),
      },
    });
    return updated;
  });
  const [member] = await presentAll(deps, [row]);
  return member as StaffMember;
}

import {
  describePolicy,
  type Evidence,
  meetsLevel,
  POLICY_ACTIONS,
  POLICY_PRESET_LEVELS,
  type Policy,
  type PolicyAction,
  type PolicyLevel,
  type PolicyPreset,
  PROBLEM_DETAILS,
  REPORTED_LOCK_LIFT,
  type Role,
  roleAtLeast,
} from "@recovery-desk/shared";
import { ApiError } from "../../http/errors.ts";

/** The policy in force: a preset, with any action's level set otherwise (`RECOVERY_POLICY_<ACTION>`). */
export interface RecoveryPolicy {
  preset: PolicyPreset;
  levels: Record<PolicyAction, PolicyLevel>;
}

export function recoveryPolicy(
  preset: PolicyPreset,
  overrides: Partial<Record<PolicyAction, PolicyLevel | undefined>> = {},
): RecoveryPolicy {
  const levels = { ...POLICY_PRESET_LEVELS[preset] };
  for (const action of POLICY_ACTIONS) levels[action] = overrides[action] ?? levels[action];
  return { preset, levels };
}

export const DEFAULT_RECOVERY_POLICY = recoveryPolicy("default");

/** The policy the app was configured with (`AppConfig.recoveryPolicy`), or the default one. */
export function policyOf(config: { recoveryPolicy?: RecoveryPolicy | undefined }): RecoveryPolicy {
  return config.recoveryPolicy ?? DEFAULT_RECOVERY_POLICY;
}

/** The policy as `GET /api/v1/policy` serves it. */
export function presentPolicy(policy: RecoveryPolicy): Policy {
  return describePolicy(policy.preset, policy.levels);
}

/** Refuses an action whose required level the window's evidence does not reach: 403 `verification_insufficient`. */
export function requireEvidence(policy: RecoveryPolicy, action: PolicyAction, evidence: readonly Evidence[]): void {
  const required = policy.levels[action];
  if (meetsLevel(required, evidence)) return;
  throw new ApiError("verification_insufficient", PROBLEM_DETAILS.evidenceShort(action, required, evidence), {
    extra: { required, evidence: [...evidence] },
  });
}

/**
 * A lock the account's owner asked for (`reported_by_owner`) is lifted only by a supervisor or
 * above: 403 `forbidden` naming the role. Checked before the window, so an agent is told who can.
 */
export function requireReportedLockRole(role: Role): void {
  if (roleAtLeast(role, REPORTED_LOCK_LIFT.role)) return;
  throw new ApiError("forbidden", PROBLEM_DETAILS.reportedLockNeedsRole(REPORTED_LOCK_LIFT.role), {
    extra: { requiredRole: REPORTED_LOCK_LIFT.role },
  });
}

/** …and on a window holding a code: 403 `verification_insufficient` with `required` and `evidence` otherwise. */
export function requireReportedLockEvidence(evidence: readonly Evidence[]): void {
  const required = REPORTED_LOCK_LIFT.requires;
  if (meetsLevel(required, evidence)) return;
  throw new ApiError("verification_insufficient", PROBLEM_DETAILS.reportedLockNeedsMore(required, evidence), {
    extra: { required, evidence: [...evidence] },
  });
}

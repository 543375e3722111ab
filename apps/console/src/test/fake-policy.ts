import {
  describePolicy,
  type Evidence,
  meetsLevel,
  POLICY_PRESET_LEVELS,
  type Policy,
  type PolicyAction,
  type PolicyLevel,
  type PolicyPreset,
  PROBLEM_DETAILS,
} from "@recovery-desk/shared";
import { type FakeReply, refuse } from "./fake-verification-state.ts";

/** The levels the fake API starts from: the product's `default` preset, as the real API serves it. */
const DEFAULT_LEVELS = POLICY_PRESET_LEVELS.default;

/** The policy the fake API serves and enforces; a test may set other levels. */
export const fakePolicy: { preset: PolicyPreset; levels: Record<PolicyAction, PolicyLevel> } = {
  preset: "default",
  levels: { ...DEFAULT_LEVELS },
};

export function resetFakePolicy(): void {
  fakePolicy.preset = "default";
  fakePolicy.levels = { ...DEFAULT_LEVELS };
}

/** `GET /api/v1/policy`. */
export function presentFakePolicy(): Policy {
  return describePolicy(fakePolicy.preset, fakePolicy.levels);
}

/** 403 `verification_insufficient` when the window's evidence is short of the action's level, as the real API answers. */
export function evidenceRefusal(action: PolicyAction, evidence: Evidence[]): FakeReply | null {
  const required = fakePolicy.levels[action];
  if (meetsLevel(required, evidence)) return null;
  return refuse(403, "verification_insufficient", PROBLEM_DETAILS.evidenceShort(action, required, evidence), {
    required,
    evidence,
  });
}

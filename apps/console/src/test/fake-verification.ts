/**
 * The verification part of the fake API, following the real one's rules: both answers must match,
 * three failures in 24 hours lock questions, a code lasts 10 minutes with 5 tries, a new one can be
 * sent 60 seconds after the last, and success opens a 15-minute window for that agent only.
 * Time is `Date.now()`, so tests move it with fake timers.
 */
import {
  EVIDENCE,
  type Evidence,
  evidenceOf,
  normalizeAnswer,
  PROBLEM_DETAILS,
  type Staff,
  VERIFICATION_POLICY,
  type Verification,
  type VerificationMethod,
} from "@recovery-desk/shared";
import { fakeApi, findAccount } from "./fake-api.ts";
import { appendEvent, staffActor } from "./fake-audit.ts";
import { sendCode } from "./fake-delivery.ts";
import {
  type FakeReply,
  type FakeVerification,
  fakeVerification,
  iso,
  refuse,
  secondsUntil,
} from "./fake-verification-state.ts";
import { openWindowOf } from "./fake-window.ts";
import { SECURITY_ANSWERS } from "./fixtures.ts";

export { latestCode } from "./fake-delivery.ts";
export { type FakeReply, fakeVerification, resetFakeVerification } from "./fake-verification-state.ts";

const { codeTtlMs, pendingTtlMs, questionFailureLimit, questionFailureWindowMs, questionLockMs } = VERIFICATION_POLICY;

/** Writes a verification event to the fake audit trail, as the real API does for every attempt. */
function audit(
  v: FakeVerification,
  action: "verification.started" | "verification.succeeded" | "verification.failed" | "verification.locked",
  details: Record<string, unknown> = {},
): void {
  const staff = fakeApi.staff.find((s) => s.id === v.staffId);
  appendEvent({
    action,
    accountId: v.accountId,
    actor: staff ? staffActor(staff) : { type: "staff", id: v.staffId, name: v.staffId },
    caseRef: v.caseRef,
    details: { verificationId: v.id, method: v.method, ...details },
  });
}

/** Where an account stands against the question limit, counted across agents. */
function questionLimit(accountId: string, now: number) {
  const recent = (fakeVerification.questionFailures.get(accountId) ?? []).filter(
    (t) => t > now - questionFailureWindowMs,
  );
  const third = recent.length >= questionFailureLimit ? recent[questionFailureLimit - 1] : undefined;
  const lockedUntil = third !== undefined && third + questionLockMs > now ? third + questionLockMs : null;
  return { attemptsRemaining: lockedUntil ? 0 : Math.max(0, questionFailureLimit - recent.length), lockedUntil };
}

function present(v: FakeVerification, now: number): Verification {
  const isCode = v.method !== "security_questions";
  const account = findAccount(v.accountId);
  return {
    id: v.id,
    accountId: v.accountId,
    method: v.method,
    status: v.status === "pending" && v.expiresAt <= now ? "expired" : v.status,
    caseRef: v.caseRef,
    ...(isCode ? {} : { questions: account?.securityQuestions ?? [] }),
    attemptsRemaining: isCode ? v.codeTriesLeft : questionLimit(v.accountId, now).attemptsRemaining,
    expiresAt: new Date(v.expiresAt).toISOString(),
    deliveredTo: v.deliveredTo,
    codeExpiresAt: isCode && v.codeSentAt !== null ? iso(v.codeSentAt + codeTtlMs) : null,
    resendAvailableAt: isCode && v.codeSentAt !== null ? iso(v.codeSentAt + VERIFICATION_POLICY.resendAfterMs) : null,
    verifiedUntil: iso(v.verifiedUntil),
  };
}

export function startVerification(
  staff: Staff,
  accountId: string,
  body: { method: VerificationMethod; caseRef?: string },
): FakeReply {
  const now = Date.now();
  const account = findAccount(accountId);
  if (!account) return refuse(404, "not_found", PROBLEM_DETAILS.notFound("The account"));
  if (account.status === "merged" || account.status === "closed") {
    return refuse(409, "conflict", PROBLEM_DETAILS.verifyOnAccountInUse(account.status));
  }
  const v: FakeVerification = {
    id: `ver_${accountId}_${fakeVerification.verifications.size + 1}`,
    accountId,
    staffId: staff.id,
    method: body.method,
    caseRef: body.caseRef ?? null,
    status: "pending",
    expiresAt: now + pendingTtlMs,
    questionIds: account.securityQuestions.map((q) => q.id),
    code: null,
    codeSentAt: null,
    codeTriesLeft: 0,
    codesSent: 0,
    deliveredTo: null,
    verifiedAt: null,
    verifiedUntil: null,
    evidence: [],
  };
  if (body.method === "security_questions") {
    const { lockedUntil } = questionLimit(accountId, now);
    if (lockedUntil) {
      return refuse(423, "verification_locked", PROBLEM_DETAILS.questionsLocked, {
        retryAfter: secondsUntil(lockedUntil, now),
      });
    }
  } else {
    const refused = sendCode(v, account, now);
    if (refused) return refused;
  }
  fakeVerification.verifications.set(v.id, v);
  audit(v, "verification.started", v.deliveredTo ? { deliveredTo: v.deliveredTo } : {});
  return { status: 201, body: present(v, now) };
}

/** The agent's own verification, still pending; or the problem the real API would give. */
function ownPending(staff: Staff, id: string, now: number): FakeVerification | FakeReply {
  const v = fakeVerification.verifications.get(id);
  if (!v) return refuse(404, "not_found", PROBLEM_DETAILS.notFound("The verification"));
  if (v.staffId !== staff.id) return refuse(403, "forbidden", PROBLEM_DETAILS.verificationOfAnotherAgent);
  if (v.status === "verified") return refuse(409, "conflict", PROBLEM_DETAILS.verificationSucceeded);
  if (v.status !== "pending" || v.expiresAt <= now) {
    return refuse(409, "conflict", PROBLEM_DETAILS.verificationEnded);
  }
  return v;
}

/**
 * Opens the window for 15 minutes from now. Passed while the agent's window on the account is open
 * (same case, or either has none), it adds its evidence to that window's, takes its case, and that
 * window ends.
 */
function succeed(v: FakeVerification, now: number): FakeReply {
  const staff = fakeApi.staff.find((s) => s.id === v.staffId) ?? null;
  const open = openWindowOf(staff, v.accountId);
  const joins = open !== undefined && (open.caseRef === null || v.caseRef === null || open.caseRef === v.caseRef);
  const held = new Set<Evidence>([...(joins ? open.evidence : []), evidenceOf(v.method)]);
  Object.assign(v, {
    status: "verified",
    verifiedAt: now,
    verifiedUntil: now + VERIFICATION_POLICY.windowMs,
    code: null,
    evidence: EVIDENCE.filter((e) => held.has(e)),
    caseRef: v.caseRef ?? (joins ? open.caseRef : null),
  });
  if (joins) open.verifiedUntil = now;
  audit(v, "verification.succeeded", { evidence: v.evidence });
  return { status: 200, body: { status: "verified", verifiedUntil: iso(v.verifiedUntil), evidence: v.evidence } };
}

export function answerQuestions(
  staff: Staff,
  id: string,
  answers: Array<{ questionId: string; answer: string }>,
): FakeReply {
  const now = Date.now();
  const verification = ownPending(staff, id, now);
  if (!("id" in verification)) return verification;
  const given = new Map(answers.map((a) => [a.questionId, a.answer]));
  if (given.size !== verification.questionIds.length || !verification.questionIds.every((q) => given.has(q))) {
    return refuse(400, "validation_failed", PROBLEM_DETAILS.answerEachQuestion);
  }
  const locked = questionLimit(verification.accountId, now).lockedUntil;
  if (locked)
    return refuse(423, "verification_locked", PROBLEM_DETAILS.questionsLockedNow, {
      retryAfter: secondsUntil(locked, now),
      attemptsRemaining: 0,
    });
  const matches = verification.questionIds.every(
    (q) => normalizeAnswer(given.get(q) ?? "") === normalizeAnswer(SECURITY_ANSWERS[q] ?? "\u0000"),
  );
  if (matches) return succeed(verification, now);
  const failures = fakeVerification.questionFailures.get(verification.accountId) ?? [];
  fakeVerification.questionFailures.set(verification.accountId, [...failures, now]);
  const after = questionLimit(verification.accountId, now);
  audit(verification, "verification.failed", { attemptsRemaining: after.attemptsRemaining });
  if (after.lockedUntil) {
    audit(verification, "verification.locked", { lockedUntil: iso(after.lockedUntil) });
    return refuse(423, "verification_locked", PROBLEM_DETAILS.questionsLockedNow, {
      retryAfter: secondsUntil(after.lockedUntil, now),
      attemptsRemaining: 0,
    });
  }
  return refuse(422, "verification_failed", PROBLEM_DETAILS.answersWrong, {
    attemptsRemaining: after.attemptsRemaining,
  });
}

export function checkCode(staff: Staff, id: string, rawCode: string): FakeReply {
  const now = Date.now();
  const v = ownPending(staff, id, now);
  if (!("id" in v)) return v;
  const code = rawCode.replace(/[\s-]/g, "");
  if (!/^\d{6}$/.test(code)) return refuse(400, "validation_failed", PROBLEM_DETAILS.fieldsInvalid);
  if (!v.code || v.codeTriesLeft <= 0) {
    return refuse(409, "conflict", PROBLEM_DETAILS.codeTriesUsed, { attemptsRemaining: 0 });
  }
  if (v.codeSentAt === null || v.codeSentAt + codeTtlMs <= now) {
    return refuse(409, "conflict", PROBLEM_DETAILS.codeExpired, { attemptsRemaining: 0 });
  }
  if (code === v.code) return succeed(v, now);
  v.codeTriesLeft -= 1;
  if (v.codeTriesLeft === 0) v.code = null;
  audit(v, "verification.failed", { attemptsRemaining: v.codeTriesLeft });
  return refuse(422, "verification_failed", PROBLEM_DETAILS.codeWrong, {
    attemptsRemaining: v.codeTriesLeft,
  });
}

export function resendCode(staff: Staff, id: string): FakeReply {
  const now = Date.now();
  const v = ownPending(staff, id, now);
  if (!("id" in v)) return v;
  if (v.method === "security_questions") return refuse(409, "conflict", PROBLEM_DETAILS.questionsHaveNoCode);
  if (v.codesSent > VERIFICATION_POLICY.maxResends) {
    return refuse(409, "conflict", PROBLEM_DETAILS.noMoreCodes);
  }
  const resendAt = (v.codeSentAt ?? 0) + VERIFICATION_POLICY.resendAfterMs;
  if (resendAt > now) {
    return refuse(429, "rate_limited", PROBLEM_DETAILS.resendTooSoon, {
      retryAfter: secondsUntil(resendAt, now),
    });
  }
  const account = findAccount(v.accountId);
  if (!account) return refuse(409, "conflict", PROBLEM_DETAILS.accountGone);
  const refused = sendCode(v, account, now);
  if (refused) return refused;
  return { status: 202, body: present(v, now) };
}

export function readVerification(staff: Staff, id: string): FakeReply {
  const v = fakeVerification.verifications.get(id);
  if (!v || v.staffId !== staff.id) return refuse(404, "not_found", PROBLEM_DETAILS.notFound("The verification"));
  return { status: 200, body: present(v, Date.now()) };
}

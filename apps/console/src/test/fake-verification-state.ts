import type {
  ErrorCode,
  Evidence,
  OutboxMessage,
  PolicyLevel,
  Verification,
  VerificationMethod,
} from "@recovery-desk/shared";

/** One verification as the fake API keeps it; times are milliseconds from `Date.now()`. */
export type FakeVerification = {
  id: string;
  accountId: string;
  staffId: string;
  method: VerificationMethod;
  caseRef: string | null;
  status: Verification["status"];
  expiresAt: number;
  questionIds: string[];
  code: string | null;
  codeSentAt: number | null;
  codeTriesLeft: number;
  codesSent: number;
  deliveredTo: string | null;
  verifiedAt: number | null;
  verifiedUntil: number | null;
  /** What the window opened by this success rests on, with the window it joined. */
  evidence: Evidence[];
};

export type FakeReply =
  | { status: number; body: Record<string, unknown> }
  | {
      status: number;
      code: ErrorCode;
      detail: string;
      retryAfter?: number;
      attemptsRemaining?: number;
      required?: PolicyLevel;
      evidence?: Evidence[];
    };

export const fakeVerification = {
  verifications: new Map<string, FakeVerification>(),
  /** Times of failed question attempts, by account. */
  questionFailures: new Map<string, number[]>(),
  /** Messages "sent" so far, oldest first. */
  outbox: [] as OutboxMessage[],
  /** When set, every text message or email fails to go out (502 delivery_failed). */
  deliveryFails: false,
  seq: 0,
};

export function resetFakeVerification(): void {
  fakeVerification.verifications.clear();
  fakeVerification.questionFailures.clear();
  fakeVerification.outbox = [];
  fakeVerification.deliveryFails = false;
  fakeVerification.seq = 0;
}

export const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
export const secondsUntil = (at: number, now: number) => Math.max(1, Math.ceil((at - now) / 1_000));
/** A problem answer, with its extension members. */
export const refuse = (status: number, code: ErrorCode, detail: string, extra: Partial<FakeReply> = {}): FakeReply => ({
  status,
  code,
  detail,
  ...extra,
});

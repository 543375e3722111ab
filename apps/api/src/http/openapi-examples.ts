/**
 * Example answers shown in the OpenAPI document, one call's story: agent Ava verifies Maria Lopez,
 * locked out after travel, on case CASE-2026-0042. Each is typed by its schema, so a contract
 * change that the examples no longer fit fails the typecheck.
 */
import type {
  AccountDetail as AccountDetailSchema,
  AccountSummary as AccountSummarySchema,
  Alert as AlertSchema,
  ApiKey as ApiKeySchema,
  AuditEvent as AuditEventSchema,
  ChainCheck as ChainCheckSchema,
  ChainState as ChainStateSchema,
  DeliveryReceipt as DeliveryReceiptSchema,
  Duplicates as DuplicatesSchema,
  LoginEventResult as LoginEventResultSchema,
  Merge as MergeSchema,
  OutboxMessage as OutboxMessageSchema,
  RiskSchema,
  StaffMember as StaffMemberSchema,
  Staff as StaffSchema,
  SweepResult as SweepResultSchema,
  Verification as VerificationSchema,
  Webhook,
  WebhookDelivery,
} from "@recovery-desk/shared";
import { MESSAGES } from "@recovery-desk/shared";
import {
  AVA,
  channelsOf,
  homeAddress,
  LOGIN_SERVICE_KEY,
  MARIA,
  MARIA_CONTACT,
  QUESTIONS,
  UNDECIDED,
} from "@recovery-desk/shared/samples";
import type { z } from "zod";

type Example<T extends z.ZodType> = z.output<T>;

const CASE = "CASE-2026-0042";
const MARIA_ID = "acc_kq3v7m2x9d4t8w6z";
const MARIA_TWIN = "acc_m4x9k7q2v3d8t6wz";

export const staffExample = {
  id: "stf_7q2m4x9kd3t8w6zr",
  ...AVA,
} satisfies Example<typeof StaffSchema>;

export const accountSummaryExample = {
  id: MARIA_ID,
  ...MARIA,
  lastActivityAt: "2026-11-23T13:41:07.000Z",
  createdAt: "2019-04-02T10:15:00.000Z",
  duplicateCandidates: 1,
} satisfies Example<typeof AccountSummarySchema>;

const twinSummaryExample = {
  ...accountSummaryExample,
  id: MARIA_TWIN,
  username: "mlopez77",
  displayName: "María López",
  status: "active",
  statusReason: null,
} satisfies Example<typeof AccountSummarySchema>;

/** Maria's account as the agent sees it with the verified window open: contact data in full. */
export const accountDetailExample = {
  ...accountSummaryExample,
  status: "active",
  statusReason: null,
  emailMasked: MARIA_CONTACT.email,
  phoneMasked: MARIA_CONTACT.phone,
  addresses: [
    homeAddress(MARIA, { id: "adr_d3t8w6zr7q2m4x9k", line1: "1200 N Main Street", line2: "Apt 4", masked: false }),
  ],
  channels: channelsOf({ emailMasked: MARIA_CONTACT.email, phoneMasked: MARIA_CONTACT.phone }),
  lock: null,
  mergedInto: null,
  mustChangePassword: false,
  securityQuestions: [
    { id: "sq_kq3v7m2x9d4t8w6z", prompt: QUESTIONS.birthCity },
    { id: "sq_m4x9k7q2v3d8t6wz", prompt: QUESTIONS.firstPet },
  ],
  contactMasked: false,
  verification: {
    verificationId: "ver_t8w6zr7q2m4x9kd3",
    method: "security_questions",
    caseRef: CASE,
    verifiedAt: "2026-11-23T14:03:12.000Z",
    verifiedUntil: "2026-11-23T14:33:12.000Z",
    evidence: ["knowledge"],
  },
  risk: {
    level: "elevated",
    signals: [
      {
        code: "verification_failures",
        level: "elevated",
        reason: "1 failed verification attempt in the last 24 hours, across all agents.",
        since: "2026-11-23T13:58:40.000Z",
        effect: null,
      },
    ],
  },
} satisfies Example<typeof AccountDetailSchema>;

/** An account at `high`: the phone on file changed yesterday and the carrier reports a new SIM. */
export const highRiskExample = {
  level: "high",
  signals: [
    {
      code: "sim_swap",
      level: "high",
      reason: "The carrier reports a new SIM on the phone on file 2 days ago.",
      since: "2026-11-21T09:12:00.000Z",
      effect: "SMS codes and SMS temporary passwords are off for this account.",
    },
    {
      code: "contact_recently_changed",
      level: "high",
      reason: "The phone number on file changed yesterday.",
      since: "2026-11-22T16:40:00.000Z",
      effect: null,
    },
  ],
} satisfies Example<typeof RiskSchema>;

export const auditEventExample = {
  id: "evt_w6zr7q2m4x9kd3t8",
  seq: 48213,
  occurredAt: "2026-11-23T14:05:00.000Z",
  actor: { type: "staff", id: staffExample.id, name: "ava.agent" },
  action: "account.unlocked",
  accountId: MARIA_ID,
  caseRef: CASE,
  reason: "Caller verified by security questions; locked out after travel.",
  requestId: "req_zr7q2m4x9kd3t8w6",
  ip: "198.51.100.7",
  details: { from: "locked", to: "active", verifiedBy: "security_questions" },
  hash: "5f1c0e9b4a7d2c3e8f6a1b0d9c4e7f2a3b8d1c6e0f9a4b7c2d5e8f1a0b3c6d9e",
  prevHash: "a3b8d1c6e0f9a4b75f1c0e9b4a7d2c3e8f6a1b0d9c4e7f2a2d5e8f1a0b3c6d9e",
} satisfies Example<typeof AuditEventSchema>;

export const verificationExample = {
  id: "ver_t8w6zr7q2m4x9kd3",
  accountId: MARIA_ID,
  method: "security_questions",
  status: "pending",
  caseRef: CASE,
  questions: accountDetailExample.securityQuestions,
  attemptsRemaining: 3,
  expiresAt: "2026-11-23T14:12:00.000Z",
  deliveredTo: null,
  codeExpiresAt: null,
  resendAvailableAt: null,
  verifiedUntil: null,
} satisfies Example<typeof VerificationSchema>;

/** A verification by a code sent to the phone, just after a new code went out. */
export const codeVerificationExample = {
  id: "ver_q2m4x9kd3t8w6zr7",
  accountId: MARIA_ID,
  method: "otp_sms",
  status: "pending",
  caseRef: CASE,
  attemptsRemaining: 5,
  expiresAt: "2026-11-23T14:12:00.000Z",
  deliveredTo: "•••-•••-0142",
  codeExpiresAt: "2026-11-23T14:12:00.000Z",
  resendAvailableAt: "2026-11-23T14:03:00.000Z",
  verifiedUntil: null,
} satisfies Example<typeof VerificationSchema>;

export const deliveryReceiptExample = {
  deliveredTo: "•••-•••-0142",
  expiresAt: "2026-11-24T14:05:00.000Z",
} satisfies Example<typeof DeliveryReceiptSchema>;

export const loginEventResultExample = {
  status: "locked",
  locked: true,
  lockedUntil: "2026-11-23T14:35:00.000Z",
} satisfies Example<typeof LoginEventResultSchema>;

export const apiKeyExample = {
  id: "key_9kd3t8w6zr7q2m4x",
  ...LOGIN_SERVICE_KEY,
  createdAt: "2026-10-01T09:00:00.000Z",
  lastUsedAt: "2026-11-23T14:04:59.000Z",
} satisfies Example<typeof ApiKeySchema>;

export const staffMemberExample = {
  id: "stf_r7q2m4x9kd3t8w6z",
  username: "sam.rivera",
  displayName: "Sam Rivera",
  role: "agent",
  disabled: false,
  createdAt: "2026-11-20T08:30:00.000Z",
  signInLimitedUntil: null,
} satisfies Example<typeof StaffMemberSchema>;

export const sweepResultExample = { ran: true, deactivated: 37, batches: 1 } satisfies Example<
  typeof SweepResultSchema
>;

export const chainCheckExample = {
  ok: true,
  checked: 48213,
  headSeq: 48213,
  headHash: auditEventExample.hash,
} satisfies Example<typeof ChainCheckSchema>;

export const chainStateExample = {
  headSeq: 48213,
  headHash: auditEventExample.hash,
  lastCheck: {
    checkedAt: "2026-11-23T03:00:00.000Z",
    ok: true,
    fromSeq: 47001,
    toSeq: 48100,
    firstBadSeq: null,
    by: "system",
  },
  lastCheckpoint: { seq: 48100, hash: auditEventExample.prevHash, checkedAt: "2026-11-23T03:00:00.000Z" },
} satisfies Example<typeof ChainStateSchema>;

export const duplicatesExample = {
  addressKey: "1200 N MAIN ST APT 4|SPRINGFIELD|IL|62704",
  candidates: [
    {
      account: twinSummaryExample,
      score: 0.92,
      reasons: ["same address", "same last name", "same first name"],
    },
  ],
} satisfies Example<typeof DuplicatesSchema>;

export const mergeExample = {
  id: "mrg_2m4x9kd3t8w6zr7q",
  ...UNDECIDED,
  survivorId: MARIA_ID,
  mergedIds: [MARIA_TWIN],
  reason: "The caller owns both accounts: same name, address and phone.",
  caseRef: CASE,
  requestedBy: "ava.agent",
  requestedAt: "2026-11-23T14:08:00.000Z",
} satisfies Example<typeof MergeSchema>;

export const outboxMessageExample = {
  id: "msg_x9kd3t8w6zr7q2m4",
  channel: "email",
  kind: "code",
  language: "en",
  recipient: MARIA_CONTACT.email,
  subject: MESSAGES.code("482913").subject,
  body: MESSAGES.code("482913").text,
  accountId: MARIA_ID,
  createdAt: "2026-11-23T14:02:30.000Z",
} satisfies Example<typeof OutboxMessageSchema>;

const completedMergeExample = {
  ...mergeExample,
  status: "completed",
  decidedBy: "sue.supervisor",
  decidedAt: "2026-11-23T15:20:00.000Z",
  decisionReason: "Same person: the caller confirmed both accounts, and the phone numbers match.",
  completedAt: "2026-11-23T15:20:00.000Z",
  undoAvailableUntil: "2026-12-23T15:20:00.000Z",
} satisfies Example<typeof MergeSchema>;

const webhookExample = {
  id: "whk_3k7q2m4x9vd8t6wz",
  url: "https://hooks.example.com/recovery-desk",
  events: ["account.locked", "account.unlocked"],
  createdAt: "2026-11-23T09:00:00.000Z",
  createdBy: "ada.admin",
  pending: 0,
  failed: 0,
} satisfies Example<typeof Webhook>;

const webhookDeliveryExample = {
  id: "whd_5b1f0c2e8a7d4e3f9c6b2a1d0e8f7c6b",
  event: "account.unlocked",
  status: "delivered",
  createdAt: "2026-11-23T14:31:02.000Z",
  nextAttemptAt: null,
  attempts: [
    { at: "2026-11-23T14:31:04.000Z", statusCode: 503, error: "HTTP 503", ms: 41 },
    { at: "2026-11-23T14:31:40.000Z", statusCode: 200, error: null, ms: 38 },
  ],
} satisfies Example<typeof WebhookDelivery>;

/**
 * The success answer of each operation, by its operationId; `jsonAnswer(description, schema, example)`
 * checks each against its schema.
 */
/** Ava's unlocks on a busy morning passed the hourly threshold. */
const alertExample = {
  id: "alr_3m7q2x9kv4d8t6wz",
  kind: "agent_velocity",
  severity: "medium",
  accountId: null,
  accountUsername: null,
  staffId: staffExample.id,
  staffUsername: AVA.username,
  detail:
    "ava.agent took more than 20 recovery actions (unlocks, reactivations, temporary passwords, username reminders) within an hour.",
  raisedAt: "2026-11-23T15:02:00.000Z",
  status: "open",
  acknowledgedBy: null,
  acknowledgedAt: null,
  note: null,
} satisfies Example<typeof AlertSchema>;

export const answerExamples = {
  signIn: { staff: staffExample },
  getSignedInStaff: { staff: staffExample },
  searchAccounts: { items: [accountSummaryExample], nextCursor: null, accountsLoaded: true },
  getAccount: accountDetailExample,
  getAccountRisk: highRiskExample,
  listAccountTimeline: { items: [auditEventExample], nextCursor: null },
  startVerification: verificationExample,
  verified: { status: "verified", verifiedUntil: "2026-11-23T14:33:12.000Z", evidence: ["knowledge", "sms"] },
  resendVerificationCode: codeVerificationExample,
  getVerification: verificationExample,
  recoveredAccount: accountDetailExample,
  sendTemporaryPassword: deliveryReceiptExample,
  sendUsernameReminder: { deliveredTo: "m••••@example.com", expiresAt: null },
  reportLoginEvent: loginEventResultExample,
  reportRecovery: { status: "received" },
  checkTemporaryPassword: { valid: true, mustChange: true, expiresAt: "2026-11-24T14:05:00.000Z" },
  createApiKey: { ...apiKeyExample, lastUsedAt: null, key: "rdk_7q2m4x9k3vd8t6wzr2m4x9kq7d3t8w6z" },
  listApiKeys: { items: [apiKeyExample] },
  listStaff: { items: [staffMemberExample] },
  createStaff: { staff: staffMemberExample, initialPassword: "plaid-orbit-canvas-7481" },
  updateStaff: { ...staffMemberExample, role: "supervisor" },
  clearStaffSignInLimit: staffMemberExample,
  runInactivitySweep: sweepResultExample,
  searchAuditEvents: {
    items: [{ ...auditEventExample, account: { id: MARIA_ID, username: MARIA.username } }],
    nextCursor: null,
  },
  verifyAuditChain: chainCheckExample,
  getAuditChainState: chainStateExample,
  listDuplicateCandidates: duplicatesExample,
  listDuplicateClusters: {
    items: [
      { addressKey: duplicatesExample.addressKey, size: 2, accounts: [accountSummaryExample, twinSummaryExample] },
    ],
    nextCursor: null,
  },
  proposeMerge: mergeExample,
  listMerges: {
    items: [{ ...mergeExample, survivor: accountSummaryExample, merged: [twinSummaryExample] }],
    nextCursor: null,
  },
  getMerge: mergeExample,
  decidedMerge: completedMergeExample,
  rejectMerge: {
    ...mergeExample,
    status: "rejected",
    decidedBy: "sue.supervisor",
    decidedAt: "2026-11-23T15:20:00.000Z",
    decisionReason: "Different people: a parent and a grown child at the same address.",
  },
  undoMerge: {
    ...completedMergeExample,
    status: "undone",
    undoneBy: "sue.supervisor",
    undoneAt: "2026-11-24T09:10:00.000Z",
    undoAvailableUntil: null,
  },
  createWebhook: { ...webhookExample, secret: "whsec_C2FtcGxlLXNlY3JldC1ub3QtYS1yZWFsLW9uZS0xMjM0NTY=" },
  listWebhooks: { items: [{ ...webhookExample, pending: 1 }] },
  listWebhookDeliveries: { items: [webhookDeliveryExample], nextCursor: null },
  listOutboxMessages: { items: [outboxMessageExample], nextCursor: null },
  listAlerts: { items: [alertExample], nextCursor: null, open: 1 },
  acknowledgeAlert: {
    ...alertExample,
    status: "acknowledged",
    acknowledgedBy: "sue.supervisor",
    acknowledgedAt: "2026-11-23T15:20:00.000Z",
    note: "Called the agent: a batch of lockouts after the password-policy change. Nothing wrong.",
  },
  checkHealth: { status: "ok" },
  checkReadiness: { status: "ok", database: "up" },
  notReady: { status: "unavailable", database: "down" },
} as const;

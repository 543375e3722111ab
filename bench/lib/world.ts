import { en } from "@faker-js/faker";
import type { AuditEventRow } from "@recovery-desk/api/db/schema";
import { PROMPTS } from "@recovery-desk/api/demo/personas";
import { normalizeAddress, normalizeName, suffixAbbreviation } from "@recovery-desk/shared";

/**
 * The benchmark's data set, as pure functions of an index: account `i` and audit event `seq` are
 * the same on every run and every machine, and a scenario can recompute what it needs (an
 * account's answers, say) without reading it back.
 */

export interface BenchSize {
  name: "full" | "quick";
  accounts: number;
  events: number;
}

export const SIZES: Record<BenchSize["name"], BenchSize> = {
  full: { name: "full", accounts: 1_000_000, events: 10_000_000 },
  quick: { name: "quick", accounts: 20_000, events: 200_000 },
};

/** Staff who appear as actors in the generated audit trail, besides the bench's own sign-ins. */
export const ACTOR_STAFF = 200;
export const BENCH_PASSWORD = "bench-password-for-a-local-run";
export const BENCH_STAFF = [
  { username: "bench.agent", role: "agent" },
  { username: "bench.supervisor", role: "supervisor" },
  { username: "bench.admin", role: "admin" },
] as const;

/** A well-mixed 32-bit hash of (index, stream): the generator's only source of chance. */
export function draw(index: number, stream: number): number {
  let h = Math.imul(index ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(stream + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}
const pick = <T>(list: readonly T[], index: number, stream: number): T => list[draw(index, stream) % list.length] as T;
const chance = (index: number, stream: number, p: number) => draw(index, stream) / 2 ** 32 < p;

const FIRST = en.person?.first_name?.generic ?? [];
const LAST = en.person?.last_name?.generic ?? [];
const CITIES = (en.location?.city_name ?? []) as string[];
const STATES = (en.location?.state_abbr ?? []) as string[];
const SUFFIXES = ["Street", "Avenue", "Road", "Drive", "Lane", "Court", "Boulevard", "Place", "Way", "Terrace"];
/** The Postal Service standard abbreviation of a suffix, as a person types it: "Avenue" → "Ave". */
function shortSuffix(suffix: string): string {
  const abbr = suffixAbbreviation(suffix.toUpperCase()) ?? suffix;
  return `${abbr.slice(0, 1)}${abbr.slice(1).toLowerCase()}`;
}
const AREA_CODES = ["217", "312", "503", "207", "512", "617", "303", "404", "206", "415", "602", "713", "919", "305"];
const DOMAINS = ["example.com", "example.net", "example.org"];

/** The answers each prompt is drawn from; the bench hashes each distinct answer once. */
export const BENCH_ANSWERS: Record<string, readonly string[]> = {
  [PROMPTS.firstPet]: ["Max", "Bella", "Charlie", "Lucy", "Cooper", "Daisy"],
  [PROMPTS.cityOfBirth]: ["Chicago", "Denver", "Boston", "Atlanta", "Phoenix", "Omaha"],
  [PROMPTS.mothersMaidenName]: ["Miller", "Davis", "Garcia", "Wilson", "Moore", "Taylor"],
  [PROMPTS.firstCar]: ["Ford", "Toyota", "Honda", "Chevrolet", "Nissan", "Dodge"],
  [PROMPTS.highSchool]: ["Central High", "Roosevelt High", "Jefferson High", "Kennedy High"],
};
const PROMPT_LIST = Object.keys(BENCH_ANSWERS);

export type BenchStatus = "active" | "locked" | "deactivated" | "closed";

export interface BenchAccount {
  id: string;
  first: string;
  last: string;
  email: string;
  phone: string | null;
  status: BenchStatus;
  hardLock: boolean;
  line1: string;
  line2: string | null;
  city: string;
  state: string;
  zip5: string;
  /** Set for the second account of a person at one address, written differently. */
  twinOf: number | null;
}

export const accountId = (i: number) => `acc_b${i.toString(36).padStart(7, "0")}`;
export const addressId = (i: number) => `adr_b${i.toString(36).padStart(7, "0")}`;
export const questionId = (i: number, position: number) => `sq_b${i.toString(36).padStart(7, "0")}${position}`;
export const eventId = (seq: number) => `evt_b${seq.toString(36).padStart(8, "0")}`;
export const actorStaffId = (n: number) => `stf_bench${String(n).padStart(3, "0")}`;

/** Account `i`: one in fifty active accounts has a twin (the next index) at the same address. */
export function benchAccount(i: number): BenchAccount {
  const twin = i > 0 && isTwinStart(i - 1);
  const base = twin ? i - 1 : i;
  const first = pick(FIRST, base, 1);
  const last = pick(LAST, base, 2);
  const roll = draw(i, 3) / 2 ** 32;
  const status: BenchStatus = twin
    ? "active"
    : roll < 0.03
      ? "locked"
      : roll < 0.07
        ? "deactivated"
        : roll < 0.075
          ? "closed"
          : "active";
  const phone = chance(base, 4, 0.7)
    ? `+1${pick(AREA_CODES, base, 5)}${200 + (draw(base, 6) % 800)}${String(draw(base, 7) % 10_000).padStart(4, "0")}`
    : null;
  const number = 1 + (draw(base, 8) % 9_999);
  const suffix = pick(SUFFIXES, base, 10);
  const streetName = `${pick(LAST, base, 9).replace(/\s+/g, "")} ${suffix}`;
  const unit = chance(base, 11, 0.3) ? `Apt ${1 + (draw(base, 12) % 40)}` : null;
  const city = pick(CITIES, base, 13);
  const zip5 = String(10_000 + (draw(base, 14) % 89_990));
  return {
    id: accountId(i),
    first,
    last,
    email: twin
      ? `${first.slice(0, 1)}${last}${i}@example.net`.toLowerCase()
      : `${first}.${last}.${i}@${pick(DOMAINS, i, 15)}`.toLowerCase(),
    phone,
    status,
    hardLock: status === "locked" && chance(i, 16, 0.5),
    // The twin writes the same place another way: the suffix abbreviated, the unit as `#`, the city in capitals.
    line1: `${number} ${twin ? `${streetName.split(" ")[0]} ${shortSuffix(suffix)}` : streetName}`,
    line2: twin && unit ? unit.replace("Apt ", "# ") : unit,
    city: twin ? city.toUpperCase() : city,
    state: pick(STATES, base, 17),
    zip5,
    twinOf: twin ? base : null,
  };
}

function isTwinStart(i: number): boolean {
  return !(i > 0 && isTwinStartShallow(i - 1)) && isTwinStartShallow(i);
}
function isTwinStartShallow(i: number): boolean {
  const roll = draw(i, 3) / 2 ** 32;
  return roll >= 0.075 && chance(i, 18, 0.02);
}

export function usernameStem(account: Pick<BenchAccount, "first" | "last">): string {
  return `${account.first}.${account.last}`.toLowerCase().replace(/[^a-z0-9.]/g, "");
}

export function nameSearchOf(account: BenchAccount): string {
  return normalizeName(`${account.first} ${account.last}`);
}

export function normalizedAddressOf(account: BenchAccount) {
  return normalizeAddress({
    line1: account.line1,
    ...(account.line2 ? { line2: account.line2 } : {}),
    city: account.city,
    state: account.state,
    zip: account.zip5,
  });
}

/** Account `i`'s two questions and their answers, in the order they are asked. */
export function benchQuestions(i: number): [{ prompt: string; answer: string }, { prompt: string; answer: string }] {
  const p1 = draw(i, 20) % PROMPT_LIST.length;
  const p2 = (p1 + 1 + (draw(i, 21) % (PROMPT_LIST.length - 1))) % PROMPT_LIST.length;
  const question = (p: number, stream: number) => {
    const prompt = PROMPT_LIST[p] as string;
    return { prompt, answer: pick(BENCH_ANSWERS[prompt] ?? [], i, stream) };
  };
  return [question(p1, 22), question(p2, 23)];
}

const ACTIONS: { action: string; weight: number }[] = [
  { action: "auth.login", weight: 6 },
  { action: "account.viewed_unmasked", weight: 14 },
  { action: "verification.started", weight: 18 },
  { action: "verification.succeeded", weight: 14 },
  { action: "verification.failed", weight: 5 },
  { action: "account.locked", weight: 8 },
  { action: "account.unlocked", weight: 8 },
  { action: "account.deactivated", weight: 3 },
  { action: "account.reactivated", weight: 3 },
  { action: "account.temporary_password_issued", weight: 4 },
  { action: "account.username_reminder_sent", weight: 2 },
];
const ACTION_TABLE = ACTIONS.flatMap((a) => Array.from({ length: a.weight }, () => a.action));

/** An audit event as stored, before the chain's hashes are added. */
export type BenchEvent = Omit<AuditEventRow, "prevHash" | "hash">;

/** Event `seq` of `size.events`, spread evenly over the two years before `end`. */
export function benchEvent(seq: number, size: BenchSize, end: Date): BenchEvent {
  const span = 730 * 86_400_000;
  const occurredAt = new Date(end.getTime() - span + Math.floor((span * seq) / size.events));
  const action = pick(ACTION_TABLE, seq, 30);
  const system = action === "account.locked" || action === "account.deactivated";
  const staffN = draw(seq, 31) % ACTOR_STAFF;
  const account = draw(seq, 32) % size.accounts;
  const withCase = !system && action !== "auth.login" && chance(seq, 33, 0.6);
  return {
    seq,
    id: eventId(seq),
    occurredAt,
    actorType: system ? "system" : "staff",
    actorId: system ? null : actorStaffId(staffN),
    actorName: system ? (action === "account.locked" ? "lockout policy" : "inactivity sweep") : `agent.${staffN}`,
    action,
    accountId: action === "auth.login" ? null : accountId(account),
    caseRef: withCase ? `CASE-${100_000 + (draw(seq, 34) % 900_000)}` : null,
    reason: action === "account.unlocked" || action === "account.reactivated" ? "Caller verified on the phone" : null,
    requestId: system ? null : `req_b${seq.toString(36)}`,
    ip: system ? null : `10.${draw(seq, 35) % 256}.${draw(seq, 36) % 256}.${1 + (draw(seq, 37) % 254)}`,
    details: detailsOf(action, seq),
  };
}

function detailsOf(action: string, seq: number): Record<string, unknown> {
  switch (action) {
    case "account.locked":
      return { from: "active", to: "locked", lockKind: chance(seq, 40, 0.5) ? "hard" : "temporary", failedLogins: 5 };
    case "account.unlocked":
      return { from: "locked", to: "active" };
    case "account.deactivated":
      return { from: "active", to: "deactivated" };
    case "account.reactivated":
      return { from: "deactivated", to: "active" };
    case "verification.started":
    case "verification.succeeded":
    case "verification.failed":
      return { method: pick(["security_questions", "otp_sms", "otp_email"], seq, 41) };
    case "account.temporary_password_issued":
      return { channel: chance(seq, 42, 0.5) ? "email" : "sms" };
    default:
      return {};
  }
}

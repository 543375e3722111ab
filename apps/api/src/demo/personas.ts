import type { AccountStatus, Role, StatusReason } from "@recovery-desk/shared";

/** The demo staff; all share the password below, which is printed in the README for people trying the console. */
export const DEMO_STAFF_PASSWORD = "helpdesk-demo";

export const DEMO_STAFF: ReadonlyArray<{ username: string; displayName: string; role: Role }> = [
  { username: "ava.agent", displayName: "Ava Agent", role: "agent" },
  { username: "sam.supervisor", displayName: "Sam Supervisor", role: "supervisor" },
  { username: "ada.admin", displayName: "Ada Admin", role: "admin" },
];

export const PROMPTS = {
  firstPet: "What was the name of your first pet?",
  cityOfBirth: "In what city were you born?",
  mothersMaidenName: "What is your mother's maiden name?",
  firstCar: "What was the make of your first car?",
  highSchool: "What high school did you attend?",
  favouriteTeacher: "Who was your favourite teacher?",
  firstStreet: "What was the name of the first street you lived on?",
} as const;

export interface DemoAddress {
  line1: string;
  line2?: string;
  city: string;
  state: string;
  zip: string;
}

/**
 * Why a seeded account is in `status` (the demo world and the bench seed write accounts straight into
 * that state): locked by failed sign-ins, deactivated for inactivity, closed on request.
 */
export function seededStatusReason(status: AccountStatus): StatusReason | null {
  if (status === "locked") return "failed_logins";
  if (status === "deactivated") return "inactivity";
  if (status === "closed") return "closed_by_request";
  return null;
}

/** One account of the demo world, before ids, hashes and timestamps are added. */
export interface DemoAccount {
  username: string;
  firstName: string;
  lastName: string;
  email: string | null;
  emailVerified: boolean;
  phone: string | null;
  phoneVerified: boolean;
  /** The language the owner prefers (BCP 47); English when not given. */
  language?: string;
  state:
    | { status: "active" }
    | { status: "locked"; kind: "hard" | "temporary"; failedLogins: number; minutesAgo: number }
    | { status: "deactivated"; lastActivityAt: string }
    | { status: "closed" };
  lastActivityAt: string;
  createdAt: string;
  address: DemoAddress;
  questions: [{ prompt: string; answer: string }, { prompt: string; answer: string }];
}

/** The five callers of the demo world, exactly as the product description gives them. */
export const PERSONAS: DemoAccount[] = [
  {
    username: "maria.lopez",
    firstName: "Maria",
    lastName: "Lopez",
    email: "maria.lopez@example.com",
    emailVerified: true,
    phone: "+12175550142",
    phoneVerified: true,
    language: "es",
    state: { status: "locked", kind: "hard", failedLogins: 5, minutesAgo: 95 },
    lastActivityAt: "2026-11-20T18:12:00.000Z",
    createdAt: "2019-06-02T15:30:00.000Z",
    address: { line1: "742 W Monroe St", city: "Springfield", state: "IL", zip: "62704" },
    questions: [
      { prompt: PROMPTS.firstPet, answer: "Biscuit" },
      { prompt: PROMPTS.cityOfBirth, answer: "San Antonio" },
    ],
  },
  {
    username: "tom.becker",
    firstName: "Tom",
    lastName: "Becker",
    email: "tom.becker@example.com",
    emailVerified: true,
    phone: "+12075550187",
    phoneVerified: false,
    state: { status: "deactivated", lastActivityAt: "2021-03-14T16:20:00.000Z" },
    lastActivityAt: "2021-03-14T16:20:00.000Z",
    createdAt: "2014-09-21T10:05:00.000Z",
    address: { line1: "55 Elm Street", city: "Portland", state: "ME", zip: "04101" },
    questions: [
      { prompt: PROMPTS.mothersMaidenName, answer: "Schmidt" },
      { prompt: PROMPTS.firstCar, answer: "Volkswagen" },
    ],
  },
  {
    username: "ana.silva",
    firstName: "Ana",
    lastName: "Silva",
    email: "ana.silva@example.com",
    emailVerified: true,
    phone: null,
    phoneVerified: false,
    state: { status: "active" },
    lastActivityAt: "2026-10-30T09:45:00.000Z",
    createdAt: "2017-02-11T12:00:00.000Z",
    address: { line1: "1200 N Main Street", line2: "Apt 4B", city: "Springfield", state: "IL", zip: "62701" },
    questions: [
      { prompt: PROMPTS.firstPet, answer: "Luna" },
      { prompt: PROMPTS.highSchool, answer: "Lincoln High" },
    ],
  },
  {
    username: "anasilva1984",
    firstName: "Ana",
    lastName: "Silva",
    email: "anasilva1984@example.net",
    emailVerified: true,
    phone: null,
    phoneVerified: false,
    state: { status: "active" },
    lastActivityAt: "2025-12-03T20:10:00.000Z",
    createdAt: "2022-08-19T17:25:00.000Z",
    address: { line1: "1200 North Main St #4B", city: "Springfield", state: "IL", zip: "62701-1234" },
    questions: [
      { prompt: PROMPTS.firstPet, answer: "Luna" },
      { prompt: PROMPTS.cityOfBirth, answer: "Recife" },
    ],
  },
  {
    username: "kim.nguyen",
    firstName: "Kim",
    lastName: "Nguyen",
    email: "kim.nguyen@example.com",
    emailVerified: true,
    phone: "+15035550178",
    phoneVerified: true,
    state: { status: "active" },
    lastActivityAt: "2026-11-18T07:55:00.000Z",
    createdAt: "2020-01-07T08:00:00.000Z",
    address: { line1: "3021 SE Division St", city: "Portland", state: "OR", zip: "97202" },
    questions: [
      { prompt: PROMPTS.favouriteTeacher, answer: "Mrs. Park" },
      { prompt: PROMPTS.firstStreet, answer: "Oak Avenue" },
    ],
  },
];

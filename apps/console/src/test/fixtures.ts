import { AccountDetail, type AccountSummary, type Address, Staff } from "@recovery-desk/shared";
import { AVA, channelsOf, homeAddress, MARIA, MARIA_CONTACT, QUESTIONS } from "@recovery-desk/shared/samples";
import { elevatedRisk, lowRisk } from "./fake-risk.ts";

/** Demo staff, as in the product's demo world. Password for all: helpdesk-demo. */
export const DEMO_PASSWORD = "helpdesk-demo";

export const ava = Staff.parse({ id: "stf_ava", ...AVA });

type Defaulted = "mergedInto" | "mustChangePassword" | "contactMasked" | "verification" | "risk";
type AccountInit = Omit<AccountDetail, Defaulted | "addresses" | "channels"> &
  Partial<Pick<AccountDetail, Defaulted>> & {
    /** The home street, masked as an agent without an open verified window sees it. */
    home: Pick<Address, "id" | "line1" | "line2">;
    /** Which of the email and phone are verified; both unless said. */
    verified?: { email: boolean; phone: boolean };
  };

/**
 * Parses every fixture with the shared contract, so the fake API answers exactly what the real one may.
 * The home address lies in the account's city, and the channels show the account's masked contact.
 */
function account({ home, verified, ...init }: AccountInit): AccountDetail {
  return AccountDetail.parse({
    mergedInto: null,
    mustChangePassword: false,
    contactMasked: true,
    verification: null,
    risk: lowRisk,
    addresses: [homeAddress(init, { ...home, masked: true })],
    channels: channelsOf(init, verified),
    ...init,
  });
}

export const maria = account({
  id: "acc_maria01",
  ...MARIA,
  lastActivityAt: "2026-11-20T15:28:00.000Z",
  createdAt: "2019-06-02T12:00:00.000Z",
  duplicateCandidates: 0,
  home: { id: "adr_maria_home", line1: "••• W Washington St", line2: null },
  lock: { kind: "hard", lockedAt: "2026-11-20T15:30:00.000Z", lockedUntil: null, failedLogins: 15 },
  risk: elevatedRisk,
  securityQuestions: [
    { id: "sq_maria_pet", prompt: QUESTIONS.firstPet },
    { id: "sq_maria_city", prompt: QUESTIONS.birthCity },
  ],
});

export const tom = account({
  id: "acc_tom0001",
  username: "tom.becker",
  displayName: "Tom Becker",
  status: "deactivated",
  statusReason: "inactivity",
  emailMasked: "t••••@example.net",
  phoneMasked: "•••-•••-7781",
  city: "Peoria",
  state: "IL",
  zip5: "61602",
  lastActivityAt: "2021-03-14T12:00:00.000Z",
  createdAt: "2014-09-30T12:00:00.000Z",
  duplicateCandidates: 0,
  home: { id: "adr_tom_home", line1: "••• SW Adams St", line2: null },
  verified: { email: true, phone: false },
  lock: null,
  securityQuestions: [
    { id: "sq_tom_maiden", prompt: "What is your mother's maiden name?" },
    { id: "sq_tom_car", prompt: "What was the make of your first car?" },
  ],
});

const anaInit: AccountInit = {
  id: "acc_ana0001",
  username: "ana.silva",
  displayName: "Ana Silva",
  status: "active",
  statusReason: null,
  emailMasked: "a••••@example.com",
  phoneMasked: null,
  city: "Springfield",
  state: "IL",
  zip5: "62701",
  lastActivityAt: "2026-10-02T12:00:00.000Z",
  createdAt: "2020-01-15T12:00:00.000Z",
  duplicateCandidates: 1,
  home: { id: "adr_ana_home", line1: "••• N Main Street", line2: "Apt 4B" },
  verified: { email: true, phone: false },
  lock: null,
  securityQuestions: [
    { id: "sq_ana_pet", prompt: QUESTIONS.firstPet },
    { id: "sq_ana_school", prompt: "What high school did you attend?" },
  ],
};
export const ana = account(anaInit);

export const anaDuplicate = account({
  ...anaInit,
  id: "acc_ana0002",
  username: "anasilva1984",
  emailMasked: "a••••@example.org",
  createdAt: "2023-05-09T12:00:00.000Z",
  lastActivityAt: "2023-05-09T12:00:00.000Z",
  home: { id: "adr_ana2_home", line1: "••• North Main St", line2: "#4B" },
});

/** Thirty look-alike accounts, enough for more than one page of results. */
export const smiths: AccountDetail[] = Array.from({ length: 30 }, (_, index) =>
  account({
    ...anaInit,
    id: `acc_smith${String(index + 1).padStart(2, "0")}`,
    username: `j.smith${index + 1}`,
    displayName: `John Smith ${index + 1}`,
    duplicateCandidates: 0,
    city: "Chicago",
    zip5: "60601",
  }),
);

export const accounts: AccountDetail[] = [maria, tom, ana, anaDuplicate, ...smiths];

export function toSummary(detail: AccountDetail): AccountSummary {
  const {
    addresses,
    channels,
    lock,
    mergedInto,
    mustChangePassword,
    securityQuestions,
    contactMasked,
    verification,
    ...summary
  } = detail;
  return summary;
}

/**
 * The stored security answers, by question. They exist only here, for the fake API to check against
 * and to prove they never reach the screen.
 */
export const SECURITY_ANSWERS: Record<string, string> = {
  sq_maria_pet: "Biscuit",
  sq_maria_city: "San Antonio",
  sq_tom_maiden: "Schmidt",
  sq_tom_car: "Volkswagen",
  sq_ana_pet: "Luna",
  sq_ana_school: "Lincoln High",
};

export const SECRET_ANSWERS = Object.values(SECURITY_ANSWERS);

/** Full contact data on file, shown only to the agent holding an open verified window. */
export const CONTACT_ON_FILE: Record<
  string,
  { email: string | null; phone: string | null; streets: Record<string, string> }
> = {
  [maria.id]: { ...MARIA_CONTACT, streets: { adr_maria_home: "1208 W Washington St" } },
  [tom.id]: { email: "tom.becker@example.net", phone: "+13095557781", streets: { adr_tom_home: "410 SW Adams St" } },
  [ana.id]: { email: "ana.silva@example.com", phone: null, streets: { adr_ana_home: "1200 N Main Street" } },
};

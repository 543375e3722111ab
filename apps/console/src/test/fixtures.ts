import { AccountDetail, type AccountSummary, Staff } from "@recovery-desk/shared";

/** Demo staff, as in the product's demo world. Password for all: helpdesk-demo. */
export const DEMO_PASSWORD = "helpdesk-demo";

export const ava = Staff.parse({ id: "stf_ava", username: "ava.agent", displayName: "Ava Agent", role: "agent" });

type Defaulted = "mergedInto" | "mustChangePassword" | "contactMasked" | "verification";
type AccountInit = Omit<AccountDetail, Defaulted> & Partial<Pick<AccountDetail, Defaulted>>;

/** Parses every fixture with the shared contract, so the fake API answers exactly what the real one may. */
function account(init: AccountInit): AccountDetail {
  return AccountDetail.parse({
    mergedInto: null,
    mustChangePassword: false,
    contactMasked: true,
    verification: null,
    ...init,
  });
}

export const maria = account({
  id: "acc_maria01",
  username: "maria.lopez",
  displayName: "Maria Lopez",
  status: "locked",
  statusReason: "failed_logins",
  emailMasked: "m••••@example.com",
  phoneMasked: "•••-•••-0142",
  city: "Springfield",
  state: "IL",
  zip5: "62704",
  lastActivityAt: "2026-11-20T15:28:00.000Z",
  createdAt: "2019-06-02T12:00:00.000Z",
  duplicateCandidates: 0,
  addresses: [
    {
      id: "adr_maria_home",
      kind: "home",
      line1: "••• W Washington St",
      line2: null,
      city: "Springfield",
      state: "IL",
      zip5: "62704",
      masked: true,
    },
  ],
  channels: {
    email: { masked: "m••••@example.com", verified: true },
    phone: { masked: "•••-•••-0142", verified: true },
  },
  lock: { kind: "hard", lockedAt: "2026-11-20T15:30:00.000Z", lockedUntil: null, failedLogins: 15 },
  securityQuestions: [
    { id: "sq_maria_pet", prompt: "What was the name of your first pet?" },
    { id: "sq_maria_city", prompt: "In what city were you born?" },
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
  addresses: [
    {
      id: "adr_tom_home",
      kind: "home",
      line1: "••• SW Adams St",
      line2: null,
      city: "Peoria",
      state: "IL",
      zip5: "61602",
      masked: true,
    },
  ],
  channels: {
    email: { masked: "t••••@example.net", verified: true },
    phone: { masked: "•••-•••-7781", verified: false },
  },
  lock: null,
  securityQuestions: [
    { id: "sq_tom_maiden", prompt: "What is your mother's maiden name?" },
    { id: "sq_tom_car", prompt: "What was the make of your first car?" },
  ],
});

export const ana = account({
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
  addresses: [
    {
      id: "adr_ana_home",
      kind: "home",
      line1: "••• N Main Street",
      line2: "Apt 4B",
      city: "Springfield",
      state: "IL",
      zip5: "62701",
      masked: true,
    },
  ],
  channels: { email: { masked: "a••••@example.com", verified: true }, phone: { masked: null, verified: false } },
  lock: null,
  securityQuestions: [
    { id: "sq_ana_pet", prompt: "What was the name of your first pet?" },
    { id: "sq_ana_school", prompt: "What high school did you attend?" },
  ],
});

export const anaDuplicate = account({
  ...ana,
  id: "acc_ana0002",
  username: "anasilva1984",
  emailMasked: "a••••@example.org",
  createdAt: "2023-05-09T12:00:00.000Z",
  lastActivityAt: "2023-05-09T12:00:00.000Z",
  addresses: [
    {
      id: "adr_ana2_home",
      kind: "home",
      line1: "••• North Main St",
      line2: "#4B",
      city: "Springfield",
      state: "IL",
      zip5: "62701",
      masked: true,
    },
  ],
  channels: { email: { masked: "a••••@example.org", verified: true }, phone: { masked: null, verified: false } },
});

/** Thirty look-alike accounts, enough for more than one page of results. */
export const smiths: AccountDetail[] = Array.from({ length: 30 }, (_, index) =>
  account({
    ...ana,
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
  [maria.id]: {
    email: "maria.lopez@example.com",
    phone: "+12175550142",
    streets: { adr_maria_home: "1208 W Washington St" },
  },
  [tom.id]: { email: "tom.becker@example.net", phone: "+13095557781", streets: { adr_tom_home: "410 SW Adams St" } },
  [ana.id]: { email: "ana.silva@example.com", phone: null, streets: { adr_ana_home: "1200 N Main Street" } },
};

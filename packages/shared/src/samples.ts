/**
 * Sample records in the contract's shapes, one set for the OpenAPI document's examples and the
 * console's test fakes: the product's demo world (Maria Lopez locked out after travel, Ava the agent,
 * the login service's API key). Imported as `@recovery-desk/shared/samples`, never by the console's
 * own code.
 */
import type { AccountDetail, AccountSummary, Address, ApiKey, Merge, Staff } from "./index.ts";

/** Maria Lopez as a search lists her: locked after too many failed sign-ins. */
export const MARIA = {
  username: "maria.lopez",
  displayName: "Maria Lopez",
  status: "locked",
  statusReason: "failed_logins",
  emailMasked: "m••••@example.com",
  phoneMasked: "•••-•••-0142",
  city: "Springfield",
  state: "IL",
  zip5: "62704",
} satisfies Partial<AccountSummary>;

/** Maria's email and phone in full, as they are on file. */
export const MARIA_CONTACT = { email: "maria.lopez@example.com", phone: "+12175550142" };

/** Security question prompts of the demo accounts. */
export const QUESTIONS = {
  birthCity: "In what city were you born?",
  firstPet: "What was the name of your first pet?",
};

/** Ava the agent, who takes the calls. */
export const AVA = { username: "ava.agent", displayName: "Ava Agent", role: "agent" } satisfies Omit<Staff, "id">;

/** The login service's API key, which reports failed sign-ins. */
export const LOGIN_SERVICE_KEY = {
  name: "Login service (production)",
  prefix: "rdk_7q2m4x9k",
  scopes: ["login-events:write"],
  createdBy: "ada.admin",
  revokedAt: null,
} satisfies Partial<ApiKey>;

type Place = Pick<AccountSummary, "city" | "state" | "zip5">;

/** The account's home address, in the account's own city, state and ZIP code. */
export function homeAddress(
  account: Place,
  street: Pick<Address, "id" | "line1" | "line2" | "masked">,
): Address & { kind: "home" } {
  return { ...street, kind: "home", city: account.city ?? "", state: account.state ?? "", zip5: account.zip5 ?? "" };
}

/** The account's email and phone as channels, shown as the account shows them. */
export function channelsOf(
  account: Pick<AccountSummary, "emailMasked" | "phoneMasked">,
  verified: { email: boolean; phone: boolean } = { email: true, phone: true },
): AccountDetail["channels"] {
  return {
    email: { masked: account.emailMasked, verified: verified.email },
    phone: { masked: account.phoneMasked, verified: verified.phone },
  };
}

/** A merge's decision fields while it waits for a supervisor. */
export const UNDECIDED = {
  status: "pending_approval",
  decidedBy: null,
  decidedAt: null,
  decisionReason: null,
  completedAt: null,
  undoneBy: null,
  undoneAt: null,
  undoAvailableUntil: null,
} satisfies Partial<Merge>;

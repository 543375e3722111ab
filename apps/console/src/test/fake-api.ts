import type { AccountDetail, Staff } from "@recovery-desk/shared";
import { current } from "./fake-accounts.ts";
import { accounts, ava, DEMO_PASSWORD, toSummary } from "./fixtures.ts";
import { setSessionHint } from "./http.ts";

/**
 * A tiny in-memory stand-in for the Recovery Desk API, behind the msw handlers: who is signed in,
 * and how search matches. Reset before every test.
 */
let session: Staff | null = null;

export const fakeApi = {
  /** Who is signed in on the server. Starting a session also gives the browser the API's signed-in hint cookie. */
  get session(): Staff | null {
    return session;
  },
  set session(staff: Staff | null) {
    session = staff;
    if (staff) setSessionHint(true);
  },
  staff: [ava],
  requestCount: 0,
};

export function resetFakeApi(): void {
  session = null;
  setSessionHint(false);
  fakeApi.requestCount = 0;
}

export function signInAs(staff: Staff = ava): void {
  fakeApi.session = staff;
}

export function checkPassword(username: string, password: string): Staff | null {
  const staff = fakeApi.staff.find((s) => s.username === username);
  return staff && password === DEMO_PASSWORD ? staff : null;
}

const digits = (text: string) => text.replace(/\D/g, "");

/** Rough version of the API's matching: username prefix, name, ZIP, or the last four digits of a phone. */
function matches(account: AccountDetail, q: string): boolean {
  const query = q.toLowerCase();
  if (account.username.startsWith(query)) return true;
  if (account.displayName.toLowerCase().includes(query)) return true;
  if (account.zip5 === q) return true;
  const phone = digits(q);
  return phone.length >= 4 && account.phoneMasked?.endsWith(phone.slice(-4)) === true;
}

export function searchAccounts(params: URLSearchParams) {
  const q = params.get("q")?.trim() ?? "";
  const status = params.get("status");
  const limit = Number(params.get("limit") ?? 50);
  const offset = Number(params.get("cursor") ?? 0);
  const found = accounts.map(current).filter((a) => (!q || matches(a, q)) && (!status || a.status === status));
  const items = found.slice(offset, offset + limit).map(toSummary);
  const nextCursor = offset + limit < found.length ? String(offset + limit) : null;
  return { items, nextCursor, accountsLoaded: accounts.length > 0 };
}

/** The account as it is now in this test, with whatever actions changed. */
export function findAccount(id: string): AccountDetail | undefined {
  const account = accounts.find((a) => a.id === id);
  return account ? current(account) : undefined;
}

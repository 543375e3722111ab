import type { AccountDetail } from "@recovery-desk/shared";

/**
 * How accounts changed during a test (a lock lifted, a merge), kept apart from the fixtures so every
 * test starts from the same demo world.
 */
export const fakeAccounts = {
  changes: new Map<string, Partial<AccountDetail>>(),
};

export function resetFakeAccounts(): void {
  fakeAccounts.changes.clear();
}

/** Changes an account for the rest of the test, as the API would after an action. */
export function changeAccount(id: string, change: Partial<AccountDetail>): void {
  fakeAccounts.changes.set(id, { ...fakeAccounts.changes.get(id), ...change });
}

/** The account as it is now in this test. */
export function current(account: AccountDetail): AccountDetail {
  const change = fakeAccounts.changes.get(account.id);
  return change ? { ...account, ...change } : account;
}

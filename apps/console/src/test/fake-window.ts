import type { AccountDetail, Staff } from "@recovery-desk/shared";
import { type FakeVerification, fakeVerification } from "./fake-verification-state.ts";
import { CONTACT_ON_FILE } from "./fixtures.ts";

/** The agent's open verified window for the account, if any. */
export function openWindowOf(staff: Staff | null, accountId: string): FakeVerification | undefined {
  const now = Date.now();
  return [...fakeVerification.verifications.values()]
    .filter(
      (v) =>
        v.staffId === staff?.id && v.accountId === accountId && v.status === "verified" && (v.verifiedUntil ?? 0) > now,
    )
    .sort((a, b) => (b.verifiedUntil ?? 0) - (a.verifiedUntil ?? 0))[0];
}

/** An account as this agent sees it: full contact data while they hold an open verified window. */
export function accountAsSeenBy(account: AccountDetail, staff: Staff | null): AccountDetail {
  const open = openWindowOf(staff, account.id);
  if (!open?.verifiedAt || !open.verifiedUntil) return account;
  const full = CONTACT_ON_FILE[account.id];
  const email = full?.email ?? account.emailMasked;
  const phone = full?.phone ?? account.phoneMasked;
  return {
    ...account,
    emailMasked: email,
    phoneMasked: phone,
    channels: {
      email: { ...account.channels.email, masked: email },
      phone: { ...account.channels.phone, masked: phone },
    },
    addresses: account.addresses.map((a) => ({ ...a, line1: full?.streets[a.id] ?? a.line1, masked: false })),
    contactMasked: false,
    verification: {
      verificationId: open.id,
      method: open.method,
      caseRef: open.caseRef,
      verifiedAt: new Date(open.verifiedAt).toISOString(),
      verifiedUntil: new Date(open.verifiedUntil).toISOString(),
      evidence: open.evidence,
    },
  };
}

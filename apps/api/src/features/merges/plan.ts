import type { AccountRow, AddressRow } from "../../db/schema/index.ts";

/** The survivor's columns a merge may set: contact channels it lacked, and the latest activity. */
export type SurvivorColumns = Partial<
  Pick<AccountRow, "email" | "emailVerified" | "phone" | "phoneVerified" | "lastActivityAt">
>;

/** What a merge changes, worked out from the rows as they were before it. */
export interface MergeChanges {
  /** Set on the survivor. */
  survivor: SurvivorColumns;
  /** Addresses of the merged accounts that move to the survivor (it has none with the same key). */
  movedAddresses: AddressRow[];
}

/**
 * What a merge changes besides the merged accounts' state. Approval applies it; undo works it out
 * again from the snapshot (same rows, same order), to know which values are the merge's own.
 */
export function mergeChanges(survivor: AccountRow, others: AccountRow[], addressRows: AddressRow[]): MergeChanges {
  const survivorKeys = new Set(addressRows.filter((a) => a.accountId === survivor.id).map((a) => a.addressKey));
  const movedAddresses: AddressRow[] = [];
  for (const address of addressRows) {
    if (address.accountId === survivor.id || survivorKeys.has(address.addressKey)) continue;
    survivorKeys.add(address.addressKey);
    movedAddresses.push(address);
  }

  const withEmail = others.find((r) => r.email && r.emailVerified) ?? others.find((r) => r.email);
  const withPhone = others.find((r) => r.phone && r.phoneVerified) ?? others.find((r) => r.phone);
  const latest = Math.max(...[survivor, ...others].map((r) => r.lastActivityAt?.getTime() ?? 0));
  return {
    survivor: {
      ...(!survivor.email && withEmail ? { email: withEmail.email, emailVerified: withEmail.emailVerified } : {}),
      ...(!survivor.phone && withPhone ? { phone: withPhone.phone, phoneVerified: withPhone.phoneVerified } : {}),
      lastActivityAt: latest > 0 ? new Date(latest) : survivor.lastActivityAt,
    },
    movedAddresses,
  };
}

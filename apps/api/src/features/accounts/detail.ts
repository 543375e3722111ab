import { type AccountDetail, maskEmail, maskPhone, maskStreetLine } from "@recovery-desk/shared";
import { asc, eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.ts";
import { queryRows } from "../../db/rows.ts";
import { accounts, addresses, securityQuestions, type VerificationRow } from "../../db/schema/index.ts";
import { notFound } from "../../http/errors.ts";
import { homeAddressJoin, lockHasEnded, type SummaryRow, summarySelect, toSummary } from "./summary.ts";

/**
 * An account as an agent sees it. Contact data and house numbers are masked unless `window` is
 * the requesting agent's open verified window for this account; security questions come as
 * prompts only, never answers.
 */
export async function getAccountDetail(
  db: Executor,
  accountId: string,
  now: Date,
  window: VerificationRow | null = null,
): Promise<AccountDetail> {
  const [row] = await queryRows<SummaryRow>(
    db,
    sql`select ${summarySelect} from accounts a ${homeAddressJoin} where a.id = ${accountId}`,
  );
  if (!row) throw notFound("The account");

  const [account, addressRows, questionRows] = await Promise.all([
    db
      .select({
        emailVerified: accounts.emailVerified,
        phoneVerified: accounts.phoneVerified,
        lockKind: accounts.lockKind,
        lockedAt: accounts.lockedAt,
        lockedUntil: accounts.lockedUntil,
        failedLoginCount: accounts.failedLoginCount,
        mergedInto: accounts.mergedInto,
        mustChangePassword: accounts.mustChangePassword,
      })
      .from(accounts)
      .where(eq(accounts.id, accountId))
      .then((r) => r[0]),
    db
      .select()
      .from(addresses)
      .where(eq(addresses.accountId, accountId))
      .orderBy(sql`(${addresses.kind} = 'home') desc`, asc(addresses.createdAt), asc(addresses.id)),
    db
      .select({ id: securityQuestions.id, prompt: securityQuestions.prompt })
      .from(securityQuestions)
      .where(eq(securityQuestions.accountId, accountId))
      .orderBy(asc(securityQuestions.position)),
  ]);
  if (!account) throw notFound("The account");

  const summary = toSummary(row, now);
  const open = window !== null && window.accountId === accountId;
  const email = row.email ? (open ? row.email : maskEmail(row.email)) : null;
  const phone = row.phone ? (open ? row.phone : maskPhone(row.phone)) : null;
  const locked =
    summary.status === "locked" &&
    account.lockKind &&
    account.lockedAt &&
    !lockHasEnded(account.lockKind, account.lockedUntil, now);
  return {
    ...summary,
    emailMasked: email,
    phoneMasked: phone,
    addresses: addressRows.map((a) => ({
      id: a.id,
      kind: a.kind,
      line1: open ? a.line1 : maskStreetLine(a.line1),
      line2: a.line2,
      city: a.city,
      state: a.state,
      zip5: a.zip5,
      masked: !open,
    })),
    channels: {
      email: { masked: email, verified: account.emailVerified },
      phone: { masked: phone, verified: account.phoneVerified },
    },
    lock:
      locked && account.lockKind && account.lockedAt
        ? {
            kind: account.lockKind,
            lockedAt: account.lockedAt.toISOString(),
            lockedUntil: account.lockKind === "temporary" ? (account.lockedUntil?.toISOString() ?? null) : null,
            failedLogins: account.failedLoginCount,
          }
        : null,
    mergedInto: account.mergedInto,
    mustChangePassword: account.mustChangePassword,
    securityQuestions: questionRows,
    contactMasked: !open,
    verification:
      open && window.verifiedAt && window.verifiedUntil
        ? {
            verificationId: window.id,
            method: window.method,
            caseRef: window.caseRef,
            verifiedAt: window.verifiedAt.toISOString(),
            verifiedUntil: window.verifiedUntil.toISOString(),
          }
        : null,
  };
}

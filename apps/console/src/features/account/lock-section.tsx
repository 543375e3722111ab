import type { Lock, StatusReason } from "@recovery-desk/shared";
import { describeLockKind } from "../../lib/account-words.ts";
import { formatDateTime } from "../../lib/format.ts";
import { Section } from "../../ui/card.tsx";
import { DescriptionItem, DescriptionList } from "../../ui/description-list.tsx";

/** The kind of lock on an account held on its owner's report (said here only, so account search does not carry it). */
const HELD_LOCK = "Held on the owner's report — only a supervisor lifts it, after verifying the caller with a code";

/** Why the customer cannot sign in, and whether time alone will fix it. */
export function LockSection({ lock, statusReason }: { lock: Lock; statusReason: StatusReason | null }) {
  return (
    <Section title="Sign-in lock" className="section--alert">
      <DescriptionList>
        <DescriptionItem term="Kind">
          {statusReason === "reported_by_owner" ? HELD_LOCK : describeLockKind(lock)}
        </DescriptionItem>
        <DescriptionItem term="Locked at">
          <time dateTime={lock.lockedAt}>{formatDateTime(lock.lockedAt)}</time>
        </DescriptionItem>
        {lock.kind === "temporary" && lock.lockedUntil ? (
          <DescriptionItem term="Locked until">
            <time dateTime={lock.lockedUntil}>{formatDateTime(lock.lockedUntil)}</time>
          </DescriptionItem>
        ) : null}
        <DescriptionItem term="Failed sign-ins">{lock.failedLogins}</DescriptionItem>
      </DescriptionList>
    </Section>
  );
}

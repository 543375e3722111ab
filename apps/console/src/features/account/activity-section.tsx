import type { AccountDetail } from "@recovery-desk/shared";
import { formatDate } from "../../lib/format.ts";
import { Section } from "../../ui/card.tsx";
import { DescriptionItem, DescriptionList } from "../../ui/description-list.tsx";

/** When the account was made and last used. */
export function ActivitySection({ account }: { account: AccountDetail }) {
  return (
    <Section title="Activity">
      <DescriptionList>
        <DescriptionItem term="Last activity">
          {account.lastActivityAt ? (
            <time dateTime={account.lastActivityAt}>{formatDate(account.lastActivityAt)}</time>
          ) : (
            "Never signed in"
          )}
        </DescriptionItem>
        <DescriptionItem term="Created">
          <time dateTime={account.createdAt}>{formatDate(account.createdAt)}</time>
        </DescriptionItem>
        <DescriptionItem term="Account id">
          <code className="reference">{account.id}</code>
        </DescriptionItem>
      </DescriptionList>
    </Section>
  );
}

import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { accountQuery } from "../../api/accounts.ts";

/** A link to an account, named by its owner and username once the account has loaded. */
export function AccountLink({ accountId }: { accountId: string }) {
  const { data } = useQuery(accountQuery(accountId));
  return (
    <Link to="/accounts/$accountId" params={{ accountId }}>
      {data ? `${data.displayName} (${data.username})` : accountId}
    </Link>
  );
}

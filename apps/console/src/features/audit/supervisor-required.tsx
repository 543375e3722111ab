import { RoleRequired } from "../route-states/role-required.tsx";

/** What an agent sees at the audit page's address. */
export function SupervisorRequired({ refusedByServer = false }: { refusedByServer?: boolean }) {
  return (
    <RoleRequired
      needed="supervisor"
      what="The audit trail (who did what to an account, when and why) is for supervisors and admins."
      advice="If a caller's account history is what you need, open the account: its history is on the account page."
      refusedByServer={refusedByServer}
    />
  );
}

import { RoleRequired } from "../route-states/role-required.tsx";

/** What someone without the admin role sees at an admin address. */
export function AdminRequired({ refusedByServer = false }: { refusedByServer?: boolean }) {
  return (
    <RoleRequired
      needed="admin"
      what="Administration (API keys and staff accounts) is for admins only."
      advice="If you need an API key or a change to someone's access, ask an admin."
      refusedByServer={refusedByServer}
    />
  );
}

import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { outboxAvailableQuery } from "../../api/outbox.ts";

/** "Outbox" in the main navigation, only on a demo server (where the outbox answers). */
export function OutboxNavLink() {
  const { data: available } = useQuery(outboxAvailableQuery());
  if (!available) return null;
  return (
    <li>
      <Link to="/outbox" className="nav-link">
        Outbox
      </Link>
    </li>
  );
}

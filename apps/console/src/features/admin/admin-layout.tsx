import { Link, Outlet } from "@tanstack/react-router";
import "./admin.css";

/** The admin section: its own small navigation above each admin page. */
export function AdminLayout() {
  return (
    <div className="stack stack--lg">
      <nav aria-label="Administration" className="admin-nav">
        <ul className="cluster">
          <li>
            <Link to="/admin/api-keys" className="admin-nav__link">
              API keys
            </Link>
          </li>
          <li>
            <Link to="/admin/staff" className="admin-nav__link">
              Staff
            </Link>
          </li>
          <li>
            <Link to="/admin/webhooks" className="admin-nav__link">
              Webhooks
            </Link>
          </li>
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}

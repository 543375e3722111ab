import type { Staff } from "@recovery-desk/shared";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { ROLE_LABELS } from "../../lib/account-words.ts";
import { Badge } from "../../ui/badge.tsx";
import { ToastViewport } from "../../ui/toast.tsx";
import { Toasts } from "../../ui/toasts.tsx";
import { VisuallyHidden } from "../../ui/visually-hidden.tsx";
import { AdminNavLink } from "../admin/admin-nav-link.tsx";
import { AlertsNavLink } from "../alerts/alerts-nav-link.tsx";
import { AuditNavLink } from "../audit/audit-nav-link.tsx";
import { MergesNavLink } from "../merges/merges-nav-link.tsx";
import { OutboxNavLink } from "../outbox/outbox-nav-link.tsx";
import { Frame } from "./frame.tsx";
import { SignOutButton } from "./sign-out-button.tsx";
import { ThemeToggle } from "./theme-toggle.tsx";

/**
 * The frame around every signed-in page: who is signed in, where to go, the page itself, and the
 * corner where toasts appear (F8 moves the keyboard there).
 */
export function AppShell({ staff, children }: { staff: Staff; children: ReactNode }) {
  return (
    <Toasts>
      <Frame
        header={
          <>
            <nav aria-label="Main" className="shell__nav">
              <ul className="shell__nav-list">
                <li>
                  <Link to="/accounts" className="nav-link" activeOptions={{ includeSearch: false }}>
                    Account search
                  </Link>
                </li>
                <OutboxNavLink />
                <AuditNavLink staff={staff} />
                <MergesNavLink staff={staff} />
                <AlertsNavLink staff={staff} />
                <AdminNavLink staff={staff} />
              </ul>
            </nav>
            <div className="shell__user cluster">
              <p className="shell__person">
                <VisuallyHidden>Signed in as </VisuallyHidden>
                <span className="shell__name" title={staff.displayName}>
                  {staff.displayName}
                </span>{" "}
                <Badge tone="neutral">
                  <VisuallyHidden>role: </VisuallyHidden>
                  {ROLE_LABELS[staff.role]}
                </Badge>
              </p>
              <ThemeToggle />
              <SignOutButton />
            </div>
          </>
        }
      >
        {children}
      </Frame>
      <ToastViewport />
    </Toasts>
  );
}

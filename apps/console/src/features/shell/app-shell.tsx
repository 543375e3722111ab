import type { Staff } from "@recovery-desk/shared";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { ROLE_LABELS } from "../../lib/account-words.ts";
import { Badge } from "../../ui/badge.tsx";
import { ToastViewport } from "../../ui/toast.tsx";
import { VisuallyHidden } from "../../ui/visually-hidden.tsx";
import { AdminNavLink } from "../admin/admin-nav-link.tsx";
import { AuditNavLink } from "../audit/audit-nav-link.tsx";
import { MergesNavLink } from "../merges/merges-nav-link.tsx";
import { OutboxNavLink } from "../outbox/outbox-nav-link.tsx";
import { Toasts } from "../toasts/toasts.tsx";
import { SignOutButton } from "./sign-out-button.tsx";
import { SkipLink } from "./skip-link.tsx";
import { ThemeToggle } from "./theme-toggle.tsx";

export const MAIN_ID = "main";

/**
 * The frame around every signed-in page: who is signed in, where to go, the page itself, and the
 * corner where toasts appear (F8 moves the keyboard there).
 */
export function AppShell({ staff, children }: { staff: Staff; children: ReactNode }) {
  return (
    <Toasts>
      <div className="shell">
        <SkipLink targetId={MAIN_ID} />
        <header className="shell__header">
          <div className="container shell__bar">
            <Link to="/accounts" className="brand">
              Recovery Desk
            </Link>
            <nav aria-label="Main" className="shell__nav">
              <ul className="cluster">
                <li>
                  <Link to="/accounts" className="nav-link" activeOptions={{ includeSearch: false }}>
                    Account search
                  </Link>
                </li>
                <OutboxNavLink />
                <AuditNavLink staff={staff} />
                <MergesNavLink staff={staff} />
                <AdminNavLink staff={staff} />
              </ul>
            </nav>
            <div className="shell__user cluster">
              <p className="shell__person">
                <VisuallyHidden>Signed in as </VisuallyHidden>
                <span className="shell__name">{staff.displayName}</span>{" "}
                <Badge tone="neutral">
                  <VisuallyHidden>role: </VisuallyHidden>
                  {ROLE_LABELS[staff.role]}
                </Badge>
              </p>
              <ThemeToggle />
              <SignOutButton />
            </div>
          </div>
        </header>
        <main id={MAIN_ID} tabIndex={-1} className="container shell__main">
          {children}
        </main>
        <ToastViewport />
      </div>
    </Toasts>
  );
}

import type { Staff } from "@recovery-desk/shared";
import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { ROLE_LABELS } from "../../lib/account-words.ts";
import { Badge } from "../../ui/badge.tsx";
import { VisuallyHidden } from "../../ui/visually-hidden.tsx";
import { OutboxNavLink } from "../outbox/outbox-nav-link.tsx";
import { SignOutButton } from "./sign-out-button.tsx";
import { SkipLink } from "./skip-link.tsx";
import { ThemeToggle } from "./theme-toggle.tsx";

export const MAIN_ID = "main";

/** The frame around every signed-in page: who is signed in, where to go, and the page itself. */
export function AppShell({ staff, children }: { staff: Staff; children: ReactNode }) {
  return (
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
    </div>
  );
}

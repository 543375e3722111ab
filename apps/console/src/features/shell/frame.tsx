import { Link } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { SkipLink } from "./skip-link.tsx";

export const MAIN_ID = "main";

/**
 * The frame of every page but sign-in: the skip link, the header with the console's name (and, once
 * the console knows who is signed in, what `header` adds: navigation and the person), and the page
 * in the main landmark. Pages the console cannot show (a failed session check) still get it.
 */
export function Frame({ header, children }: { header?: ReactNode; children: ReactNode }) {
  return (
    <div className="shell">
      <SkipLink targetId={MAIN_ID} />
      <header className="shell__header">
        <div className="container shell__bar">
          <Link to="/accounts" className="brand">
            Recovery Desk
          </Link>
          {header}
        </div>
      </header>
      <main id={MAIN_ID} tabIndex={-1} className="container shell__main">
        {children}
      </main>
    </div>
  );
}

import "./role-required.css";
import type { Role } from "@recovery-desk/shared";
import { getRouteApi, useMatches } from "@tanstack/react-router";
import { useEffect, useRef } from "react";
import { isApiProblem } from "../../api/problem.ts";
import { RoleRequiredError, type RoleRequiredWords } from "../../app/require-role.ts";
import { ROLE_LABELS } from "../../lib/account-words.ts";
import { ShieldIcon } from "../icons.tsx";
import { GoToSearch } from "./go-to-search.tsx";

const authenticatedRoute = getRouteApi("/_authenticated");

export interface RoleRequiredProps extends RoleRequiredWords {
  /** The lowest role the page needs. */
  needed: Role;
  /** The API said 403 although the console thought the role was enough (it changed during the session). */
  refusedByServer?: boolean;
}

/** What someone without the needed role sees at a page's address: the role needed, theirs, and where to go instead. */
export function RoleRequired({ needed, what, advice, refusedByServer = false }: RoleRequiredProps) {
  const { staff } = authenticatedRoute.useRouteContext();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const label = ROLE_LABELS[needed].toLowerCase();

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <div className="route-state stack role-required">
      <title>{`${ROLE_LABELS[needed]} role needed — Recovery Desk`}</title>
      <ShieldIcon className="role-required__icon" />
      <h1 ref={headingRef} tabIndex={-1} className="page-title">
        You need the {label} role
      </h1>
      <p>{what}</p>
      {refusedByServer ? (
        <p>
          The service refused because your role no longer includes it. Sign out and in again to see what your role
          allows now.
        </p>
      ) : (
        <p>
          You are signed in as {staff.displayName}, with the {ROLE_LABELS[staff.role]} role. {advice}
        </p>
      )}
      <div className="cluster">
        <GoToSearch />
      </div>
    </div>
  );
}

/**
 * The role page for an error, or null when the error is not about a role: the guard's `RoleRequiredError`,
 * or the API's 403 on a page guarded by `requireRole` (the role was taken away during the session).
 */
export function useRoleRefusal(error: unknown): RoleRequiredProps | null {
  const matches = useMatches();
  const words = matches.findLast((match) => match.staticData.roleRequired)?.staticData.roleRequired;
  if (!words) return null;
  if (error instanceof RoleRequiredError) return { needed: error.role, ...words };
  if (!isApiProblem(error) || error.code !== "forbidden") return null;
  const guarded = matches.findLast((match) => "requiredRole" in match.context)?.context;
  if (!guarded || !("requiredRole" in guarded)) return null;
  return { needed: guarded.requiredRole, ...words, refusedByServer: true };
}

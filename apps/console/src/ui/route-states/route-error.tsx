import { type ErrorComponentProps, Link, useRouter } from "@tanstack/react-router";
import { useEffect, useRef } from "react";
import { isApiProblem } from "../../api/problem.ts";
import { Button } from "../button.tsx";
import { ProblemNotice } from "../problem-notice.tsx";
import { GoToSearch } from "./go-to-search.tsx";
import { RoleRequired, useRoleRefusal } from "./role-required.tsx";

/**
 * Every page's error component. A page guarded by `requireRole` and refused for the role explains
 * which role it needs; any other failure is told in words, with a reference for support and a way on.
 */
export function RouteError(props: ErrorComponentProps) {
  const refusal = useRoleRefusal(props.error);
  return refusal ? <RoleRequired {...refusal} /> : <PageError {...props} />;
}

function PageError({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const sessionEnded = isApiProblem(error) && error.code === "unauthenticated";

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  async function tryAgain() {
    await router.invalidate();
    reset();
  }

  return (
    <div className="route-state stack">
      <h1 ref={headingRef} tabIndex={-1} className="page-title">
        {sessionEnded ? "Your session has ended" : "This page could not be shown"}
      </h1>
      <ProblemNotice
        error={error}
        onRetry={sessionEnded ? undefined : tryAgain}
        title={sessionEnded ? "Signed out" : "The page did not load"}
        actions={
          sessionEnded ? (
            <Button variant="primary" asChild>
              <Link to="/login" search={{ redirect: router.state.location.href }}>
                Sign in again
              </Link>
            </Button>
          ) : (
            <GoToSearch variant="secondary" />
          )
        }
      />
    </div>
  );
}

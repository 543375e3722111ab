import type { LoginRequest } from "@recovery-desk/shared";
import { useMutation } from "@tanstack/react-query";
import { getRouteApi, useRouter } from "@tanstack/react-router";
import { type FormEvent, useRef, useState } from "react";
import { readLoginRequest } from "../../api/auth.ts";
import { isApiProblem } from "../../api/problem.ts";
import { describeSignInProblem, type ProblemMessage } from "../../lib/problem-words.ts";
import { Alert, AlertRegion } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { Field } from "../../ui/field.tsx";
import { Input } from "../../ui/input.tsx";
import { ProblemNotice } from "../../ui/problem-notice.tsx";

const routeApi = getRouteApi("/login");

type CredentialField = "username" | "password";

/** Staff sign-in. Keyboard first: the username box has focus, Enter signs in. */
export function SignInScreen() {
  const { auth } = routeApi.useRouteContext();
  const { redirect, session } = routeApi.useSearch();
  const router = useRouter();
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<ProblemMessage | null>(null);
  const [invalidField, setInvalidField] = useState<CredentialField | null>(null);
  // Sent here because the server ended the session (idle too long, time limit, access removed): say so.
  const sessionEnded = session === "ended" && problem === null;
  const describedBy = problem || sessionEnded ? "sign-in-problem" : undefined;

  const signIn = useMutation({
    mutationFn: auth.signIn,
    onSuccess: () => router.navigate({ href: redirect ?? "/accounts", replace: true }),
    onError: (error) => {
      setProblem(describeSignInProblem(error));
      if (isApiProblem(error) && error.code === "invalid_credentials" && passwordRef.current) {
        // Let the agent type the password again straight away.
        passwordRef.current.value = "";
        passwordRef.current.focus();
      }
    },
  });

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (signIn.isPending) return;
    const form = new FormData(event.currentTarget);
    const username = String(form.get("username") ?? "");
    const password = String(form.get("password") ?? "");
    const missing: CredentialField | null = !username.trim() ? "username" : !password ? "password" : null;
    if (missing) {
      setInvalidField(missing);
      setProblem({
        message: missing === "username" ? "Enter your username." : "Enter your password.",
        requestId: null,
      });
      (missing === "username" ? usernameRef : passwordRef).current?.focus();
      return;
    }
    let credentials: LoginRequest | null;
    try {
      credentials = await readLoginRequest({ username, password });
    } catch (error) {
      setProblem(describeSignInProblem(error));
      return;
    }
    if (!credentials) {
      setInvalidField(null);
      setProblem({ message: "That username or password is too long.", requestId: null });
      return;
    }
    setInvalidField(null);
    setProblem(null);
    signIn.mutate(credentials);
  }

  return (
    <main className="card-page">
      <title>Sign in — Recovery Desk</title>
      <Card className="card-page__card stack">
        <div>
          <p className="brand brand--large">Recovery Desk</p>
          <h1 className="page-title">Sign in</h1>
          <p className="muted">Staff sign-in for the account-recovery line.</p>
        </div>
        <AlertRegion id="sign-in-problem">
          {problem ? (
            <ProblemNotice title={null} problem={problem} />
          ) : sessionEnded ? (
            <Alert tone="info" title="Your session has ended">
              <p>Sign in again to carry on where you were.</p>
            </Alert>
          ) : null}
        </AlertRegion>
        <form className="stack" onSubmit={handleSubmit} noValidate>
          <Field label="Username" id="username" invalid={invalidField === "username"} describedBy={[describedBy]}>
            {(control) => (
              <Input
                ref={usernameRef}
                {...control}
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                // Focus on load: the sign-in page has one job; agents start typing at once.
                autoFocus
                required
              />
            )}
          </Field>
          <Field label="Password" id="password" invalid={invalidField === "password"} describedBy={[describedBy]}>
            {(control) => (
              <Input
                ref={passwordRef}
                {...control}
                name="password"
                type="password"
                autoComplete="current-password"
                required
              />
            )}
          </Field>
          <Button type="submit" variant="primary" busy={signIn.isPending} className="button--block">
            {signIn.isPending ? "Signing in…" : "Sign in"}
          </Button>
        </form>
      </Card>
    </main>
  );
}

import { LoginRequest } from "@recovery-desk/shared";
import { useMutation } from "@tanstack/react-query";
import { getRouteApi, useRouter } from "@tanstack/react-router";
import { type FormEvent, useRef, useState } from "react";
import { isApiProblem } from "../../api/problem.ts";
import { describeSignInProblem, type ProblemMessage } from "../../lib/problem-words.ts";
import { Alert, AlertRegion } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { Input } from "../../ui/input.tsx";
import { Label } from "../../ui/label.tsx";

const routeApi = getRouteApi("/login");

type Field = "username" | "password";

/** Staff sign-in. Keyboard first: the username box has focus, Enter signs in. */
export function SignInScreen() {
  const { auth } = routeApi.useRouteContext();
  const { redirect } = routeApi.useSearch();
  const router = useRouter();
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<ProblemMessage | null>(null);
  const [invalidField, setInvalidField] = useState<Field | null>(null);

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

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (signIn.isPending) return;
    const form = new FormData(event.currentTarget);
    const username = String(form.get("username") ?? "");
    const password = String(form.get("password") ?? "");
    const missing: Field | null = !username.trim() ? "username" : !password ? "password" : null;
    if (missing) {
      setInvalidField(missing);
      setProblem({
        message: missing === "username" ? "Enter your username." : "Enter your password.",
        requestId: null,
      });
      (missing === "username" ? usernameRef : passwordRef).current?.focus();
      return;
    }
    const parsed = LoginRequest.safeParse({ username, password });
    if (!parsed.success) {
      setInvalidField(null);
      setProblem({ message: "That username or password is too long.", requestId: null });
      return;
    }
    setInvalidField(null);
    setProblem(null);
    signIn.mutate(parsed.data);
  }

  return (
    <main className="sign-in">
      <title>Sign in — Recovery Desk</title>
      <Card className="sign-in__card stack">
        <div>
          <p className="brand brand--large">Recovery Desk</p>
          <h1 className="page-title">Sign in</h1>
          <p className="muted">Staff sign-in for the account-recovery line.</p>
        </div>
        <AlertRegion id="sign-in-problem">
          {problem ? (
            <Alert tone="danger">
              <p>{problem.message}</p>
              {problem.requestId ? (
                <p className="muted">
                  Reference <code className="reference">{problem.requestId}</code>
                </p>
              ) : null}
            </Alert>
          ) : null}
        </AlertRegion>
        <form className="stack" onSubmit={handleSubmit} noValidate>
          <div className="field">
            <Label htmlFor="username">Username</Label>
            <Input
              ref={usernameRef}
              id="username"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              // Focus on load: the sign-in page has one job; agents start typing at once.
              autoFocus
              required
              aria-invalid={invalidField === "username" || undefined}
              aria-describedby={problem ? "sign-in-problem" : undefined}
            />
          </div>
          <div className="field">
            <Label htmlFor="password">Password</Label>
            <Input
              ref={passwordRef}
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              aria-invalid={invalidField === "password" || undefined}
              aria-describedby={problem ? "sign-in-problem" : undefined}
            />
          </div>
          <Button type="submit" variant="primary" busy={signIn.isPending} className="button--block">
            {signIn.isPending ? "Signing in…" : "Sign in"}
          </Button>
        </form>
      </Card>
    </main>
  );
}

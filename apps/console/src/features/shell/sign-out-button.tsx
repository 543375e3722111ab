import { useMutation } from "@tanstack/react-query";
import { getRouteApi, useRouter } from "@tanstack/react-router";
import { Alert, AlertRegion } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";

const routeApi = getRouteApi("/_authenticated");

/** Ends the session on the server, forgets every loaded account, and returns to sign-in. */
export function SignOutButton() {
  const { auth } = routeApi.useRouteContext();
  const router = useRouter();
  const signOut = useMutation({
    mutationFn: auth.signOut,
    onSuccess: () => router.navigate({ to: "/login", replace: true }),
  });

  return (
    <>
      <Button variant="quiet" size="sm" busy={signOut.isPending} onClick={() => signOut.mutate()}>
        {signOut.isPending ? "Signing out…" : "Sign out"}
      </Button>
      <AlertRegion className="shell__alert">
        {signOut.isError ? (
          <Alert tone="danger">
            <p>Sign-out did not finish, so this session is still open. Try again.</p>
          </Alert>
        ) : null}
      </AlertRegion>
    </>
  );
}

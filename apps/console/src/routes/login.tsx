import { createFileRoute, redirect } from "@tanstack/react-router";
import { meQuery } from "../api/auth.ts";
import { SignInSearch } from "../features/sign-in/sign-in-schema.ts";
import { SignInScreen } from "../features/sign-in/sign-in-screen.tsx";

export const Route = createFileRoute("/login")({
  validateSearch: SignInSearch,
  beforeLoad: ({ context, search }) => {
    // Someone already signed in in this tab goes straight on.
    if (context.queryClient.getQueryData(meQuery().queryKey)) {
      throw redirect({ href: search.redirect ?? "/accounts", replace: true });
    }
  },
  component: SignInScreen,
});

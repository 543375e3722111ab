import type { LoginRequest, Staff } from "@recovery-desk/shared";
import type { QueryClient } from "@tanstack/react-query";
import { authKeys, login, logout } from "../api/auth.ts";
import { isApiProblem } from "../api/problem.ts";

/** Sign-in and sign-out, shared with every route through the router context. */
export type AuthState = {
  signIn: (credentials: LoginRequest) => Promise<Staff>;
  /** Ends the session on the server and forgets everything the console had loaded. */
  signOut: () => Promise<void>;
};

export function createAuthState(queryClient: QueryClient): AuthState {
  return {
    async signIn(credentials) {
      const staff = await login(credentials);
      // Nothing from an earlier person's session may leak into this one.
      queryClient.clear();
      queryClient.setQueryData(authKeys.me, staff);
      return staff;
    },
    async signOut() {
      try {
        await logout();
      } catch (error) {
        // A session that already ended is as good as a finished sign-out.
        if (!(isApiProblem(error) && error.code === "unauthenticated")) throw error;
      }
      queryClient.clear();
    },
  };
}

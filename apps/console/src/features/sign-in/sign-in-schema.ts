import { z } from "zod";

/** Only a path on this console may be a place to return to after sign-in, never another site. */
function isSafeReturnPath(path: string): boolean {
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") && !path.startsWith("/login");
}

export const SignInSearch = z.object({
  redirect: z.string().refine(isSafeReturnPath).optional().catch(undefined),
});

import * as v from "valibot";
import { searchValue } from "../../app/search-params.ts";

/** Only a path on this console may be a place to return to after sign-in, never another site. */
function isSafeReturnPath(path: string): boolean {
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") && !path.startsWith("/login");
}

/**
 * The sign-in page's URL (`/login?redirect=/accounts%3Fq%3Dtom&session=ended`). `session` is "ended"
 * when the console was signed out because the server ended the session (idle, time limit, disabled).
 */
export const SignInSearch = v.object({
  redirect: searchValue(v.pipe(v.string(), v.check(isSafeReturnPath))),
  session: searchValue(v.literal("ended")),
});
export type SignInSearch = v.InferOutput<typeof SignInSearch>;

/** Only a path on this console may be a place to return to after sign-in, never another site. */
function isSafeReturnPath(path: string): boolean {
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") && !path.startsWith("/login");
}

export type SignInSearch = {
  redirect?: string | undefined;
  /** "ended" when the console was signed out because the server ended the session (idle, time limit, disabled). */
  session?: "ended" | undefined;
};

/**
 * The sign-in page's URL (`/login?redirect=/accounts%3Fq%3Dtom&session=ended`). A value that cannot
 * be read is dropped: its key stays, with nothing in it, so the router does not keep the raw value.
 * A plain function rather than a schema: every page's URL check loads with the first page, and the
 * schema library is too big for that.
 */
export function SignInSearch(search: Record<string, unknown>): SignInSearch {
  const result: SignInSearch = {};
  if ("redirect" in search) {
    const { redirect } = search;
    result.redirect = typeof redirect === "string" && isSafeReturnPath(redirect) ? redirect : undefined;
  }
  if ("session" in search) result.session = search.session === "ended" ? "ended" : undefined;
  return result;
}

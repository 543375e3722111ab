/**
 * The cookie the API sets beside the session cookie, with its lifetime (`rd_signed_in=1`, no secret):
 * the session itself is HttpOnly, so this is how the console tells that the browser has one. It goes
 * at sign-out and whenever the API refuses the session as `unauthenticated`.
 */
export const SESSION_HINT_COOKIE = "rd_signed_in";

/** False when this browser surely has no session: then asking the API who is signed in would only be refused. */
export function browserHasSession(): boolean {
  return document.cookie.split(";").some((part) => part.trim() === `${SESSION_HINT_COOKIE}=1`);
}

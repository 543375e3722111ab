import { SESSION_HINT_COOKIE } from "@recovery-desk/shared";

/** False when this browser surely has no session: then asking the API who is signed in would only be refused. */
export function browserHasSession(): boolean {
  return document.cookie.split(";").some((part) => part.trim() === `${SESSION_HINT_COOKIE}=1`);
}

import { SESSION_HINT_COOKIE } from "@recovery-desk/shared";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppConfig } from "../deps.ts";

export const SESSION_COOKIE = "rd_session";

function secure(c: Context, config: AppConfig): boolean {
  if (config.cookieSecure !== "auto") return config.cookieSecure === "true";
  return new URL(c.req.url).protocol === "https:" || c.req.header("x-forwarded-proto") === "https";
}

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

/** The cookie lives as long as the session may (`Max-Age`, so the browser's clock does not matter). */
export function writeSessionCookie(c: Context, config: AppConfig, token: string, expiresAt: Date, now: Date): void {
  const options = {
    sameSite: "Lax",
    secure: secure(c, config),
    path: "/",
    maxAge: Math.max(1, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)),
  } as const;
  setCookie(c, SESSION_COOKIE, token, { ...options, httpOnly: true });
  setCookie(c, SESSION_HINT_COOKIE, "1", options);
}

export function clearSessionCookie(c: Context, config: AppConfig): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: secure(c, config), httpOnly: true, sameSite: "Lax" });
  deleteCookie(c, SESSION_HINT_COOKIE, { path: "/", secure: secure(c, config), sameSite: "Lax" });
}

/**
 * A request that came with a browser's session (its cookie, or only the hint) and no API key: when
 * it is refused as `unauthenticated`, that session is over, and both cookies go.
 */
export function sentCookieSession(c: Context): boolean {
  if (c.req.header("authorization") !== undefined) return false;
  return getCookie(c, SESSION_COOKIE) !== undefined || getCookie(c, SESSION_HINT_COOKIE) !== undefined;
}

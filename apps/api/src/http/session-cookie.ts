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
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: secure(c, config),
    path: "/",
    maxAge: Math.max(1, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)),
  });
}

export function clearSessionCookie(c: Context, config: AppConfig): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: secure(c, config), httpOnly: true, sameSite: "Lax" });
}

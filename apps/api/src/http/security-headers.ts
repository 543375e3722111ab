import { createMiddleware } from "hono/factory";
import { NONCE, secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "./context.ts";

function headersWith(scriptAndStyle: (string | typeof NONCE)[]) {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: scriptAndStyle,
      styleSrc: scriptAndStyle,
      // The documentation's icons are SVG data URLs in its style sheet.
      imgSrc: ["'self'", "data:"],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    crossOriginEmbedderPolicy: false,
    xFrameOptions: "DENY",
    permissionsPolicy: {
      camera: [],
      microphone: [],
      geolocation: [],
      payment: [],
      usb: [],
    },
  });
}

/** The console's page: its script, style and meta tags carry the answer's nonce (apps/api/src/http/console.ts). */
const pageHeaders = headersWith(["'self'", NONCE]);
/** The API's answers, its documentation page included, have nothing inline to allow. */
const apiHeaders = headersWith(["'self'"]);

/**
 * The headers every answer carries. The Content-Security-Policy lets the console's page and the
 * API's documentation load code, styles, images and data from this server only, never inline
 * except what carries the answer's own nonce (the page's tags, and the style element dialogs add
 * while they keep the page from scrolling), and never inside another site's frame. Only answers
 * outside `/api` (the console's page and files) get a nonce.
 */
export const securityHeaders = createMiddleware<AppEnv>((c, next) =>
  (c.req.path.startsWith("/api/") ? apiHeaders : pageHeaders)(c, next),
);

/**
 * Answers are not kept by browsers or proxies: they hold customers' details and change with every
 * action. An answer that says otherwise itself (the console's files, the documentation's
 * scripts) keeps its own Cache-Control.
 */
export const noStore = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  if (!c.res.headers.has("Cache-Control")) c.res.headers.set("Cache-Control", "no-store");
});

import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import { authenticate } from "./auth/authenticate.ts";
import type { AppDeps } from "./deps.ts";
import { accountRoutes } from "./features/accounts/accounts.routes.ts";
import {
  accountImportRoutes,
  IMPORT_MAX_BYTES,
  IMPORT_PATH,
  importTooLarge,
} from "./features/accounts/import.routes.ts";
import { alertRoutes } from "./features/alerts/alerts.routes.ts";
import { apiKeyRoutes } from "./features/api-keys/api-keys.routes.ts";
import { auditRoutes } from "./features/audit/audit.routes.ts";
import { authRoutes } from "./features/auth/auth.routes.ts";
import { devRoutes } from "./features/dev/outbox.routes.ts";
import { healthRoutes } from "./features/health/health.routes.ts";
import { loginEventRoutes } from "./features/login-events/login-events.routes.ts";
import { mergeRoutes } from "./features/merges/merges.routes.ts";
import { policyRoutes } from "./features/policy/policy.routes.ts";
import { recoveryRoutes } from "./features/recovery/recovery.routes.ts";
import { reportRoutes } from "./features/reports/reports.routes.ts";
import { staffRoutes } from "./features/staff/staff.routes.ts";
import { sweepRoutes } from "./features/sweep/sweep.routes.ts";
import { verificationRoutes } from "./features/verification/verification.routes.ts";
import { webhookRoutes } from "./features/webhooks/webhooks.routes.ts";
import { compressReads } from "./http/compression.ts";
import { mountConsole } from "./http/console.ts";
import type { AppEnv } from "./http/context.ts";
import { mountDocs } from "./http/docs.ts";
import { ApiError } from "./http/errors.ts";
import { IDEMPOTENCY_HEADER, idempotency } from "./http/idempotency.ts";
import { accessLog } from "./http/logging.ts";
import { createMetrics, mountMetrics } from "./http/metrics.ts";
import { onError, problemResponse } from "./http/on-error.ts";
import { mountOpenApiDocument } from "./http/openapi-document.ts";
import { rateLimit } from "./http/rate-limit.ts";
import { requestId } from "./http/request-id.ts";
import { createRouter } from "./http/router.ts";
import { sameOrigin } from "./http/same-origin.ts";
import { noStore, securityHeaders } from "./http/security-headers.ts";

/** Largest request body the API reads; every field it accepts is far smaller. */
const MAX_BODY_BYTES = 64 * 1024;

/** The versioned JSON API, mounted at `/api/v1`. Its type feeds the typed client. */
function createApi() {
  return createRouter()
    .route("/", authRoutes)
    .route("/", accountRoutes)
    .route("/", accountImportRoutes)
    .route("/", verificationRoutes)
    .route("/", recoveryRoutes)
    .route("/", policyRoutes)
    .route("/", loginEventRoutes)
    .route("/", apiKeyRoutes)
    .route("/", webhookRoutes)
    .route("/", staffRoutes)
    .route("/", sweepRoutes)
    .route("/", auditRoutes)
    .route("/", mergeRoutes)
    .route("/", reportRoutes)
    .route("/", alertRoutes)
    .route("/", devRoutes);
}
export type ApiType = ReturnType<typeof createApi>;

/** Builds the whole application from its dependencies; the server and the tests both call this. */
export function createApp(deps: AppDeps) {
  const app = createRouter();

  app.use(
    "*",
    createMiddleware<AppEnv>(async (c, next) => {
      c.set("deps", deps);
      c.set("principal", null);
      await next();
    }),
  );
  app.use("*", requestId);
  const metrics = createMetrics(deps);
  app.use("*", accessLog(metrics));
  app.use("*", securityHeaders);
  app.use("*", noStore);
  app.use("/api/*", compressReads);
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new ApiError("payload_too_large", `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`);
    },
  });
  // The account import streams its body under a limit of its own, unless an Idempotency-Key makes it be held whole.
  const limitImport = bodyLimit({
    maxSize: IMPORT_MAX_BYTES,
    onError: () => {
      throw importTooLarge();
    },
  });
  // GET and HEAD carry no body; skipping them spares building a full Request object for every read.
  app.use("/api/*", (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    if (c.req.path === IMPORT_PATH)
      return c.req.header(IDEMPOTENCY_HEADER) === undefined ? next() : limitImport(c, next);
    return limitBody(c, next);
  });
  app.use("/api/*", sameOrigin);
  app.use("/api/v1/*", authenticate);
  app.use("/api/v1/*", rateLimit);
  app.use("/api/v1/*", idempotency);

  app.route("/api/v1", createApi());
  app.route("/", healthRoutes);

  mountOpenApiDocument(app);
  mountDocs(app);
  mountMetrics(app, metrics, { token: deps.config.metricsToken ?? null, demo: deps.config.demo });

  app.all("/api/*", (c) =>
    problemResponse(c, new ApiError("not_found", `No API route answers ${c.req.method} ${c.req.path}.`)),
  );
  if (deps.config.consoleDist) mountConsole(app, deps.config.consoleDist);

  app.notFound((c) => problemResponse(c, new ApiError("not_found", `Nothing is served at ${c.req.path}.`)));
  app.onError(onError);
  return app;
}

export type App = ReturnType<typeof createApp>;

import { ApiError } from "./errors.ts";

/** PostgreSQL error codes the API turns into domain errors. */
const UNIQUE_VIOLATION = "23505";
const CONNECTION_CLASS = "08";
const UNAVAILABLE_CODES = new Set(["57P01", "57P02", "57P03", "53300"]);
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECT_TIMEOUT",
  "CONNECTION_DESTROYED",
]);
const STATEMENT_TIMEOUT = "57014";

interface PgLikeError {
  code?: unknown;
  constraint_name?: unknown;
  constraint?: unknown;
  cause?: unknown;
}

/** Walks the `cause` chain (drizzle wraps driver errors) to the driver's error. */
function driverError(error: unknown): PgLikeError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const candidate = current as PgLikeError;
    if (typeof candidate.code === "string") return candidate;
    current = candidate.cause;
  }
  return undefined;
}

/** Turns a database error into an ApiError where it has a meaning for the client; otherwise undefined. */
export function fromDatabaseError(error: unknown): ApiError | undefined {
  const pg = driverError(error);
  if (!pg || typeof pg.code !== "string") return undefined;
  if (pg.code === UNIQUE_VIOLATION) {
    const constraint = String(pg.constraint_name ?? pg.constraint ?? "a unique key");
    return new ApiError("conflict", `Another record already has this value (${constraint}).`);
  }
  if (pg.code === STATEMENT_TIMEOUT) {
    return new ApiError("unavailable", "The database took too long to answer. Narrow the request and try again.", {
      retryAfter: 1,
    });
  }
  if (pg.code.startsWith(CONNECTION_CLASS) || UNAVAILABLE_CODES.has(pg.code) || NETWORK_CODES.has(pg.code)) {
    return new ApiError("unavailable", "The database is not reachable right now. Try again shortly.", {
      retryAfter: 5,
    });
  }
  return undefined;
}

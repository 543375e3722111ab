import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { POLICY_LEVELS, POLICY_PRESETS } from "@recovery-desk/shared";
import { z } from "zod";

const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

const flag = z
  .enum(["true", "false", "1", "0", "on", "off", "yes", "no"])
  .transform((v) => ["true", "1", "on", "yes"].includes(v));

const positiveInt = z.coerce.number().int().positive();

const EnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
    HOST: z.string().min(1).default("127.0.0.1"),
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/ })
      .optional()
      .describe("postgres://… of a PostgreSQL server; without it the API runs on embedded PGlite"),
    DATA_DIR: z.string().min(1).default(resolve(REPO_ROOT, ".data")),
    DEMO: flag.optional(),
    DEMO_ACCOUNTS: z.coerce.number().int().min(0).max(100_000).default(2000),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** The bearer token `GET /metrics` asks for; without one the metrics are open to anyone who can reach the port. */
    METRICS_TOKEN: z.string().min(16).optional(),
    /**
     * The address customers reach the console's public pages at; notices carry `<PUBLIC_URL>/report/<token>`.
     * Without it, this server's own address (`http://localhost:PORT` when it listens on every address).
     */
    PUBLIC_URL: z
      .url({ protocol: /^https?$/ })
      .transform((v) => v.replace(/\/+$/, ""))
      .optional(),
    CONSOLE_DIST: z.string().min(1).default(resolve(REPO_ROOT, "apps/console/dist")),
    COOKIE_SECURE: z.enum(["auto", "true", "false"]).default("auto"),
    ALLOWED_ORIGINS: z
      .string()
      .default("")
      .transform((v) =>
        v
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.url())),
    /** Apply missing migrations at start-up; when false, a server whose schema is behind refuses to start (run `pnpm migrate`). */
    MIGRATE_ON_START: flag.default(true),
    DB_POOL_MAX: positiveInt.max(200).default(10),
    DB_STATEMENT_TIMEOUT_MS: positiveInt.default(5000),
    LOGIN_MAX_FAILURES: positiveInt.default(5),
    LOGIN_WINDOW_MINUTES: positiveInt.default(15),
    /** Failed staff sign-ins from one client address in the window; 0 turns the limit off. */
    LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(0).default(20),
    /** Staff sign-in attempts a minute across all usernames; 0 turns the ceiling off. */
    LOGIN_MAX_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(0).default(300),
    SESSION_IDLE_MINUTES: positiveInt.default(30),
    SESSION_ABSOLUTE_HOURS: positiveInt.default(12),
    /** Requests a minute per staff member, all their sessions together (600 when neither this nor its old name is set). */
    RATE_LIMIT_STAFF_PER_MINUTE: positiveInt.optional(),
    /** The old name of `RATE_LIMIT_STAFF_PER_MINUTE`, still read when that is not set. */
    RATE_LIMIT_SESSION_PER_MINUTE: positiveInt.optional(),
    RATE_LIMIT_KEY_PER_MINUTE: positiveInt.default(1200),
    /** Owners' reports ("this wasn't me") from one client address in the window; 0 turns the limit off. */
    REPORT_MAX_PER_ADDRESS: z.coerce.number().int().min(0).default(10),
    REPORT_WINDOW_MINUTES: positiveInt.default(60),
    /** Supervisors get an alert when one agent passes this many recovery actions, or failed verifications, in an hour. */
    ALERT_AGENT_ACTIONS_PER_HOUR: positiveInt.default(20),
    ALERT_AGENT_FAILURES_PER_HOUR: positiveInt.default(10),
    /** Per-account caps in 24 hours, across all agents. */
    ACCOUNT_CODES_PER_DAY: positiveInt.default(5),
    ACCOUNT_WRONG_CODES_PER_DAY: positiveInt.default(10),
    ACCOUNT_TEMPORARY_PASSWORDS_PER_DAY: positiveInt.default(2),
    ACCOUNT_USERNAME_REMINDERS_PER_DAY: positiveInt.default(3),
    INACTIVE_DAYS: positiveInt.default(3 * 365),
    /** How often the inactivity sweep runs inside the API process; 0 turns it off. */
    SWEEP_INTERVAL_MINUTES: z.coerce.number().int().min(0).default(60),
    /** How often the audit chain is checked from the last checkpoint to the head; 0 turns it off. */
    AUDIT_CHECK_INTERVAL_MINUTES: z.coerce.number().int().min(0).default(15),
    /** Where email goes: the outbox table (demo), or an SMTP server. */
    EMAIL_DELIVERY: z.enum(["outbox", "smtp"]).default("outbox"),
    SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
    MAIL_FROM: z.string().min(3).default("Recovery Desk <no-reply@recovery-desk.example>"),
    /** Where SMS goes: the outbox table (demo), or an HTTP gateway. */
    SMS_DELIVERY: z.enum(["outbox", "webhook"]).default("outbox"),
    SMS_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
    SMS_WEBHOOK_TOKEN: z.string().min(1).optional(),
    /** The preset of evidence levels recovery actions require (product spec, "Evidence and the action policy"). */
    RECOVERY_POLICY: z.enum(POLICY_PRESETS).default("default"),
    /** One action's level instead of the preset's: `any`, `code`, `two_with_code` or `two_codes`. */
    RECOVERY_POLICY_UNLOCK: z.enum(POLICY_LEVELS).optional(),
    RECOVERY_POLICY_USERNAME_REMINDER: z.enum(POLICY_LEVELS).optional(),
    RECOVERY_POLICY_REACTIVATE: z.enum(POLICY_LEVELS).optional(),
    RECOVERY_POLICY_TEMPORARY_PASSWORD: z.enum(POLICY_LEVELS).optional(),
    RECOVERY_POLICY_MERGE: z.enum(POLICY_LEVELS).optional(),
    /** `outbox`: outside demo mode, start even though a channel has no real delivery (messages stay in the outbox). */
    DELIVERY: z.enum(["outbox"]).optional(),
  })
  .refine((env) => env.EMAIL_DELIVERY !== "smtp" || env.SMTP_URL, {
    path: ["SMTP_URL"],
    message: "EMAIL_DELIVERY=smtp needs SMTP_URL",
  })
  .refine((env) => env.SMS_DELIVERY !== "webhook" || env.SMS_WEBHOOK_URL, {
    path: ["SMS_WEBHOOK_URL"],
    message: "SMS_DELIVERY=webhook needs SMS_WEBHOOK_URL",
  });

export type Env = z.infer<typeof EnvSchema>;

/** Parses the environment once. On a bad value it prints every problem and exits non-zero. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const blanksRemoved = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const parsed = EnvSchema.safeParse(blanksRemoved);
  if (!parsed.success) {
    console.error("Recovery Desk cannot start: the environment has problems:");
    for (const issue of parsed.error.issues) console.error(`  ${issue.path.join(".")}: ${issue.message}`);
    process.exit(1);
  }
  return parsed.data;
}

/** This server's own address for a person on the same machine: `localhost` when it listens on every address. */
export function ownAddress(host: string, port: number): string {
  const name = host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

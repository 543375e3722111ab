import { serve } from "@hono/node-server";
import { createApp } from "./app.ts";
import { type Database, openPostgres } from "./db/client.ts";
import { migrateOnStart } from "./db/migration-state.ts";
import { openEmbeddedOrExit } from "./db/open-embedded-or-exit.ts";
import type { AppConfig } from "./deps.ts";
import { loadEnv, ownAddress } from "./env.ts";
import { checkSinceCheckpoint } from "./features/audit/checks.ts";
import { recoveryPolicy } from "./features/policy/policy.ts";
import { runInactivitySweep } from "./features/sweep/inactivity-sweep.ts";
import { startWebhookSender } from "./features/webhooks/send.ts";
import { systemClock } from "./lib/clock.ts";
import { housekeeping } from "./lib/housekeeping.ts";
import { createLogger } from "./lib/logger.ts";
import { safeError } from "./lib/safe-error.ts";
import {
  deliveryRefusal,
  OUTBOX_WARNING,
  OUTBOX_WARNING_INTERVAL_MS,
  outboxChannels,
} from "./notify/delivery-settings.ts";
import { startNoticeDeliverer } from "./notify/notice-deliverer.ts";
import { byChannel } from "./notify/notifier.ts";
import { outboxNotifier } from "./notify/outbox.ts";
import { smsWebhookNotifier } from "./notify/sms-webhook.ts";
import { smtpNotifier } from "./notify/smtp.ts";

const env = loadEnv();
const logger = createLogger(env.LOG_LEVEL);
const demo = env.DEMO ?? !env.DATABASE_URL;
const deliveryProblem = deliveryRefusal(env, demo);
if (deliveryProblem) {
  console.error(deliveryProblem);
  process.exit(1);
}

const database: Database = env.DATABASE_URL
  ? await openPostgres({ url: env.DATABASE_URL, max: env.DB_POOL_MAX, statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS })
  : await openEmbeddedOrExit(env.DATA_DIR, "Recovery Desk");
logger.info(
  { database: database.kind, ...(database.kind === "pglite" ? { dataDir: env.DATA_DIR } : {}) },
  "database opened",
);

try {
  await migrateOnStart(database, env.MIGRATE_ON_START, logger);
} catch (error) {
  console.error(`Recovery Desk cannot start: ${safeError(error).message}`);
  await database.close().catch(() => {});
  process.exit(1);
}
if (demo) {
  // The demo world's generator is loaded only for a demo.
  const { loadDemoWorld } = await import("./demo/load.ts");
  await loadDemoWorld(database.db, systemClock.now(), env.DEMO_ACCOUNTS, logger);
}

const config: AppConfig = {
  demo,
  cookieSecure: env.COOKIE_SECURE,
  allowedOrigins: env.ALLOWED_ORIGINS,
  login: {
    maxFailures: env.LOGIN_MAX_FAILURES,
    windowMs: env.LOGIN_WINDOW_MINUTES * 60_000,
    maxFailuresPerAddress: env.LOGIN_MAX_FAILURES_PER_ADDRESS,
    maxAttemptsPerMinute: env.LOGIN_MAX_ATTEMPTS_PER_MINUTE,
  },
  session: { idleMs: env.SESSION_IDLE_MINUTES * 60_000, absoluteMs: env.SESSION_ABSOLUTE_HOURS * 3_600_000 },
  rateLimits: {
    perStaffPerMinute: env.RATE_LIMIT_STAFF_PER_MINUTE ?? env.RATE_LIMIT_SESSION_PER_MINUTE ?? 600,
    perKeyPerMinute: env.RATE_LIMIT_KEY_PER_MINUTE,
  },
  inactiveDays: env.INACTIVE_DAYS,
  reportLimit: { perAddress: env.REPORT_MAX_PER_ADDRESS, windowMs: env.REPORT_WINDOW_MINUTES * 60_000 },
  alertThresholds: {
    recoveryActionsPerHour: env.ALERT_AGENT_ACTIONS_PER_HOUR,
    failedVerificationsPerHour: env.ALERT_AGENT_FAILURES_PER_HOUR,
  },
  accountCaps: {
    codesPerDay: env.ACCOUNT_CODES_PER_DAY,
    wrongCodesPerDay: env.ACCOUNT_WRONG_CODES_PER_DAY,
    temporaryPasswordsPerDay: env.ACCOUNT_TEMPORARY_PASSWORDS_PER_DAY,
    usernameRemindersPerDay: env.ACCOUNT_USERNAME_REMINDERS_PER_DAY,
  },
  recoveryPolicy: recoveryPolicy(env.RECOVERY_POLICY, {
    unlock: env.RECOVERY_POLICY_UNLOCK,
    username_reminder: env.RECOVERY_POLICY_USERNAME_REMINDER,
    reactivate: env.RECOVERY_POLICY_REACTIVATE,
    temporary_password: env.RECOVERY_POLICY_TEMPORARY_PASSWORD,
    merge: env.RECOVERY_POLICY_MERGE,
  }),
  consoleDist: env.CONSOLE_DIST,
  publicUrl: env.PUBLIC_URL ?? ownAddress(env.HOST, env.PORT),
  ...(env.METRICS_TOKEN ? { metricsToken: env.METRICS_TOKEN } : {}),
};
const outbox = outboxNotifier(database.db, systemClock);
const notifier = byChannel(
  env.EMAIL_DELIVERY === "smtp" && env.SMTP_URL ? smtpNotifier({ url: env.SMTP_URL, from: env.MAIL_FROM }) : outbox,
  env.SMS_DELIVERY === "webhook" && env.SMS_WEBHOOK_URL
    ? smsWebhookNotifier({ url: env.SMS_WEBHOOK_URL, token: env.SMS_WEBHOOK_TOKEN })
    : outbox,
);
// Outside demo mode only on purpose (DELIVERY=outbox): said at start and every hour.
const keptInOutbox = demo ? [] : outboxChannels(env);
const warnOutbox = () => logger.warn({ delivery: "outbox", channels: keptInOutbox }, OUTBOX_WARNING);
if (keptInOutbox.length > 0) warnOutbox();
// The notice deliverer, started below, is woken as soon as an action's notices commit.
let wakeNoticeDeliverer = () => {};
const deps = { database, clock: systemClock, logger, config, notifier, noticesQueued: () => wakeNoticeDeliverer() };
const app = createApp(deps);

const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  logger.info({ url: ownAddress(env.HOST, info.port), demo }, "Recovery Desk is listening");
});

const timers = [
  setInterval(() => {
    housekeeping(database.db, systemClock.now()).catch((error) =>
      logger.warn({ err: safeError(error) }, "housekeeping failed"),
    );
  }, 10 * 60_000),
];
if (env.SWEEP_INTERVAL_MINUTES > 0) {
  timers.push(
    setInterval(() => {
      runInactivitySweep(deps)
        .then((result) => result.deactivated > 0 && logger.info(result, "inactivity sweep"))
        .catch((error) => logger.warn({ err: safeError(error) }, "inactivity sweep failed"));
    }, env.SWEEP_INTERVAL_MINUTES * 60_000),
  );
}
if (env.AUDIT_CHECK_INTERVAL_MINUTES > 0) {
  timers.push(
    setInterval(() => {
      checkSinceCheckpoint(deps, "scheduled check").catch((error) =>
        logger.warn({ err: safeError(error) }, "audit check failed"),
      );
    }, env.AUDIT_CHECK_INTERVAL_MINUTES * 60_000),
  );
}
if (keptInOutbox.length > 0) timers.push(setInterval(warnOutbox, OUTBOX_WARNING_INTERVAL_MS));
// Outgoing webhooks: due deliveries are sent every few seconds; several processes share the queue.
timers.push(...startWebhookSender(deps));
// Notices to account owners: a short poll, and a pass at once after an action queues some.
const noticeDeliverer = startNoticeDeliverer(deps);
wakeNoticeDeliverer = noticeDeliverer.wake;
timers.push(noticeDeliverer.timer);
for (const timer of timers) timer.unref();

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  for (const timer of timers) clearInterval(timer);
  server.close();
  await database.close().catch(() => {});
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

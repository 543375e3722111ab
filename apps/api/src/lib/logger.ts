import { type DestinationStream, type Logger, pino } from "pino";

/**
 * Structured JSON logs, one object a line, with the level as a word (`"level":"info"`) and the time
 * in ISO 8601 UTC (`"time":"2026-12-07T14:03:11.482Z"`), so a log service reads them as they are.
 * Paths that could ever hold a secret are redacted as a second line of defence; the code does not
 * log bodies or credentials in the first place. Standard output unless `destination` is given.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: "recovery-desk-api" },
    formatters: { level: (label: string) => ({ level: label }) },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        "password",
        "*.password",
        "answers",
        "*.answers",
        "answer",
        "*.answer",
        "code",
        "*.code",
        "token",
        "*.token",
        "key",
        "*.key",
        "secret",
        "*.secret",
        "temporaryPassword",
        "*.temporaryPassword",
        "newPassword",
        "*.newPassword",
        "metricsToken",
        "*.metricsToken",
        "securityQuestions[*].answer",
        "*.securityQuestions[*].answer",
        "*.*.securityQuestions[*].answer",
        "headers.cookie",
        "headers.authorization",
        "*.headers.cookie",
        "*.headers.authorization",
      ],
      censor: "[redacted]",
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export const silentLogger: Logger = pino({ level: "silent" });

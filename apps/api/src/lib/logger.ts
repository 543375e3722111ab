import { type Logger, pino } from "pino";

/**
 * Structured JSON logs. Paths that could ever hold a secret are redacted as a second line of
 * defence; the code does not log bodies or credentials in the first place.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: "recovery-desk-api" },
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
        "headers.cookie",
        "headers.authorization",
        "*.headers.cookie",
        "*.headers.authorization",
      ],
      censor: "[redacted]",
    },
  });
}

export const silentLogger: Logger = pino({ level: "silent" });

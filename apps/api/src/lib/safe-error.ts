/**
 * What of an error may go into a log. Failed-query errors carry the statement's parameters in
 * their message, and a parameter can be a hash or a caller's answer, so everything after
 * `params:` is cut, and only the driver's code and the stack frames of the cause are kept.
 */
export interface SafeError {
  type: string;
  message: string;
  code?: string;
  stack?: string;
  cause?: SafeError;
}

const PARAMS = /\s*params:[\s\S]*$/;

function clean(text: string): string {
  return text.replace(PARAMS, "");
}

export function safeError(error: unknown, depth = 0): SafeError {
  if (!(error instanceof Error)) return { type: typeof error, message: "non-error value thrown" };
  const { code, cause } = error as Error & { code?: unknown; cause?: unknown };
  const frames = error.stack?.split("\n").filter((line) => line.trimStart().startsWith("at ")) ?? [];
  return {
    type: error.name,
    message: clean(error.message),
    ...(typeof code === "string" ? { code } : {}),
    ...(frames.length ? { stack: frames.slice(0, 12).join("\n") } : {}),
    ...(cause && depth < 3 ? { cause: safeError(cause, depth + 1) } : {}),
  };
}

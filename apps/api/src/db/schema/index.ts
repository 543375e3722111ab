export * from "./accounts.ts";
export * from "./addresses.ts";
export * from "./audit-events.ts";
export * from "./rate-limits.ts";
export * from "./security-questions.ts";
export * from "./sessions.ts";
export * from "./staff.ts";
export * from "./verifications.ts";

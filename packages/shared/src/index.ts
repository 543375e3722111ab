export * from "./contract/accounts.ts";
export * from "./contract/auth.ts";
export * from "./contract/common.ts";
export * from "./contract/health.ts";
export * from "./contract/verification.ts";
export * from "./domain/policy.ts";
export * from "./domain/words.ts";
export * from "./normalize/index.ts";

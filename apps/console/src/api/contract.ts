import { afterFirstPage } from "../lib/after-first-page.ts";
import type { AnswerSchema } from "./answer-schema.ts";
import { ApiProblem } from "./problem.ts";

/**
 * The shared contract's schemas are built with zod, the biggest library in the console, and the
 * first pages do not need them to show up: the sign-in page needs them only when the agent signs in,
 * account search only for its first results. So they are loaded on first use, or in a quiet moment
 * once the first page is on screen (`preloadContract`), instead of with the first page.
 */
type ContractSchemas = typeof import("./contract-schemas.ts");

let loading: Promise<ContractSchemas> | undefined;

export function loadContract(): Promise<ContractSchemas> {
  loading ??= import("./contract-schemas.ts").catch(() => {
    // Try again next time (e.g. the connection came back).
    loading = undefined;
    throw new ApiProblem({
      status: 0,
      code: "network_error",
      detail: "The Recovery Desk service could not be reached.",
    });
  });
  return loading;
}

/** A contract schema that loads the contract when it first checks an answer. */
function onFirstUse<T>(pick: (contract: ContractSchemas) => AnswerSchema<T>): AnswerSchema<T> {
  return { "~standard": { validate: async (value) => pick(await loadContract())["~standard"].validate(value) } };
}

/** The contract's schemas for the first pages' answers: `schema: AccountDetail`, as with any other schema. */
export const AccountDetail = onFirstUse((contract) => contract.AccountDetail);
export const AccountSummaryPage = onFirstUse((contract) => contract.AccountSummaryPage);
export const OutboxPage = onFirstUse((contract) => contract.OutboxPage);
/** The open-alerts count in the navigation is asked for on every page of a supervisor. */
export const AlertPage = onFirstUse((contract) => contract.AlertPage);

/** Fetches the schemas once the first page is up, so the first search or sign-in does not wait for them. */
export function preloadContract(): void {
  afterFirstPage(() => void loadContract().catch(() => {}));
}

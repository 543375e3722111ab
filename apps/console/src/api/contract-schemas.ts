import { OutboxMessage, page } from "@recovery-desk/shared";

/**
 * The shared contract's schemas that the first pages check answers with, loaded on first use
 * through contract.ts. Pages loaded later import the contract directly.
 */
export {
  AccountDetail,
  AccountSummaryPage,
  AlertPage,
  LoginRequest,
  ReportReceipt,
  ReportRequest,
} from "@recovery-desk/shared";

export const OutboxPage = page(OutboxMessage, "OutboxPage");

import { apiFetch, apiUrl } from "./client.ts";
import { loadContract } from "./contract.ts";

/** What an owner's report came to: recorded, or the link is not one the service could ever accept. */
export type ReportOutcome = "received" | "incomplete_link";

/**
 * The owner's "this wasn't me" from the public report page: no sign-in, the token from the link and
 * an optional note. A link that is unknown, used or expired rejects with ApiProblem `not_found`; too
 * many reports from one connection with `rate_limited`; no answer with `network_error`.
 */
export async function sendReport(token: string, note: string): Promise<ReportOutcome> {
  const { ReportRequest, ReportReceipt } = await loadContract();
  const request = ReportRequest.safeParse(note.trim() ? { token, note } : { token });
  if (!request.success) return "incomplete_link";
  await apiFetch(apiUrl("/reports"), { method: "POST", body: request.data, schema: ReportReceipt });
  return "received";
}

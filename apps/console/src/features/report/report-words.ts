import { isApiProblem } from "../../api/problem.ts";
import { formatMinutes } from "../../lib/format.ts";

/** The longest note the API keeps with a report. */
export const NOTE_MAX = 1000;

/** Where the owner turns for anything this page cannot do. */
export const CALL_SUPPORT = "call USPS phone support";

/** How the report ended, when it ended the page's work. */
export type ReportEnd = "received" | "gone" | "incomplete_link";

/** A report that did not go through but can be tried again, in the owner's words. */
export type ReportSetback = { title: string; message: string; requestId: string | null };

/**
 * What a failed report means for the owner: the link cannot be used (an end), or a setback they can
 * try again after (too many reports from their connection, no connection, a fault on our side).
 */
export function readReportFailure(error: unknown): { end: ReportEnd } | { setback: ReportSetback } {
  if (isApiProblem(error)) {
    if (error.code === "not_found") return { end: "gone" };
    if (error.code === "validation_failed") return { end: "incomplete_link" };
    if (error.code === "rate_limited") {
      return {
        setback: {
          title: "Too many tries",
          message: `Too many reports have come from your connection. Try again in ${formatMinutes(error.retryAfter ?? 60)}.`,
          requestId: null,
        },
      };
    }
    if (error.code === "network_error") {
      return {
        setback: {
          title: "We could not be reached",
          message: "Your report was not sent. Check your internet connection, then press Try again.",
          requestId: null,
        },
      };
    }
  }
  return {
    setback: {
      title: "Your report was not sent",
      message: `Something went wrong on our side. Press Try again in a moment; if it keeps failing, ${CALL_SUPPORT}.`,
      requestId: isApiProblem(error) ? error.requestId : null,
    },
  };
}

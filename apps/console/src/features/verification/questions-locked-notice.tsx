import { formatDateTime } from "../../lib/format.ts";
import { Alert } from "../../ui/alert.tsx";

/** Three failed question attempts in 24 hours: only a code or a visit to a post office can verify the caller now. */
export function QuestionsLockedNotice({ until }: { until: string }) {
  return (
    <Alert tone="danger" title="Security questions are locked">
      <p>
        Question verification is locked for this account until <time dateTime={until}>{formatDateTime(until)}</time>.
        Offer a code by text or email, or the caller verifies in person at a post office.
      </p>
    </Alert>
  );
}

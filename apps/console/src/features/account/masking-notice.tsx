import type { AccountDetail } from "@recovery-desk/shared";
import { formatTime } from "../../lib/format.ts";
import { Alert } from "../../ui/alert.tsx";

type MaskingNoticeProps = Pick<AccountDetail, "contactMasked" | "verification">;

/** Why the email, phone and house number are hidden, or, once the caller is verified, until when they show. */
export function MaskingNotice({ contactMasked, verification }: MaskingNoticeProps) {
  if (!contactMasked && verification) {
    return (
      <Alert tone="success" title="Contact data is shown because the caller is verified">
        <p>
          Email, phone and house number are shown in full until{" "}
          <time dateTime={verification.verifiedUntil}>{formatTime(verification.verifiedUntil)}</time>. Each view is
          recorded in the audit trail under your name.
        </p>
      </Alert>
    );
  }
  return (
    <Alert tone="info" title="Contact data stays masked until the caller is verified">
      <p>Email, phone and house number are partly hidden. Do not read them out; ask the caller to tell you instead.</p>
    </Alert>
  );
}

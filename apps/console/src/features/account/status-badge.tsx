import type { AccountStatus } from "@recovery-desk/shared";
import type { ReactNode } from "react";
import { STATUS_LABELS } from "../../lib/account-words.ts";
import { Badge, type BadgeTone } from "../../ui/badge.tsx";
import { CheckIcon, ClosedIcon, LockIcon, MergeIcon, PauseIcon } from "../../ui/icons.tsx";

const STATUS_LOOK: Record<AccountStatus, { tone: BadgeTone; icon: ReactNode }> = {
  active: { tone: "success", icon: <CheckIcon /> },
  locked: { tone: "danger", icon: <LockIcon /> },
  deactivated: { tone: "warning", icon: <PauseIcon /> },
  merged: { tone: "info", icon: <MergeIcon /> },
  closed: { tone: "neutral", icon: <ClosedIcon /> },
};

/** The account status as a word with its own shape and colour. */
export function StatusBadge({ status }: { status: AccountStatus }) {
  const { tone, icon } = STATUS_LOOK[status];
  return (
    <Badge tone={tone} icon={icon} data-status={status}>
      {STATUS_LABELS[status]}
    </Badge>
  );
}

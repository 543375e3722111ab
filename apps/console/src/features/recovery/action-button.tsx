import { type ReactNode, type Ref, useId } from "react";
import { cx } from "../../lib/cx.ts";
import type { ActionOption, RecoveryKind } from "../../lib/recovery-options.ts";
import { ACTION_LABELS } from "../../lib/recovery-words.ts";
import { Button } from "../../ui/button.tsx";
import { KeyIcon, MailIcon, RefreshIcon, UnlockIcon } from "../../ui/icons.tsx";

const ACTION_ICONS: Record<RecoveryKind, ReactNode> = {
  unlock: <UnlockIcon />,
  reactivate: <RefreshIcon />,
  temporary_password: <KeyIcon />,
  username_reminder: <MailIcon />,
};

type ActionButtonProps = {
  option: ActionOption;
  /** The one next step for the account's state: larger, and in the primary colour. */
  prominent?: boolean;
  buttonRef: Ref<HTMLButtonElement>;
  onOpen: () => void;
};

/** One recovery action; when it cannot be used it is disabled, and the reason is written right under it. */
export function ActionButton({ option, prominent = false, buttonRef, onOpen }: ActionButtonProps) {
  const noteId = useId();
  return (
    <div className={cx("recovery-action", prominent && "recovery-action--primary")}>
      <Button
        ref={buttonRef}
        variant={prominent && option.available ? "primary" : "secondary"}
        disabled={!option.available}
        aria-describedby={noteId}
        data-action={option.kind}
        onClick={onOpen}
      >
        {ACTION_ICONS[option.kind]}
        {ACTION_LABELS[option.kind]}
      </Button>
      <p id={noteId} className={cx("method__note", !option.available && "method__note--off")}>
        {option.note}
      </p>
    </div>
  );
}

import { Dialog as DialogPrimitive } from "radix-ui";
import type { ComponentProps } from "react";
import { cx } from "../lib/cx.ts";

/**
 * A modal dialog: focus moves in and stays in until it closes, Escape closes it, and focus goes back
 * to where it came from. The page behind is hidden from screen readers meanwhile.
 */
export const Dialog = DialogPrimitive.Root;

export const DialogClose = DialogPrimitive.Close;

/** The dialog box on a dimmed page. Needs a DialogTitle and a DialogDescription inside. */
export function DialogContent({ className, children, ...props }: ComponentProps<typeof DialogPrimitive.Content>) {
  return (
    <DialogPrimitive.Portal>
      <DialogPrimitive.Overlay className="dialog-overlay" />
      <DialogPrimitive.Content className={cx("dialog", className)} {...props}>
        {children}
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}

export function DialogTitle({ className, ...props }: ComponentProps<typeof DialogPrimitive.Title>) {
  return <DialogPrimitive.Title className={cx("dialog__title", className)} {...props} />;
}

export function DialogDescription({ className, ...props }: ComponentProps<typeof DialogPrimitive.Description>) {
  return <DialogPrimitive.Description className={cx("dialog__description", className)} {...props} />;
}

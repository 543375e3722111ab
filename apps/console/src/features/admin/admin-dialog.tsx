import type { ComponentProps, ReactNode, RefObject } from "react";
import { Dialog, DialogContent } from "../../ui/dialog.tsx";

type AdminDialogProps = Omit<ComponentProps<typeof DialogContent>, "onCloseAutoFocus"> & {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Where the keyboard goes back to when the dialog closes (the button that opened it). */
  returnFocusTo: FocusReturn;
  /**
   * False while closing would lose something: a request on its way, or a secret not yet stored.
   * Escape, clicks outside and close buttons then do nothing.
   */
  closable?: boolean;
  children: ReactNode;
};

/** The element itself, or a function that finds it when the dialog closes (the opener may be gone by then). */
export type FocusReturn = RefObject<HTMLElement | null> | (() => HTMLElement | null);

/** A dialog opened from a button of an admin page, with no separate trigger element. */
export function AdminDialog({
  open,
  onOpenChange,
  returnFocusTo,
  closable = true,
  children,
  ...contentProps
}: AdminDialogProps) {
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next || closable) onOpenChange(next);
      }}
    >
      <DialogContent
        {...contentProps}
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          const target = typeof returnFocusTo === "function" ? returnFocusTo() : returnFocusTo.current;
          target?.focus();
        }}
      >
        {children}
      </DialogContent>
    </Dialog>
  );
}

import { Toast as ToastPrimitive } from "radix-ui";
import type { ComponentProps, ReactNode } from "react";
import { cx } from "../lib/cx.ts";
import { AlertIcon, CheckIcon } from "./icons.tsx";

/** Where toasts live; one per page, in the app shell. F8 moves the keyboard into it. */
export function ToastViewport({ className, ...props }: ComponentProps<typeof ToastPrimitive.Viewport>) {
  return <ToastPrimitive.Viewport className={cx("toast-viewport", className)} {...props} />;
}

export const ToastProvider = ToastPrimitive.Provider;

export type ToastTone = "success" | "danger";

type ToastProps = Omit<ComponentProps<typeof ToastPrimitive.Root>, "type" | "title"> & {
  tone: ToastTone;
  title: ReactNode;
  description?: ReactNode;
};

/**
 * A short message in the corner: a success is read out politely, a failure at once (Radix speaks each
 * toast through its own live region, so the toast itself stays an item of the toast list). It pauses
 * while the pointer or the keyboard is on it, and Escape or "Dismiss" closes it.
 */
export function Toast({ tone, title, description, className, ...props }: ToastProps) {
  const failed = tone === "danger";
  return (
    <ToastPrimitive.Root
      type={failed ? "foreground" : "background"}
      className={cx("toast", `toast--${tone}`, className)}
      {...props}
    >
      {failed ? <AlertIcon className="toast__icon" /> : <CheckIcon className="toast__icon" />}
      <div className="toast__body">
        <ToastPrimitive.Title className="toast__title">{title}</ToastPrimitive.Title>
        {description ? <ToastPrimitive.Description>{description}</ToastPrimitive.Description> : null}
      </div>
      <ToastPrimitive.Close className="button button--quiet button--sm toast__close">Dismiss</ToastPrimitive.Close>
    </ToastPrimitive.Root>
  );
}

import { Toast as ToastPrimitive } from "radix-ui";
import { type ComponentProps, type ReactNode, useEffect, useRef } from "react";
import { cx } from "../lib/cx.ts";
import { AlertIcon, CheckIcon, CrossIcon } from "./icons.tsx";
import { VisuallyHidden } from "./visually-hidden.tsx";

/**
 * Tells the page how much room the toasts take at the bottom of the window (`--toast-space` on the
 * root, 0 without toasts), so the keyboard's place scrolls clear of them and nothing stays under them.
 */
function useToastSpace() {
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const element = list.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const root = document.documentElement;
    const measure = () => {
      const space = element.childElementCount > 0 ? Math.ceil(element.getBoundingClientRect().height) : 0;
      root.style.setProperty("--toast-space", `${space}px`);
    };
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    const children = new MutationObserver(measure);
    children.observe(element, { childList: true });
    measure();
    return () => {
      observer.disconnect();
      children.disconnect();
      root.style.removeProperty("--toast-space");
    };
  }, []);
  return list;
}

/** Where toasts live; one per page, in the app shell. F8 moves the keyboard into it. */
export function ToastViewport({ className, ...props }: ComponentProps<typeof ToastPrimitive.Viewport>) {
  const list = useToastSpace();
  return <ToastPrimitive.Viewport ref={list} className={cx("toast-viewport", className)} {...props} />;
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
 * while the pointer or the keyboard is on it, and Escape or its × button ("Dismiss") closes it.
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
      <ToastPrimitive.Close className="button button--quiet button--sm toast__close">
        <CrossIcon />
        <VisuallyHidden>Dismiss</VisuallyHidden>
      </ToastPrimitive.Close>
    </ToastPrimitive.Root>
  );
}

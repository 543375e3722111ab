import { useRouterState } from "@tanstack/react-router";
import { type ReactNode, useCallback, useState } from "react";
import { Toast, ToastProvider } from "./toast.tsx";
import { ToastContext, type ToastMessage } from "./toast-context.ts";

/** Long enough to read while talking to the caller; the timer pauses while the toast is hovered or focused. */
export const SUCCESS_TOAST_MS = 10_000;

/** More toasts than this at once is noise; the oldest go first. */
const MAX_TOASTS = 3;

type ShownToast = ToastMessage & { id: number };

let nextId = 0;

/**
 * Keeps the toasts on screen and lets any part of the console add one with useToast(). A toast
 * belongs to the page it was raised on: going to another page (another path) clears them.
 */
export function Toasts({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ShownToast[]>([]);
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const [shownOn, setShownOn] = useState(pathname);
  if (pathname !== shownOn) {
    setShownOn(pathname);
    setToasts([]);
  }

  const show = useCallback((message: ToastMessage) => {
    nextId += 1;
    const id = nextId;
    setToasts((list) => [...list, { ...message, id }].slice(-MAX_TOASTS));
  }, []);

  const remove = (id: number) => setToasts((list) => list.filter((toast) => toast.id !== id));

  return (
    <ToastProvider label="Notification" swipeDirection="right" duration={SUCCESS_TOAST_MS}>
      <ToastContext value={show}>{children}</ToastContext>
      {toasts.map((toast) => (
        <Toast
          key={toast.id}
          tone={toast.tone}
          title={toast.title}
          description={toast.description}
          duration={toast.tone === "danger" ? Number.POSITIVE_INFINITY : SUCCESS_TOAST_MS}
          onOpenChange={(open) => {
            if (!open) remove(toast.id);
          }}
        />
      ))}
    </ToastProvider>
  );
}

import { createContext, useContext } from "react";
import type { ToastTone } from "./toast.tsx";

/** A message for the corner of the screen: what happened, and optionally what to do next. */
export type ToastMessage = { tone: ToastTone; title: string; description?: string };

export const ToastContext = createContext<((message: ToastMessage) => void) | null>(null);

/** Shows a toast. Successes go after 10 seconds; failures stay until the agent dismisses them. */
export function useToast(): (message: ToastMessage) => void {
  const show = useContext(ToastContext);
  if (!show) throw new Error("useToast needs the Toasts provider around the app.");
  return show;
}

import type { ComponentProps } from "react";
import { cx } from "../lib/cx.ts";

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={cx("input", className)} {...props} />;
}

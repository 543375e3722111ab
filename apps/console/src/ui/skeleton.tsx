import type { ComponentProps } from "react";
import { cx } from "../lib/cx.ts";

/** A grey placeholder bar where content is about to appear; hidden from screen readers. */
export function Skeleton({ className, ...props }: ComponentProps<"span">) {
  return <span aria-hidden="true" className={cx("skeleton", className)} {...props} />;
}

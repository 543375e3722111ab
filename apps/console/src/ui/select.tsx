import type { ComponentProps } from "react";
import { cx } from "../lib/cx.ts";

/** A native select: arrow keys, type-ahead and screen readers all work without extra code. */
export function Select({ className, ...props }: ComponentProps<"select">) {
  return (
    <span className="select">
      <select className={cx("input", "select__control", className)} {...props} />
    </span>
  );
}

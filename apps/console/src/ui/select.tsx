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

/** An option for each value, named by its label. */
export function Options<T extends string>({ values, labels }: { values: readonly T[]; labels: Record<T, string> }) {
  return values.map((value) => (
    <option key={value} value={value}>
      {labels[value]}
    </option>
  ));
}

import type { ComponentProps } from "react";
import { cx } from "../lib/cx.ts";

/** A key the agent can press, e.g. <Kbd>/</Kbd>. */
export function Kbd({ className, ...props }: ComponentProps<"kbd">) {
  return <kbd className={cx("kbd", className)} {...props} />;
}

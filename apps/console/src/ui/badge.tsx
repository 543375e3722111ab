import type { ComponentProps, ReactNode } from "react";
import { cx } from "../lib/cx.ts";

export type BadgeTone = "success" | "danger" | "warning" | "info" | "neutral";

type BadgeProps = ComponentProps<"span"> & {
  tone?: BadgeTone;
  /** A shape next to the words, so the meaning never rests on colour alone. */
  icon?: ReactNode;
};

export function Badge({ tone = "neutral", icon, className, children, ...props }: BadgeProps) {
  return (
    <span className={cx("badge", `badge--${tone}`, className)} {...props}>
      {icon}
      <span>{children}</span>
    </span>
  );
}

import { Progress as ProgressPrimitive } from "radix-ui";
import type { ComponentProps } from "react";
import { cx } from "../lib/cx.ts";

type ProgressProps = Omit<ComponentProps<typeof ProgressPrimitive.Root>, "value" | "max"> & {
  value: number;
  max: number;
};

/**
 * A progress bar (role="progressbar" with aria-valuenow). Name it with aria-label or aria-labelledby,
 * and say the progress in words with getValueLabel, e.g. "4,000 of 18,231 events".
 */
export function Progress({ value, max, className, ...props }: ProgressProps) {
  // Radix needs a positive maximum; nothing to do counts as done.
  const safeMax = max > 0 ? max : 1;
  const safeValue = max > 0 ? Math.min(value, max) : 1;
  return (
    <ProgressPrimitive.Root className={cx("progress", className)} value={safeValue} max={safeMax} {...props}>
      <ProgressPrimitive.Indicator
        className="progress__indicator"
        style={{ transform: `translateX(-${100 - (safeValue / safeMax) * 100}%)` }}
      />
    </ProgressPrimitive.Root>
  );
}

import { Slot } from "radix-ui";
import type { ComponentProps, MouseEvent } from "react";
import { cx } from "../lib/cx.ts";

type ButtonProps = ComponentProps<"button"> & {
  variant?: "primary" | "secondary" | "quiet" | "danger";
  size?: "md" | "sm";
  /** Render the child (e.g. a router Link) with button looks instead of a <button>. */
  asChild?: boolean;
  /** Work is under way: the button stays focusable and announced, but does nothing. */
  busy?: boolean;
};

export function Button({
  variant = "secondary",
  size = "md",
  asChild = false,
  busy = false,
  className,
  type,
  onClick,
  ...props
}: ButtonProps) {
  const classes = cx("button", `button--${variant}`, size === "sm" && "button--sm", className);
  if (asChild) return <Slot.Root className={classes} {...props} />;

  function handleClick(event: MouseEvent<HTMLButtonElement>) {
    if (busy) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  }

  return (
    <button
      type={type ?? "button"}
      className={classes}
      aria-disabled={busy || props["aria-disabled"] || undefined}
      aria-busy={busy || undefined}
      data-busy={busy || undefined}
      onClick={handleClick}
      {...props}
    />
  );
}

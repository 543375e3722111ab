import type { ComponentProps, ReactNode } from "react";
import { cx } from "../lib/cx.ts";
import { AlertIcon, CheckIcon, InfoIcon } from "./icons.tsx";

type AlertProps = Omit<ComponentProps<"div">, "title"> & {
  tone?: "danger" | "info" | "success";
  title?: ReactNode;
};

const ALERT_ICONS = {
  danger: <AlertIcon className="alert__icon" />,
  info: <InfoIcon className="alert__icon" />,
  success: <CheckIcon className="alert__icon" />,
};

/** A boxed message. Put it inside an AlertRegion when it must be announced as it appears. */
export function Alert({ tone = "danger", title, className, children, ...props }: AlertProps) {
  return (
    <div className={cx("alert", `alert--${tone}`, className)} {...props}>
      {ALERT_ICONS[tone]}
      <div className="alert__body">
        {title ? <p className="alert__title">{title}</p> : null}
        {children}
      </div>
    </div>
  );
}

/**
 * A role="alert" region that is always in the page, so screen readers announce whatever is put in
 * it later (a region that appears together with its message is often missed).
 */
export function AlertRegion({ className, ...props }: ComponentProps<"div">) {
  return <div role="alert" className={cx("alert-region", className)} {...props} />;
}

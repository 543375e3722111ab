import type { ComponentProps, ReactNode } from "react";
import { cx } from "../lib/cx.ts";

export function DescriptionList({ className, ...props }: ComponentProps<"dl">) {
  return <dl className={cx("dl", className)} {...props} />;
}

/** One term and its value; the pair is wrapped in a <div>, which HTML allows inside <dl>. */
export function DescriptionItem({ term, children }: { term: ReactNode; children: ReactNode }) {
  return (
    <div className="dl__item">
      <dt className="dl__term">{term}</dt>
      <dd className="dl__details">{children}</dd>
    </div>
  );
}

import { type ComponentProps, type ReactNode, useId } from "react";
import { cx } from "../lib/cx.ts";

export function Card({ className, ...props }: ComponentProps<"div">) {
  return <div className={cx("card", className)} {...props} />;
}

type SectionProps = Omit<ComponentProps<"section">, "title"> & {
  title: ReactNode;
  /** Extra words or controls shown beside the heading. */
  aside?: ReactNode;
};

/** A titled card: a <section> named by its own <h2>, so it shows up as a landmark region. */
export function Section({ title, aside, className, children, ...props }: SectionProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={cx("card", "section", className)} {...props}>
      <header className="section__header">
        <h2 id={headingId} className="section__title">
          {title}
        </h2>
        {aside}
      </header>
      {children}
    </section>
  );
}

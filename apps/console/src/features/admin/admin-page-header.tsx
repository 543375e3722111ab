import { type ReactNode, useEffect, useRef } from "react";

type AdminPageHeaderProps = {
  title: string;
  intro: ReactNode;
  /** The page's main action, e.g. "Create API key". */
  action?: ReactNode;
};

/** An admin page's title (focused on arrival, so screen readers start there), what it is for, and its main action. */
export function AdminPageHeader({ title, intro, action }: AdminPageHeaderProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <header className="admin-header">
      <title>{`${title} — Administration — Recovery Desk`}</title>
      <div className="stack admin-header__text">
        <h1 ref={headingRef} tabIndex={-1} className="page-title">
          {title}
        </h1>
        <p className="muted">{intro}</p>
      </div>
      {action ? <div className="admin-header__action">{action}</div> : null}
    </header>
  );
}

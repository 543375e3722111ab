import type { MouseEvent } from "react";

/** The first thing Tab reaches: jumps past the header straight to the page content. */
export function SkipLink({ targetId }: { targetId: string }) {
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    const target = document.getElementById(targetId);
    if (!target) return;
    // Move focus ourselves, without putting "#main" into the router's address.
    event.preventDefault();
    target.focus();
  }

  return (
    <a href={`#${targetId}`} className="skip-link" onClick={handleClick}>
      Skip to main content
    </a>
  );
}

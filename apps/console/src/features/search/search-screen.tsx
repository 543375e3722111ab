import { getRouteApi } from "@tanstack/react-router";
import { useRef } from "react";
import { useSlashShortcut } from "../../lib/use-slash-shortcut.ts";
import { SearchForm } from "./search-form.tsx";
import { SearchResults } from "./search-results.tsx";

const routeApi = getRouteApi("/_authenticated/accounts/");

/** Find the caller's account. Everything the agent asked for lives in the URL. */
export function SearchScreen() {
  const { q, status } = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLOListElement>(null);

  useSlashShortcut(() => inputRef.current?.focus());

  function focusFirstResult() {
    listRef.current?.querySelector<HTMLAnchorElement>("a[data-result]")?.focus();
  }

  return (
    <div className="stack stack--lg">
      <title>{q ? `“${q}” — Account search — Recovery Desk` : "Account search — Recovery Desk"}</title>
      <h1 className="page-title">Account search</h1>
      <SearchForm
        q={q}
        status={status}
        inputRef={inputRef}
        onEnterResults={focusFirstResult}
        onSearch={(change) => navigate({ search: (prev) => ({ ...prev, ...change }), replace: true })}
      />
      <SearchResults q={q} status={status} listRef={listRef} onLeaveTop={() => inputRef.current?.focus()} />
    </div>
  );
}

import { ACCOUNT_STATUSES, type AccountStatus } from "@recovery-desk/shared";
import { type ChangeEvent, type FormEvent, type KeyboardEvent, type Ref, useEffect, useRef, useState } from "react";
import { useDebouncedCallback } from "use-debounce";
import { STATUS_LABELS } from "../../lib/account-words.ts";
import { Button } from "../../ui/button.tsx";
import { Field } from "../../ui/field.tsx";
import { SearchIcon } from "../../ui/icons.tsx";
import { Input } from "../../ui/input.tsx";
import { Kbd } from "../../ui/kbd.tsx";
import { Options, Select } from "../../ui/select.tsx";

/** How long typing must pause before the search runs. */
export const SEARCH_DEBOUNCE_MS = 250;

type SearchFormProps = {
  q: string | undefined;
  status: AccountStatus | undefined;
  onSearch: (change: { q?: string | undefined; status?: AccountStatus | undefined }) => void;
  /** Arrow Down in the box: move into the results. */
  onEnterResults: () => void;
  inputRef: Ref<HTMLInputElement>;
};

/** The search box and the status filter. What they hold is written to the URL. */
export function SearchForm({ q, status, onSearch, onEnterResults, inputRef }: SearchFormProps) {
  const [text, setText] = useState(q ?? "");
  // The last words this form put into the URL, to tell our own changes from Back/Forward.
  const sentRef = useRef(q ?? "");
  const debounced = useDebouncedCallback((value: string) => {
    sentRef.current = value.trim();
    onSearch({ q: value.trim() || undefined });
  }, SEARCH_DEBOUNCE_MS);

  useEffect(() => {
    const fromUrl = q ?? "";
    if (fromUrl === sentRef.current) return;
    sentRef.current = fromUrl;
    debounced.cancel();
    setText(fromUrl);
  }, [q, debounced]);

  function handleChange(event: ChangeEvent<HTMLInputElement>) {
    setText(event.target.value);
    debounced(event.target.value);
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    debounced(text);
    debounced.flush();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      // Words still waiting to be searched: search them now; the results list is not theirs yet.
      if (debounced.isPending()) debounced.flush();
      else onEnterResults();
    } else if (event.key === "Escape" && text) {
      event.preventDefault();
      setText("");
      debounced("");
      debounced.flush();
    }
  }

  function handleStatus(event: ChangeEvent<HTMLSelectElement>) {
    const value = ACCOUNT_STATUSES.find((s) => s === event.target.value);
    onSearch({ status: value });
  }

  return (
    <search aria-label="Accounts">
      <form className="search-form" onSubmit={handleSubmit}>
        <Field
          id="account-search"
          label="Search accounts"
          className="search-form__query"
          hint={
            <>
              Results update as you type. <Kbd>/</Kbd> comes back here, <Kbd>↓</Kbd> moves into the results,{" "}
              <Kbd>Esc</Kbd> clears.
            </>
          }
        >
          {(control) => (
            <div className="search-form__row">
              <Input
                {...control}
                ref={inputRef}
                type="search"
                name="q"
                value={text}
                onChange={handleChange}
                onKeyDown={handleKeyDown}
                autoComplete="off"
                spellCheck={false}
                // Focus on load: every call starts here; the agent types the moment the page opens.
                autoFocus
                placeholder="Name, username, email, phone, ZIP or street"
              />
              <Button type="submit" variant="primary">
                <SearchIcon />
                Search
              </Button>
            </div>
          )}
        </Field>
        <Field id="account-status" label="Status" className="search-form__status">
          {(control) => (
            <Select {...control} name="status" value={status ?? ""} onChange={handleStatus}>
              <option value="">Any status</option>
              <Options values={ACCOUNT_STATUSES} labels={STATUS_LABELS} />
            </Select>
          )}
        </Field>
      </form>
    </search>
  );
}

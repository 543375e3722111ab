import { AUDIT_ACTIONS } from "@recovery-desk/shared";
import { type ChangeEvent, type FormEvent, useEffect, useRef, useState } from "react";
import { useDebouncedCallback } from "use-debounce";
import { Button } from "../../ui/button.tsx";
import { Field } from "../../ui/field.tsx";
import { Input } from "../../ui/input.tsx";
import { Options, Select } from "../../ui/select.tsx";
import { type AuditSearch, hasFilters, isoToLocalInput, localInputToIso, MIN_FREE_TEXT } from "./audit-search.ts";
import { ACTION_GROUPS, ACTION_LABELS, formatUtc } from "./audit-words.ts";

/** How long typing must pause before the filters are applied. */
export const FILTER_DEBOUNCE_MS = 300;

/** What the typed fields hold right now; times as datetime-local values in this browser's time zone. */
type Draft = { account: string; actor: string; caseRef: string; q: string; from: string; to: string };
type TypedFilters = Pick<AuditSearch, "account" | "accountId" | "actor" | "actorId" | "caseRef" | "q" | "from" | "to">;

const EMPTY_DRAFT: Draft = { account: "", actor: "", caseRef: "", q: "", from: "", to: "" };

/** The account and actor fields show a name or an id; an older link's `accountId` or `actorId` fills them too. */
function draftOf(filters: AuditSearch): Draft {
  return {
    account: filters.account ?? filters.accountId ?? "",
    actor: filters.actor ?? filters.actorId ?? "",
    caseRef: filters.caseRef ?? "",
    q: filters.q ?? "",
    from: isoToLocalInput(filters.from),
    to: isoToLocalInput(filters.to),
  };
}

/**
 * The draft as URL filters: blanks dropped, free text only from two characters, times in UTC. What the
 * account and actor fields hold goes out as `account` and `actor` (a name or an id), replacing an older
 * link's `accountId` and `actorId`.
 */
function filtersOf(draft: Draft): TypedFilters {
  const text = (value: string) => value.trim() || undefined;
  const q = draft.q.trim();
  return {
    account: text(draft.account),
    accountId: undefined,
    actor: text(draft.actor),
    actorId: undefined,
    caseRef: text(draft.caseRef),
    q: q.length >= MIN_FREE_TEXT ? q : undefined,
    from: localInputToIso(draft.from),
    to: localInputToIso(draft.to),
  };
}

/** Compares typed filters regardless of where they came from (an id in `accountId` is the same as in `account`). */
const keyOf = (filters: TypedFilters) =>
  JSON.stringify([
    filters.account ?? filters.accountId,
    filters.actor ?? filters.actorId,
    filters.caseRef,
    filters.q,
    filters.from,
    filters.to,
  ]);

const ACTIONS_BY_GROUP = ACTION_GROUPS.map((group) => ({
  label: group.label,
  actions: AUDIT_ACTIONS.filter((action) => group.prefixes.some((prefix) => action.startsWith(prefix))),
}));

/** The typed fields that take a name, an id or a reference, in the order they stand. */
const TEXT_FIELDS: { field: "account" | "actor" | "caseRef"; id: string; label: string; hint?: string }[] = [
  { field: "account", id: "audit-account", label: "Account", hint: "Username or id, e.g. maria.lopez" },
  { field: "actor", id: "audit-actor", label: "Actor", hint: "Staff username or id, e.g. ava.agent" },
  { field: "caseRef", id: "audit-case", label: "Case reference" },
];

/** The two ends of the time range; under each, the time as the link keeps it (UTC). */
const TIME_FIELDS: { field: "from" | "to"; id: string; label: string }[] = [
  { field: "from", id: "audit-from", label: "From" },
  { field: "to", id: "audit-to", label: "Until (not included)" },
];

const TIME_ZONE = new Intl.DateTimeFormat().resolvedOptions().timeZone;

type AuditFilterBarProps = {
  filters: AuditSearch;
  onChange: (change: Partial<AuditSearch>) => void;
  onClear: () => void;
};

/**
 * The filters of the audit page. Typed fields apply once typing pauses (or at once on Enter), the
 * action as soon as it is picked; everything lands in the URL, so the view can be shared.
 */
export function AuditFilterBar({ filters, onChange, onClear }: AuditFilterBarProps) {
  const [draft, setDraft] = useState(() => draftOf(filters));
  // The typed filters this form last put into the URL, to tell its own changes from Back/Forward or a link.
  const sentRef = useRef(keyOf(filters));
  const debounced = useDebouncedCallback((next: Draft) => {
    const change = filtersOf(next);
    if (keyOf(change) === sentRef.current) return;
    sentRef.current = keyOf(change);
    onChange(change);
  }, FILTER_DEBOUNCE_MS);

  useEffect(() => {
    const fromUrl = keyOf(filters);
    if (fromUrl === sentRef.current) return;
    sentRef.current = fromUrl;
    debounced.cancel();
    setDraft(draftOf(filters));
  }, [filters, debounced]);

  function edit(field: keyof Draft) {
    return (event: ChangeEvent<HTMLInputElement>) => {
      const next = { ...draft, [field]: event.target.value };
      setDraft(next);
      debounced(next);
    };
  }

  function handleAction(event: ChangeEvent<HTMLSelectElement>) {
    debounced.flush();
    const action = AUDIT_ACTIONS.find((value) => value === event.target.value);
    onChange({ action });
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    debounced(draft);
    debounced.flush();
  }

  function clear() {
    debounced.cancel();
    sentRef.current = keyOf({});
    setDraft(EMPTY_DRAFT);
    onClear();
  }

  const shortText = draft.q.trim().length > 0 && draft.q.trim().length < MIN_FREE_TEXT;
  const anything = hasFilters(filters) || keyOf(filtersOf(draft)) !== keyOf({});

  return (
    <search aria-label="Audit events">
      <form className="audit-filters" onSubmit={handleSubmit}>
        <Field
          id="audit-q"
          label="Words in the reason or details"
          className="audit-filters__q"
          invalid={shortText}
          hint={shortText ? "Type at least 2 characters to search." : "For example a case note, a channel or an id."}
        >
          {(control) => (
            <Input
              {...control}
              type="search"
              value={draft.q}
              onChange={edit("q")}
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </Field>
        {TEXT_FIELDS.map(({ field, id, label, hint }) => (
          <Field key={id} id={id} label={label} hint={hint}>
            {(control) => (
              <Input
                {...control}
                value={draft[field]}
                onChange={edit(field)}
                autoComplete="off"
                spellCheck={false}
                className="audit-mono"
              />
            )}
          </Field>
        ))}
        <Field id="audit-action" label="Action">
          {(control) => (
            <Select {...control} value={filters.action ?? ""} onChange={handleAction}>
              <option value="">Any action</option>
              {ACTIONS_BY_GROUP.map((group) => (
                <optgroup key={group.label} label={group.label}>
                  <Options values={group.actions} labels={ACTION_LABELS} />
                </optgroup>
              ))}
            </Select>
          )}
        </Field>
        {TIME_FIELDS.map(({ field, id, label }) => {
          const utc = localInputToIso(draft[field]);
          return (
            <Field key={id} id={id} label={label} hint={utc ? formatUtc(utc) : "Any time"}>
              {(control) => (
                <Input {...control} type="datetime-local" step="1" value={draft[field]} onChange={edit(field)} />
              )}
            </Field>
          );
        })}
        <div className="audit-filters__actions">
          <p className="field__hint">Times are in your time zone ({TIME_ZONE}); the page's link keeps them in UTC.</p>
          <div className="cluster">
            {/* Enter in any field applies the filters at once; this button is there for the same. */}
            <Button type="submit" variant="primary">
              Apply
            </Button>
            <Button onClick={clear} disabled={!anything}>
              Clear filters
            </Button>
          </div>
        </div>
      </form>
    </search>
  );
}

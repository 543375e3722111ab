import * as v from "valibot";

/**
 * Plain `?q=62701&status=locked` URLs instead of the router's JSON-encoded default, so a ZIP code or
 * phone number in the address bar reads the way the agent typed it. Every search value is a string.
 */
export function parseSearch(searchStr: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(searchStr));
}

export function stringifySearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, typeof value === "string" ? value : JSON.stringify(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/**
 * A value of a page's URL, read by `schema`. One that cannot be read is dropped rather than refused:
 * its key stays, with nothing in it, so the router does not keep the raw value. A key missing from the
 * URL stays missing.
 */
export function searchValue<S extends v.GenericSchema>(schema: S) {
  return v.fallback(v.optional(schema), undefined as v.InferOutput<v.OptionalSchema<S, undefined>>);
}

/** Trimmed text of at most `max` characters; empty is no value. */
export function searchText(max: number) {
  return searchValue(
    v.pipe(
      v.string(),
      v.trim(),
      v.maxLength(max),
      v.transform((text) => text || undefined),
    ),
  );
}

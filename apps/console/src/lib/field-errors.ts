import type { RefObject } from "react";

type Issue = { path: readonly PropertyKey[] };

/**
 * The fields a schema refused, each with the console's own message for it: the schema says which
 * field, the form says it in words the agent can act on.
 */
export function fieldErrors<Field extends string>(
  issues: readonly Issue[],
  messages: Record<Field, string>,
): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  for (const issue of issues) {
    const field = issue.path[0];
    if (typeof field === "string" && Object.hasOwn(messages, field)) {
      errors[field as Field] = messages[field as Field];
    }
  }
  return errors;
}

type Parsed<T> = { success: true; data: T } | { success: false; error: { issues: readonly Issue[] } };

export type CheckedForm<T, Field extends string> =
  | { ok: true; data: T; errors: Partial<Record<Field, string>> }
  | { ok: false; errors: Partial<Record<Field, string>> };

/**
 * A form's values as its schema parsed them. When the schema refused them, the refused fields get the
 * form's messages and the keyboard goes to the first of them, in the order `fields` lists them (to the
 * last field when the schema refused something no field shows).
 */
export function checkForm<T, Field extends string>(
  parsed: Parsed<T>,
  messages: Record<Field, string>,
  fields: Record<Field, RefObject<HTMLElement | null>>,
): CheckedForm<T, Field> {
  if (parsed.success) return { ok: true, data: parsed.data, errors: {} };
  const errors = fieldErrors(parsed.error.issues, messages);
  const order = Object.keys(fields) as Field[];
  const first = order.find((field) => errors[field]) ?? order.at(-1);
  if (first) fields[first].current?.focus();
  return { ok: false, errors };
}

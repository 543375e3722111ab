/**
 * The fields a schema refused, each with the console's own message for it: the schema says which
 * field, the form says it in words the agent can act on.
 */
export function fieldErrors<Field extends string>(
  issues: readonly { path: readonly PropertyKey[] }[],
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

import { CaseRef } from "@recovery-desk/shared";

export type CaseRefCheck = { ok: true; value: string | undefined } | { ok: false; message: string };

/** The case reference is optional; when given it must follow the API's rule (letters, digits, . / : # - _, up to 64). */
export function checkCaseRef(raw: string): CaseRefCheck {
  const text = raw.trim();
  if (!text) return { ok: true, value: undefined };
  const parsed = CaseRef.safeParse(text);
  if (parsed.success) return { ok: true, value: parsed.data };
  return text.length > 64
    ? { ok: false, message: "The case reference can be at most 64 characters long." }
    : { ok: false, message: "Use only letters, digits and . / : # - _ in the case reference (no spaces)." };
}

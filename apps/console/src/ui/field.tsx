import { type ReactNode, useId } from "react";
import { cx } from "../lib/cx.ts";
import { AlertRegion } from "./alert.tsx";
import { Label } from "./label.tsx";

/** What a field hands its control: the id its label points at and what describes it. */
export type FieldControlProps = {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
};

type FieldProps = {
  label: ReactNode;
  labelClassName?: string;
  /** A line under the control that says what to enter, read with it. */
  hint?: ReactNode;
  /**
   * Why the value was refused, read first with the control. Leave it out for a field that is never
   * refused on its own: it then has no error region.
   */
  error?: string | null;
  /** Marks the control invalid without an error of its own, e.g. when a message elsewhere names it. */
  invalid?: boolean;
  /** Further descriptions by id (a count, a message elsewhere on the page), read after the hint. */
  describedBy?: (string | false | null | undefined)[];
  /** Read the error after the other descriptions instead of before them. */
  errorLast?: boolean;
  /** The control's id, when something else must find it; a generated one otherwise. */
  id?: string;
  className?: string;
  /** The control, given its id, aria-invalid and aria-describedby; anything rendered after it sits under it. */
  children: (control: FieldControlProps) => ReactNode;
};

/**
 * One form field: label, control, hint and error, wired together with ids so a screen reader reads
 * the label, the error and the hint with the control. The error region is always in the page, so a
 * new error is announced as it appears.
 */
export function Field({
  label,
  labelClassName,
  hint,
  error,
  invalid = false,
  describedBy = [],
  errorLast = false,
  id: givenId,
  className,
  children,
}: FieldProps) {
  const generatedId = useId();
  const id = givenId ?? generatedId;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const errorIds = error ? [errorId] : [];
  const otherIds = [hint ? hintId : null, ...describedBy];
  const ids = (errorLast ? [...otherIds, ...errorIds] : [...errorIds, ...otherIds]).filter(Boolean).join(" ");
  return (
    <div className={cx("field", className)}>
      <Label htmlFor={id} className={labelClassName}>
        {label}
      </Label>
      {children({
        id,
        "aria-invalid": error || invalid ? true : undefined,
        "aria-describedby": ids || undefined,
      })}
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error === undefined ? null : (
        <AlertRegion id={errorId} className="field__error">
          {error}
        </AlertRegion>
      )}
    </div>
  );
}

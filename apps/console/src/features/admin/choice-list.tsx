import { type Dispatch, type ReactNode, type Ref, type SetStateAction, useId } from "react";
import { AlertRegion } from "../../ui/alert.tsx";
import { Label } from "../../ui/label.tsx";

type ChoiceListProps<T extends string> = {
  legend: string;
  /** Every choice, in the order shown; the chosen ones keep this order. */
  choices: readonly T[];
  chosen: readonly T[];
  setChosen: Dispatch<SetStateAction<T[]>>;
  /** What a choice allows, read with its checkbox. */
  describe: (choice: T) => ReactNode;
  /** Why the choice was refused, read with the group. */
  error: string | undefined;
  /** The first checkbox, for the keyboard to go to when the choice is refused. */
  firstRef: Ref<HTMLInputElement>;
};

/** Checkboxes for several of a fixed list (an API key's scopes, a webhook's events), each named in code and described. */
export function ChoiceList<T extends string>({
  legend,
  choices,
  chosen,
  setChosen,
  describe,
  error,
  firstRef,
}: ChoiceListProps<T>) {
  const id = useId();

  function toggle(choice: T, on: boolean) {
    setChosen((current) => choices.filter((c) => (c === choice ? on : current.includes(c))));
  }

  return (
    <fieldset className="fieldset" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="label">{legend}</legend>
      <ul className="plain-list stack scope-list">
        {choices.map((choice, index) => (
          <li key={choice} className="checkbox">
            <input
              ref={index === 0 ? firstRef : undefined}
              id={`${id}-${choice}`}
              type="checkbox"
              className="checkbox__input"
              checked={chosen.includes(choice)}
              onChange={(event) => toggle(choice, event.target.checked)}
              aria-describedby={`${id}-${choice}-about`}
            />
            <span className="checkbox__text">
              <Label htmlFor={`${id}-${choice}`}>
                <code>{choice}</code>
              </Label>
              <span id={`${id}-${choice}-about`} className="field__hint">
                {describe(choice)}
              </span>
            </span>
          </li>
        ))}
      </ul>
      <AlertRegion id={`${id}-error`} className="field__error">
        {error}
      </AlertRegion>
    </fieldset>
  );
}

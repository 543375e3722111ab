import type { VerificationMethod } from "@recovery-desk/shared";
import { type ReactNode, type Ref, useId } from "react";
import { cx } from "../../lib/cx.ts";
import { METHOD_LABELS, type MethodChoice } from "../../lib/verification-words.ts";
import { Button } from "../../ui/button.tsx";
import { MailIcon, MessageIcon, ShieldIcon } from "../../ui/icons.tsx";

const METHOD_ICONS: Record<VerificationMethod, ReactNode> = {
  security_questions: <ShieldIcon />,
  otp_sms: <MessageIcon />,
  otp_email: <MailIcon />,
};

type MethodButtonsProps = {
  choices: MethodChoice[];
  /** The method being started right now, shown as busy. */
  pendingMethod: VerificationMethod | null;
  onChoose: (method: VerificationMethod) => void;
  groupRef: Ref<HTMLFieldSetElement>;
  /** The question the group asks. */
  legend?: string;
  /** The one method to show as the next step; without it, every usable method is. */
  obvious?: VerificationMethod | undefined;
};

/** One button per way to verify; one that cannot be used is disabled and says why right under it. */
export function MethodButtons(props: MethodButtonsProps) {
  const { choices, pendingMethod, onChoose, groupRef, legend = "How will the caller verify?", obvious } = props;
  const id = useId();
  return (
    <fieldset ref={groupRef} className="method-group stack">
      <legend className="label">{legend}</legend>
      <ul className="method-list">
        {choices.map((choice) => (
          <li key={choice.method} className="method">
            <Button
              variant={choice.available && (obvious ?? choice.method) === choice.method ? "primary" : "secondary"}
              disabled={!choice.available}
              busy={pendingMethod === choice.method}
              aria-describedby={`${id}-${choice.method}`}
              onClick={() => onChoose(choice.method)}
            >
              {METHOD_ICONS[choice.method]}
              {METHOD_LABELS[choice.method]}
            </Button>
            <p id={`${id}-${choice.method}`} className={cx("method__note", !choice.available && "method__note--off")}>
              {choice.note}
            </p>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

import { CreateWebhookRequest, WEBHOOK_EVENTS, type WebhookEvent } from "@recovery-desk/shared";
import { type FormEvent, useRef, useState } from "react";
import { isApiProblem } from "../../api/problem.ts";
import { checkForm } from "../../lib/field-errors.ts";
import type { ProblemMessage } from "../../lib/problem-words.ts";
import { AlertRegion } from "../../ui/alert.tsx";
import { Field } from "../../ui/field.tsx";
import { Input } from "../../ui/input.tsx";
import { ProblemNotice } from "../../ui/problem-notice.tsx";
import { ChoiceList } from "./choice-list.tsx";
import { ShowOnceFormButtons } from "./show-once-dialog.tsx";
import { WEBHOOK_EVENT_DESCRIPTIONS } from "./webhook-words.ts";

type CreateWebhookFormProps = {
  busy: boolean;
  /** Why the API refused the last try. */
  error: unknown;
  describe: (error: unknown) => ProblemMessage;
  onSubmit: (request: CreateWebhookRequest) => void;
  onCancel: () => void;
};

type FieldErrors = { url?: string; events?: string };

/** What the API said about the address (https only outside demo mode, no user name or password). */
function urlRefusal(error: unknown): string | null {
  if (!isApiProblem(error) || error.code !== "validation_failed") return null;
  return error.errors.find((e) => e.path === "json.url")?.message ?? null;
}

/** The receiver's address and the events it wants. */
export function CreateWebhookForm({ busy, error, describe, onSubmit, onCancel }: CreateWebhookFormProps) {
  const urlRef = useRef<HTMLInputElement>(null);
  const firstEventRef = useRef<HTMLInputElement>(null);
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<WebhookEvent[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const refusedUrl = urlRefusal(error);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const checked = checkForm(
      CreateWebhookRequest.safeParse({ url, events }),
      {
        url: url.trim() ? "Use at most 2,000 characters." : "Enter the address that receives the events.",
        events: "Choose at least one event.",
      },
      { url: urlRef, events: firstEventRef },
    );
    setErrors(checked.errors);
    if (checked.ok) onSubmit(checked.data);
  }

  return (
    <form className="stack" onSubmit={handleSubmit} noValidate>
      <AlertRegion>
        {error && !refusedUrl ? <ProblemNotice title="The webhook was not added" problem={describe(error)} /> : null}
      </AlertRegion>
      <Field
        label="Address"
        hint="The receiver's https:// address, without a user name or password: each delivery is signed instead."
        error={errors.url ?? refusedUrl}
      >
        {(control) => (
          <Input
            ref={urlRef}
            {...control}
            type="url"
            inputMode="url"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            placeholder="https://"
          />
        )}
      </Field>
      <ChoiceList
        legend="Events"
        choices={WEBHOOK_EVENTS}
        chosen={events}
        setChosen={setEvents}
        describe={(event) => WEBHOOK_EVENT_DESCRIPTIONS[event]}
        error={errors.events}
        firstRef={firstEventRef}
      />
      <ShowOnceFormButtons busy={busy} label="Add webhook" busyLabel="Adding…" onCancel={onCancel} />
    </form>
  );
}

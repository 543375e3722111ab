import { CreateWebhookRequest, WEBHOOK_EVENTS, type WebhookEvent } from "@recovery-desk/shared";
import { type FormEvent, useId, useRef, useState } from "react";
import { isApiProblem } from "../../api/problem.ts";
import { fieldErrors } from "../../lib/field-errors.ts";
import type { ProblemMessage } from "../../lib/problem-words.ts";
import { AlertRegion } from "../../ui/alert.tsx";
import { Field } from "../../ui/field.tsx";
import { Input } from "../../ui/input.tsx";
import { Label } from "../../ui/label.tsx";
import { ProblemNotice } from "../../ui/problem-notice.tsx";
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
  return error.errors.find((e) => e.path === "body.url")?.message ?? null;
}

/** The receiver's address and the events it wants. */
export function CreateWebhookForm({ busy, error, describe, onSubmit, onCancel }: CreateWebhookFormProps) {
  const id = useId();
  const urlRef = useRef<HTMLInputElement>(null);
  const firstEventRef = useRef<HTMLInputElement>(null);
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<WebhookEvent[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const refusedUrl = urlRefusal(error);

  function toggle(event: WebhookEvent, on: boolean) {
    setEvents((current) => WEBHOOK_EVENTS.filter((e) => (e === event ? on : current.includes(e))));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const parsed = CreateWebhookRequest.safeParse({ url, events });
    const next: FieldErrors = parsed.success
      ? {}
      : fieldErrors(parsed.error.issues, {
          url: "Use at most 2,000 characters.",
          events: "Choose at least one event.",
        });
    if (!url.trim()) next.url = "Enter the address that receives the events.";
    setErrors(next);
    if (next.url) urlRef.current?.focus();
    else if (next.events) firstEventRef.current?.focus();
    else if (parsed.success) onSubmit(parsed.data);
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
      <fieldset className="fieldset" aria-describedby={errors.events ? `${id}-events-error` : undefined}>
        <legend className="label">Events</legend>
        <ul className="plain-list stack scope-list">
          {WEBHOOK_EVENTS.map((event, index) => (
            <li key={event} className="checkbox">
              <input
                ref={index === 0 ? firstEventRef : undefined}
                id={`${id}-${event}`}
                type="checkbox"
                className="checkbox__input"
                checked={events.includes(event)}
                onChange={(change) => toggle(event, change.target.checked)}
                aria-describedby={`${id}-${event}-about`}
              />
              <span className="checkbox__text">
                <Label htmlFor={`${id}-${event}`}>
                  <code>{event}</code>
                </Label>
                <span id={`${id}-${event}-about`} className="field__hint">
                  {WEBHOOK_EVENT_DESCRIPTIONS[event]}
                </span>
              </span>
            </li>
          ))}
        </ul>
        <AlertRegion id={`${id}-events-error`} className="field__error">
          {errors.events}
        </AlertRegion>
      </fieldset>
      <ShowOnceFormButtons busy={busy} label="Add webhook" busyLabel="Adding…" onCancel={onCancel} />
    </form>
  );
}

import "./report.css";
import { useMutation } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { type FormEvent, type Ref, useId, useRef, useState } from "react";
import { sendReport } from "../../api/reports.ts";
import { useFocusAfterRender } from "../../lib/use-focus-after-render.ts";
import { Alert, AlertRegion } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Card } from "../../ui/card.tsx";
import { Field } from "../../ui/field.tsx";
import { Textarea } from "../../ui/textarea.tsx";
import { CALL_SUPPORT, NOTE_MAX, type ReportEnd, type ReportSetback, readReportFailure } from "./report-words.ts";

const routeApi = getRouteApi("/report/$token");

/**
 * The owner's answer to a notice: "this wasn't me". Public (no sign-in); it says what confirming does,
 * takes an optional note, and after one Confirm says what happened and what to do next.
 */
export function ReportScreen() {
  const { token } = routeApi.useParams();
  const [note, setNote] = useState("");
  const [end, setEnd] = useState<ReportEnd | null>(null);
  const [setback, setSetback] = useState<ReportSetback | null>(null);
  const endHeading = useRef<HTMLHeadingElement>(null);
  const focusAfterRender = useFocusAfterRender();
  const countId = useId();

  const report = useMutation({
    mutationFn: () => sendReport(token, note),
    onSuccess: (outcome) => finish(outcome),
    onError: (error) => {
      const failure = readReportFailure(error);
      if ("end" in failure) finish(failure.end);
      else setSetback(failure.setback);
    },
  });

  function finish(outcome: ReportEnd) {
    setSetback(null);
    setEnd(outcome);
    focusAfterRender(() => endHeading.current);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!report.isPending) report.mutate();
  }

  return (
    <main className="card-page">
      <Card className="card-page__card report-page__card stack">
        <p className="brand brand--large">USPS online account</p>
        {end ? (
          <ReportEnded end={end} headingRef={endHeading} />
        ) : (
          <>
            <title>Report a change you did not ask for — USPS</title>
            <h1 className="page-title">Did someone else change your account?</h1>
            <p>
              We sent you a notice that USPS phone support changed your account. If that was you, there is nothing to do
              and you can close this page. If it was not you, confirm below.
            </p>
            <section className="stack" aria-labelledby="report-what-happens">
              <h2 id="report-what-happens" className="report-page__subtitle">
                What happens when you confirm
              </h2>
              <ul className="report-page__list">
                <li>Your account is locked at once, so nobody can sign in to it.</li>
                <li>Any temporary password we sent for it stops working.</li>
                <li>
                  Before it is unlocked, a supervisor has to verify that you are the owner, with a code sent to your
                  phone or email.
                </li>
                <li>We send you a confirmation by email or text message.</li>
              </ul>
            </section>
            <form className="stack" onSubmit={handleSubmit} noValidate>
              <Field
                label="Anything you want to tell us (optional)"
                hint="For example, what you noticed. It is kept with your report."
                describedBy={[countId]}
              >
                {(control) => (
                  <>
                    <Textarea
                      {...control}
                      name="note"
                      rows={4}
                      maxLength={NOTE_MAX}
                      value={note}
                      onChange={(event) => setNote(event.target.value)}
                    />
                    <p id={countId} className="field__hint">
                      {note.length} of {NOTE_MAX} characters
                    </p>
                  </>
                )}
              </Field>
              <AlertRegion>
                {setback ? (
                  <Alert tone="danger" title={setback.title}>
                    <p>{setback.message}</p>
                    {setback.requestId ? (
                      <p className="muted">
                        If you call, quote reference <code className="reference">{setback.requestId}</code>.
                      </p>
                    ) : null}
                  </Alert>
                ) : null}
              </AlertRegion>
              <Button type="submit" variant="primary" busy={report.isPending} className="button--block">
                {report.isPending ? "Sending…" : setback ? "Try again" : "Confirm"}
              </Button>
            </form>
          </>
        )}
      </Card>
    </main>
  );
}

const ENDS: Record<ReportEnd, { title: string; body: string[]; next: string }> = {
  received: {
    title: "Your account is locked",
    body: [
      "Thank you for telling us. Nobody can sign in to your account now, and any temporary password we sent for it no longer works.",
      "A confirmation is on its way to you by email or text message.",
    ],
    next: `To use your account again, ${CALL_SUPPORT}. A supervisor will verify that it is you with a code sent by text message or email, and then unlock it.`,
  },
  gone: {
    title: "This link has already been used or has expired",
    body: [
      "Each link works once, for 30 days. If you have already reported this change, your account is locked and a confirmation is on its way.",
    ],
    next: `If you still think someone else changed your account, ${CALL_SUPPORT} and tell them: they can lock it for you.`,
  },
  incomplete_link: {
    title: "This link is not complete",
    body: ["Part of the link seems to be missing, so we cannot tell which account it is for."],
    next: `Open the link from our message again, or copy all of it into the address bar. If it still does not work, ${CALL_SUPPORT}.`,
  },
};

/** What happened, in words, and what the owner does next; the heading takes the keyboard. */
function ReportEnded({ end, headingRef }: { end: ReportEnd; headingRef: Ref<HTMLHeadingElement> }) {
  const words = ENDS[end];
  return (
    <div className="stack">
      <title>{`${words.title} — USPS`}</title>
      <h1 ref={headingRef} tabIndex={-1} className="page-title">
        {words.title}
      </h1>
      {words.body.map((line) => (
        <p key={line}>{line}</p>
      ))}
      <section className="stack" aria-labelledby="report-next">
        <h2 id="report-next" className="report-page__subtitle">
          What to do next
        </h2>
        <p>{words.next}</p>
      </section>
    </div>
  );
}

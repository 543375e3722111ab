import { useSuspenseQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { OUTBOX_REFRESH_MS, outboxQuery } from "../../api/outbox.ts";
import { formatTimeWithSeconds, plural } from "../../lib/format.ts";
import { AlertRegion } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { RefreshIcon } from "../../ui/icons.tsx";
import { ProblemNotice } from "../../ui/problem-notice.tsx";
import { OutboxMessageItem } from "./outbox-message.tsx";

/**
 * Demo only: plays the caller's phone and inbox. Refreshes every 5 seconds while open and says
 * politely when new messages arrive.
 */
export function OutboxScreen() {
  const { data, dataUpdatedAt, error, refetch } = useSuspenseQuery({
    ...outboxQuery(),
    refetchInterval: OUTBOX_REFRESH_MS,
  });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const seen = useRef(new Set(data.items.map((m) => m.id)));
  const [news, setNews] = useState("");
  // Only a refresh the agent asked for spins the button; the 5-second ones happen quietly.
  const [refreshing, setRefreshing] = useState(false);
  const updatedAt = new Date(dataUpdatedAt).toISOString();

  async function refresh() {
    setRefreshing(true);
    await refetch();
    setRefreshing(false);
  }

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  useEffect(() => {
    const fresh = data.items.filter((m) => !seen.current.has(m.id));
    for (const message of fresh) seen.current.add(message.id);
    if (fresh.length > 0) setNews(`${plural(fresh.length, "new message", "new messages")} at the top.`);
  }, [data]);

  return (
    <div className="stack stack--lg">
      <title>Outbox — Recovery Desk</title>
      <header className="stack">
        <h1 ref={headingRef} tabIndex={-1} className="page-title">
          Outbox
        </h1>
        <p>Demo only: messages that would have been sent by email or text appear here so you can play the caller.</p>
        <div className="cluster">
          <Button busy={refreshing} onClick={() => void refresh()}>
            <RefreshIcon />
            Refresh
          </Button>
          <p className="muted">
            Updated at <time dateTime={updatedAt}>{formatTimeWithSeconds(updatedAt)}</time>; refreshes every 5 seconds.
          </p>
        </div>
        <p role="status" className="muted">
          {news}
        </p>
        <AlertRegion>
          {error ? <ProblemNotice error={error} title="The outbox could not be refreshed" /> : null}
        </AlertRegion>
      </header>
      {data.items.length === 0 ? (
        <p className="empty-state">No messages yet. Send a code from an account page and it shows up here.</p>
      ) : (
        <ol className="message-list" aria-label="Messages, newest first">
          {data.items.map((message) => (
            <OutboxMessageItem key={message.id} message={message} />
          ))}
        </ol>
      )}
    </div>
  );
}

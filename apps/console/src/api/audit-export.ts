import { type AuditFilters, filterParams } from "./audit.ts";
import { apiUrl } from "./client.ts";
import { ApiProblem, problemFromResponse } from "./problem.ts";

export type ExportFormat = "csv" | "ndjson";

export const EXPORT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv",
  ndjson: "application/x-ndjson",
};

export type ExportProgress = { events: number; bytes: number };

export type ExportedFile = { blob: Blob; fileName: string; events: number };

const NEWLINE = 0x0a;
const QUOTE = 0x22;

/**
 * Counts the events in a streamed export as its bytes arrive, without decoding them: one NDJSON line
 * is one event; in CSV a record ends at a line break outside quotes (a reason may hold line breaks),
 * and the first record is the header. Both characters are ASCII, so they never occur inside a
 * multi-byte UTF-8 character.
 */
export function createEventCounter(format: ExportFormat) {
  let records = 0;
  let inQuotes = false;
  return {
    push(chunk: Uint8Array): void {
      for (const byte of chunk) {
        if (format === "csv" && byte === QUOTE) inQuotes = !inQuotes;
        else if (byte === NEWLINE && !inQuotes) records += 1;
      }
    },
    get events(): number {
      return format === "csv" ? Math.max(0, records - 1) : records;
    },
  };
}

/** The name the API suggests in Content-Disposition, or a plain one. */
function fileNameOf(response: Response, format: ExportFormat): string {
  const header = response.headers.get("content-disposition") ?? "";
  const match = /filename="?([^";]+)"?/i.exec(header);
  return match?.[1]?.trim() || `audit-events.${format}`;
}

/**
 * Streams the export of every event matching `filters`, counting events as they arrive, and returns
 * the whole file. Abort with `signal` to stop; the partial file is dropped.
 */
export async function fetchAuditExport(
  filters: AuditFilters,
  format: ExportFormat,
  { signal, onProgress }: { signal: AbortSignal; onProgress: (progress: ExportProgress) => void },
): Promise<ExportedFile> {
  let response: Response;
  try {
    response = await fetch(apiUrl("/audit-events/export", { ...filterParams(filters), format }), {
      headers: { Accept: `${EXPORT_TYPES[format]}, application/problem+json` },
      credentials: "same-origin",
      signal,
    });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ApiProblem({
      status: 0,
      code: "network_error",
      detail: "The Recovery Desk service could not be reached.",
    });
  }
  if (!response.ok) throw await problemFromResponse(response);
  if (!response.body) {
    throw new ApiProblem({ status: response.status, code: "bad_response", detail: "The export came back empty." });
  }

  const counter = createEventCounter(format);
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let bytes = 0;
  const reader = response.body.getReader();
  // Cancel ends a read that is waiting on the network at once, wherever fetch itself is slow to notice.
  const stop = () => void reader.cancel().catch(() => {});
  signal.addEventListener("abort", stop, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (signal.aborted) throw signal.reason;
      if (done) break;
      parts.push(value);
      bytes += value.byteLength;
      counter.push(value);
      onProgress({ events: counter.events, bytes });
    }
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ApiProblem({
      status: 0,
      code: "network_error",
      detail: "The connection broke before the export was complete.",
      requestId: response.headers.get("x-request-id"),
    });
  } finally {
    signal.removeEventListener("abort", stop);
    reader.releaseLock();
  }
  return {
    blob: new Blob(parts, { type: EXPORT_TYPES[format] }),
    fileName: fileNameOf(response, format),
    events: counter.events,
  };
}

/** Hands a finished file to the browser's downloads, then lets the memory go. */
export function saveFile({ blob, fileName }: { blob: Blob; fileName: string }): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; the next task can free the file.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

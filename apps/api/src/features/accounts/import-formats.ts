import { Readable } from "node:stream";
import { parse } from "csv-parse";
import type { FieldProblem } from "../../http/errors.ts";

/**
 * The lines of an account import as they are read: a value to validate, or a line that could not
 * be read at all. `line` counts from 1; `offset` is the byte just past the line, so a reader can
 * tell how far through a file it is (and an interrupted import can start again from there).
 */
export type ImportItem = { line: number; offset: number } & ({ value: unknown } | { errors: FieldProblem[] });

export type ImportFormat = "ndjson" | "csv";

/** Where to start reading: the start of the file, or just past a line already imported. */
export interface ReadFrom {
  line: number;
  offset: number;
  /** CSV only: the header read from the file's first line when resuming past it. */
  header?: string[];
  /** CSV only: told the header once it is read, so a later run can resume past it. */
  onHeader?: (names: string[]) => void;
}

/** A line longer than this is refused without being held in memory (no account comes near it). */
export const MAX_LINE_BYTES = 1024 * 1024;

const NEWLINE = 0x0a;

const lineProblem = (message: string): FieldProblem[] => [{ path: "", message }];

/**
 * Reads NDJSON: one JSON object a line, blank lines skipped. Memory stays constant whatever the
 * size of the input: one chunk and one line at a time, and a line over `MAX_LINE_BYTES` is
 * skipped while it is read and reported, never gathered.
 */
export async function* readNdjson(
  chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  from: ReadFrom = { line: 0, offset: 0 },
): AsyncGenerator<ImportItem> {
  let line = from.line;
  let offset = from.offset;
  let parts: Buffer[] = [];
  let length = 0;
  let tooLong = false;

  const finish = (): ImportItem | null => {
    line += 1;
    offset += length;
    const bytes = Buffer.concat(parts, length);
    parts = [];
    length = 0;
    if (tooLong) {
      tooLong = false;
      return { line, offset, errors: lineProblem(`The line is longer than ${MAX_LINE_BYTES / 1024} KB.`) };
    }
    let text = bytes.toString("utf8");
    if (line === 1) text = text.replace(/^\uFEFF/, "");
    if (text.trim() === "") return null;
    try {
      const value: unknown = JSON.parse(text);
      if (value === null || typeof value !== "object" || Array.isArray(value)) {
        return { line, offset, errors: lineProblem("The line is not a JSON object.") };
      }
      return { line, offset, value };
    } catch {
      return { line, offset, errors: lineProblem("The line is not valid JSON.") };
    }
  };

  for await (const chunk of chunks) {
    const buffer =
      typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    let start = 0;
    while (start < buffer.length) {
      const end = buffer.indexOf(NEWLINE, start);
      const stop = end === -1 ? buffer.length : end + 1;
      const piece = buffer.subarray(start, stop);
      if (!tooLong && length + piece.length > MAX_LINE_BYTES) {
        tooLong = true;
        parts = [];
      }
      if (!tooLong) parts.push(piece);
      length += piece.length;
      start = stop;
      if (end !== -1) {
        const item = finish();
        if (item) yield item;
      }
    }
  }
  if (length > 0) {
    const item = finish();
    if (item) yield item;
  }
}

/** The columns of a CSV import: the NDJSON fields flattened, one address kind and one question a group. */
export const CSV_COLUMNS = [
  "username",
  "displayName",
  "firstName",
  "lastName",
  "email",
  "emailVerified",
  "phone",
  "phoneVerified",
  "language",
  "createdAt",
  "lastActivityAt",
  ...["home", "mailing"].flatMap((kind) => ["line1", "line2", "city", "state", "zip"].map((f) => `${kind}.${f}`)),
  ...[1, 2].flatMap((n) => [`question${n}.prompt`, `question${n}.answer`]),
] as const;

const KNOWN_COLUMNS = new Set<string>(CSV_COLUMNS);

/** Thrown for a CSV file whose header cannot be imported: nothing is read past it. */
export class ImportFileError extends Error {}

/**
 * Reads CSV with a header line naming the columns (`CSV_COLUMNS`, in any order, any subset). An
 * empty cell is an absent value: no email or phone (null), no second address, questions left as
 * they are on file. Quoted cells may hold commas, quotes and line breaks. A row with the wrong
 * number of cells is reported and skipped.
 */
export async function* readCsv(
  chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  from: ReadFrom = { line: 0, offset: 0 },
): AsyncGenerator<ImportItem> {
  const skipped: ImportItem[] = [];
  let header = from.header;
  const parser = Readable.from(chunks, { objectMode: false }).pipe(
    parse({
      bom: from.offset === 0,
      columns: (names: string[]) => {
        const unknown = names.filter((n) => !KNOWN_COLUMNS.has(n));
        // A file without a header line would have its first record read as one: its cells (an
        // answer among them) are not repeated back.
        if (unknown.length === names.length) {
          throw new ImportFileError(
            `The first line is not a CSV header: it names none of the known columns. Known: ${CSV_COLUMNS.join(", ")}.`,
          );
        }
        if (unknown.length > 0) {
          throw new ImportFileError(
            `Unknown CSV column${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}. Known: ${CSV_COLUMNS.join(", ")}.`,
          );
        }
        if (!names.includes("username")) throw new ImportFileError("The CSV header has no username column.");
        header = names;
        from.onHeader?.(names);
        return names;
      },
      ...(from.header ? { columns: from.header } : {}),
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (error) => {
        if (error) {
          skipped.push({
            line: from.line + (typeof error.lines === "number" ? error.lines : 0),
            offset: from.offset,
            errors: lineProblem("The row is not valid CSV."),
          });
        }
        return undefined;
      },
      info: true,
      max_record_size: MAX_LINE_BYTES,
    }),
  );
  for await (const { record, info } of parser as AsyncIterable<{
    record: Record<string, string | undefined>;
    info: { lines: number; bytes: number; invalid_field_length: number };
  }>) {
    yield* skipped.splice(0);
    const line = from.line + info.lines;
    const offset = from.offset + info.bytes;
    if (info.invalid_field_length > 0) {
      yield {
        line,
        offset,
        errors: lineProblem(`The row does not have the ${header?.length ?? 0} cells of the header.`),
      };
      continue;
    }
    yield { line, offset, value: recordOfRow(record) };
  }
  yield* skipped.splice(0);
}

/** A CSV row as the account record the NDJSON form would give; the record's schema checks it. */
function recordOfRow(row: Record<string, string | undefined>): Record<string, unknown> {
  const cell = (name: string) => {
    const value = row[name];
    return value === undefined || value.trim() === "" ? undefined : value;
  };
  const flag = (name: string) => {
    const value = cell(name);
    if (value === undefined) return false;
    const word = value.trim().toLowerCase();
    return ["true", "yes", "1"].includes(word) ? true : ["false", "no", "0"].includes(word) ? false : value;
  };
  const addresses = (["home", "mailing"] as const)
    .filter((kind) => ["line1", "line2", "city", "state", "zip"].some((f) => cell(`${kind}.${f}`) !== undefined))
    .map((kind) => ({
      kind,
      line1: cell(`${kind}.line1`),
      line2: cell(`${kind}.line2`) ?? null,
      city: cell(`${kind}.city`),
      state: cell(`${kind}.state`),
      zip: cell(`${kind}.zip`),
    }));
  const questions = [1, 2]
    .filter((n) => cell(`question${n}.prompt`) !== undefined || cell(`question${n}.answer`) !== undefined)
    .map((n) => ({ prompt: cell(`question${n}.prompt`), answer: row[`question${n}.answer`] ?? "" }));
  return {
    username: row.username ?? "",
    displayName: cell("displayName"),
    firstName: cell("firstName"),
    lastName: cell("lastName"),
    email: cell("email") ?? null,
    emailVerified: flag("emailVerified"),
    phone: cell("phone") ?? null,
    phoneVerified: flag("phoneVerified"),
    language: cell("language") ?? "en",
    addresses,
    ...(cell("createdAt") !== undefined ? { createdAt: cell("createdAt") } : {}),
    ...(cell("lastActivityAt") !== undefined ? { lastActivityAt: cell("lastActivityAt") } : {}),
    ...(questions.length > 0 ? { securityQuestions: questions } : {}),
  };
}

/** The reader of a format. */
export const readImport = (format: ImportFormat) => (format === "csv" ? readCsv : readNdjson);

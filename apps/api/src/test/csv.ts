/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF) into rows of fields, for tests. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/**
 * A cell's value as the API wrote it before making it safe for spreadsheets: one leading `'` taken
 * off. The export puts it before any cell that starts with `=`, `+`, `-`, `@`, a tab, a carriage
 * return, or `'` itself, and its documentation says to take it off before re-hashing.
 */
export function csvValue(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}

/** Parses the export into rows of values (see `csvValue`), for tests that re-hash events. */
export function csvValues(text: string): string[][] {
  return parseCsv(text).map((row) => row.map(csvValue));
}

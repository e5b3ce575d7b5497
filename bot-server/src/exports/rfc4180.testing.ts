/**
 * A strict RFC 4180 reader for the export tests, the way a spreadsheet's import reads a file,
 * but refusing what RFC 4180 forbids instead of guessing: a line end other than CRLF, a quote
 * inside an unquoted field, text after a closing quote, an unterminated quoted field, or rows
 * of different lengths. A UTF-8 BOM must come first (Excel needs it to read UTF-8).
 */
export function parseCsvStrict(bytes: Buffer): string[][] {
  if (bytes[0] !== 0xef || bytes[1] !== 0xbb || bytes[2] !== 0xbf) throw new Error("no UTF-8 byte order mark");
  const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(3));
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  let afterQuote = false;
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        afterQuote = true;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === ",") {
      row.push(field);
      field = "";
      afterQuote = false;
      i++;
    } else if (c === "\r") {
      if (text[i + 1] !== "\n") throw new Error(`bare CR at ${i}`);
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      afterQuote = false;
      i += 2;
    } else if (c === "\n") {
      throw new Error(`bare LF at ${i}`);
    } else if (c === '"') {
      if (field !== "" || afterQuote) throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
      i++;
    } else {
      if (afterQuote) throw new Error(`text after a closing quote at ${i}`);
      field += c;
      i++;
    }
  }
  if (quoted) throw new Error("unterminated quoted field");
  if (field !== "" || row.length > 0) throw new Error("the last record does not end with CRLF");
  const width = rows[0]?.length ?? 0;
  rows.forEach((r, n) => {
    if (r.length !== width) throw new Error(`row ${n + 1} has ${r.length} fields, the header ${width}`);
  });
  return rows;
}

/** Rows as objects keyed by the header. */
export function csvRecords(rows: string[][]): Array<Record<string, string>> {
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries((header ?? []).map((h, i) => [h, r[i] ?? ""])));
}

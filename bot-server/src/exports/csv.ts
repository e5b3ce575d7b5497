/**
 * CSV as RFC 4180 describes it and Excel reads it: CRLF line ends, every field quoted when it
 * holds a comma, a quote or a line break (quotes doubled), and a UTF-8 byte order mark first so
 * Excel shows Vietnamese instead of mojibake.
 */
export const UTF8_BOM = "\uFEFF";

/** Cells a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) get a leading apostrophe (CSV injection). */
function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvField(value: string | number | boolean | null | undefined, opts: { formulaGuard?: boolean } = {}): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" && opts.formulaGuard ? neutralise(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: header, rows, BOM. `guarded` names the columns holding free text typed by citizens. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null>>, guarded: ReadonlySet<number> = new Set()): string {
  const lines = [header.map((h) => csvField(h)).join(","), ...rows.map((r) => r.map((v, i) => csvField(v, { formulaGuard: guarded.has(i) })).join(","))];
  return `${UTF8_BOM}${lines.join("\r\n")}\r\n`;
}

/**
 * Dates as people type them and as the shared schemas want them. Vietnamese write day first
 * (`12/05/1990`); the schema wants `1990-05-12` (or the year alone). Times come from a
 * `datetime-local` input in the phone's own time zone and go out with their offset
 * (`2026-11-28T08:30:00+07:00`), which is what `isoDateTimeSchema` accepts.
 */

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * `12/05/1990`, `12-5-1990`, `12.05.1990`, `12051990` → `1990-05-12`; `1990` and `1990-05-12` stay. Anything
 * else is passed on trimmed, so the schema's own message says what is wrong.
 */
export function birthDateFromTyped(typed: string): string {
  const s = typed.trim();
  // Phone number pads often have no "/": 12051990 is day, month, year.
  const digits = /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (digits) return `${digits[3]}-${digits[2]}-${digits[1]}`;
  const dayFirst = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})$/.exec(s);
  if (dayFirst) {
    const [, d = "", m = "", y = ""] = dayFirst;
    return `${y}-${pad(Number(m))}-${pad(Number(d))}`;
  }
  return s;
}

/** `1990-05-12` → `12/05/1990`, for showing a stored date the way it is read here. */
export function birthDateForDisplay(value: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : value;
}

/** The value a `datetime-local` input shows for `date` in the phone's time zone: `2026-11-28T08:30`. */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function offsetOf(date: Date): string {
  const minutes = -date.getTimezoneOffset();
  const sign = minutes >= 0 ? "+" : "-";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** An instant as ISO 8601 with the phone's offset: `2026-11-28T08:30:00+07:00`. */
export function toIsoWithOffset(date: Date): string {
  return `${toLocalInput(date)}:${pad(date.getSeconds())}${offsetOf(date)}`;
}

/**
 * A `datetime-local` value → ISO with offset. Empty → undefined (the schema then says
 * "required"); unreadable → passed on so the schema reports `datetime_invalid`.
 */
export function localInputToIso(local: string): string | undefined {
  const s = local.trim();
  if (s === "") return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (!match) return s;
  const [, y, mo, d, h, mi, sec] = match.map(Number) as [number, number, number, number, number, number, number | undefined];
  const date = new Date(y, mo - 1, d, h, mi, Number.isNaN(sec) || sec === undefined ? 0 : sec);
  if (date.getMonth() !== mo - 1 || date.getDate() !== d) return s;
  return toIsoWithOffset(date);
}

/** `08:30 28/11/2026`, how times are written on Vietnamese documents (English uses the same digits). */
export function formatDateTime(iso: string | Date): string {
  const date = typeof iso === "string" ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return typeof iso === "string" ? iso : "";
  return `${pad(date.getHours())}:${pad(date.getMinutes())} ${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`;
}

/** `local` shown as `08:30 28/11/2026`, or "" when empty. */
export function formatLocalInput(local: string): string {
  const iso = localInputToIso(local);
  return iso ? formatDateTime(iso) : "";
}

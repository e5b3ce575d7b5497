import type { Lang } from "@khaibao/shared";

/**
 * Dates as people type and read them here: `dd/mm/yyyy`. The API and the certificate use ISO
 * `YYYY-MM-DD`; the lookup form converts what is typed, the certificate view converts back.
 */

/** `12/05/1990`, `12-5-1990`, `12.05.1990` → `1990-05-12`; anything else is returned as typed, for the schema to reject. */
export function isoFromTyped(typed: string): string {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(typed);
  if (!m) return typed.trim();
  const [, d, mo, y] = m;
  return `${y}-${mo!.padStart(2, "0")}-${d!.padStart(2, "0")}`;
}

/** `1990-05-12` → `12/05/1990`; partial dates (`1990-05`, `1990`) keep what they have. */
export function displayDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  if (y && m && d) return `${d}/${m}/${y}`;
  if (y && m) return `${m}/${y}`;
  return iso;
}

/** An instant as `dd/mm/yyyy` in the phone's time zone. */
export function displayDay(instant: string | Date): string {
  const d = typeof instant === "string" ? new Date(instant) : instant;
  if (Number.isNaN(d.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** "2 giờ trước" / "2 hours ago": how old the trust list is, in the largest whole unit. */
export function ageText(fromIso: string, now: Date, lang: Lang): string {
  const ms = Math.max(0, now.getTime() - Date.parse(fromIso));
  const minutes = Math.floor(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  if (lang === "en") {
    if (minutes < 1) return "just now";
    if (hours < 1) return `${minutes} minute${minutes === 1 ? "" : "s"} ago`;
    if (days < 1) return `${hours} hour${hours === 1 ? "" : "s"} ago`;
    return `${days} day${days === 1 ? "" : "s"} ago`;
  }
  if (minutes < 1) return "vừa xong";
  if (hours < 1) return `${minutes} phút trước`;
  if (days < 1) return `${hours} giờ trước`;
  return `${days} ngày trước`;
}

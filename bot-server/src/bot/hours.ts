/**
 * When people answer the chat: opening hours in Vietnam's time (Asia/Ho_Chi_Minh, UTC+7 all
 * year: no daylight saving since 1975, so a fixed offset is exact). Written like
 * `mon-fri 07:30-17:00; sat 07:30-11:30` (SUPPORT_HOURS). Pure: the clock is passed in.
 */

export const DEFAULT_SUPPORT_HOURS = "mon-fri 07:30-17:00; sat 07:30-11:30";

const VN_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
/** Index = JavaScript's getUTCDay() (0 Sunday). */
const DAY_KEYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
const DAY_NAMES_VI = ["Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"] as const;

/** Minutes after local midnight, [start, end). */
export interface Interval {
  start: number;
  end: number;
}

/** Opening intervals for each weekday, Sunday first. */
export type SupportHours = readonly (readonly Interval[])[];

export class SupportHoursError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SupportHoursError";
  }
}

function dayIndex(key: string, spec: string): number {
  const i = DAY_KEYS.indexOf(key as (typeof DAY_KEYS)[number]);
  if (i < 0) throw new SupportHoursError(`"${spec}": unknown day "${key}" (use mon tue wed thu fri sat sun)`);
  return i;
}

function minutes(hhmm: string, spec: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  const h = Number(m?.[1]);
  const min = Number(m?.[2]);
  if (!m || h > 24 || min > 59 || (h === 24 && min !== 0)) throw new SupportHoursError(`"${spec}": "${hhmm}" is not a time HH:MM`);
  return h * 60 + min;
}

/**
 * Parses `days HH:MM-HH:MM` segments separated by `;`. Days are `mon`..`sun`, ranges
 * (`mon-fri`, wrapping `sat-sun`) and lists (`mon,wed`). Throws {@link SupportHoursError}.
 */
export function parseSupportHours(spec: string): SupportHours {
  const days: Interval[][] = DAY_KEYS.map(() => []);
  const segments = spec.split(";").map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (segments.length === 0) throw new SupportHoursError("no opening hours given");
  for (const seg of segments) {
    const m = /^([a-z,\s-]+?)\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$/.exec(seg);
    if (!m) throw new SupportHoursError(`"${seg}": expected "mon-fri 07:30-17:00"`);
    const start = minutes(m[2]!, seg);
    const end = minutes(m[3]!, seg);
    if (end <= start) throw new SupportHoursError(`"${seg}": closing time must be after opening time`);
    const picked = new Set<number>();
    for (const part of m[1]!.replace(/\s+/g, "").split(",").filter(Boolean)) {
      const [from, to] = part.split("-");
      const a = dayIndex(from!, seg);
      if (to === undefined) {
        picked.add(a);
        continue;
      }
      const b = dayIndex(to, seg);
      for (let d = a; ; d = (d + 1) % 7) {
        picked.add(d);
        if (d === b) break;
      }
    }
    for (const d of picked) days[d]!.push({ start, end });
  }
  for (const list of days) list.sort((x, y) => x.start - y.start);
  return days;
}

/** Local (UTC+7) weekday and minutes after midnight of an instant. */
function local(at: Date): { day: number; minute: number; midnightMs: number } {
  const shifted = at.getTime() + VN_OFFSET_MS;
  const midnightShifted = Math.floor(shifted / DAY_MS) * DAY_MS;
  return { day: new Date(midnightShifted).getUTCDay(), minute: Math.floor((shifted - midnightShifted) / 60_000), midnightMs: midnightShifted - VN_OFFSET_MS };
}

export function isOpen(hours: SupportHours, at: Date): boolean {
  const { day, minute } = local(at);
  return hours[day]!.some((i) => minute >= i.start && minute < i.end);
}

/** The next instant the desk opens after `at` (at itself when open), or undefined when it never does. */
export function nextOpening(hours: SupportHours, at: Date): Date | undefined {
  if (isOpen(hours, at)) return at;
  const { day, minute, midnightMs } = local(at);
  for (let offset = 0; offset <= 7; offset++) {
    const d = (day + offset) % 7;
    for (const i of hours[d]!) {
      if (offset === 0 && i.start <= minute) continue;
      return new Date(midnightMs + offset * DAY_MS + i.start * 60_000);
    }
  }
  return undefined;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "07:30 sáng nay", "13:30 chiều mai", "07:30 sáng thứ Hai": when, seen from `now`, in Vietnamese. */
export function describeOpening(opening: Date, now: Date): string {
  const o = local(opening);
  const n = local(now);
  const hh = Math.floor(o.minute / 60);
  const time = `${pad(hh)}:${pad(o.minute % 60)}`;
  const part = hh < 11 ? "sáng" : hh < 13 ? "trưa" : hh < 18 ? "chiều" : "tối";
  const daysAhead = Math.round((o.midnightMs - n.midnightMs) / DAY_MS);
  if (daysAhead === 0) return `${time} ${part} nay`;
  if (daysAhead === 1) return `${time} ${part} mai`;
  return `${time} ${part} ${DAY_NAMES_VI[o.day]}`;
}

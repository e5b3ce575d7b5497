/**
 * Days and hours as the checkpoints live them: Asia/Ho_Chi_Minh, UTC+7 all year (Vietnam has
 * no daylight saving), so a Vietnam hour is always one whole UTC hour and midnight is 17:00 UTC.
 */
export const VIETNAM_OFFSET_MS = 7 * 3_600_000;
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

/** `YYYY-MM-DD` of the Vietnam day `at` falls in. */
export function vietnamDay(at: Date): string {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The hour of day (0-23) in Vietnam. */
export function vietnamHour(at: Date): number {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).getUTCHours();
}

/** The instant a Vietnam day (`YYYY-MM-DD`) starts. */
export function vietnamDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - VIETNAM_OFFSET_MS);
}

/** `day` moved by `delta` days. */
export function addDays(day: string, delta: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + delta * DAY_MS).toISOString().slice(0, 10);
}

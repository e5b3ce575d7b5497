import { vietnamDay } from "@khaibao/shared";

/** `<input type="date">` value (a Vietnam day) -> the instant it starts; empty stays empty. */
export function dayToIso(day: string): string | null {
  return day ? `${day}T00:00:00+07:00` : null;
}

/** A stored instant -> the Vietnam day it falls on, for the date input. */
export function isoToDay(iso: string | null): string {
  return iso ? vietnamDay(new Date(iso)) : "";
}

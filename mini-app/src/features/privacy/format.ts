const pad = (n: number) => String(n).padStart(2, "0");

/** `08:30 28/11/2026` in the phone's time, as the rest of the app writes times. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${pad(date.getHours())}:${pad(date.getMinutes())} ${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * `2025-03-04 17:05:09` (UTC) from an ISO 8601 string. Evidence times are shown in UTC by default
 * and always labelled by the caller; an unparseable value is shown as received, never hidden.
 */
export function formatUtc(iso: string, options: { milliseconds?: boolean } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  return options.milliseconds ? `${day} ${time}.${pad(date.getUTCMilliseconds(), 3)}` : `${day} ${time}`;
}

/** The same instant in the machine's zone, offered on hover so nobody converts in their head. */
export function formatLocal(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return `${date.toLocaleString(undefined, { hour12: false })} (${zone})`;
}

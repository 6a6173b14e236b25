import { formatLocal, formatUtc } from '../lib/format-time.js';

/**
 * An instant in UTC. `labelled` appends "UTC" for times shown outside a column that already says
 * so; hovering shows the same instant in the machine's zone.
 */
export function Timestamp({ iso, labelled = false, milliseconds = false }: { iso: string; labelled?: boolean; milliseconds?: boolean }) {
  const utc = formatUtc(iso, { milliseconds });
  return (
    <time className="timestamp" dateTime={iso} title={`Local: ${formatLocal(iso)}`}>
      {labelled ? `${utc} UTC` : utc}
    </time>
  );
}

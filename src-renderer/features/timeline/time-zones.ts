import type { MailboxTimeZone } from '../../../src-shared/ipc/contract-timeline.js';

/**
 * Which clock the timeline shows times in: UTC (the default, and how evidence is stored), the
 * machine's own zone, or a mailbox's zone (as its owner saw the events). Whatever the choice,
 * the zone is named wherever a time is shown.
 */
export type ZoneChoice = { kind: 'utc' } | { kind: 'local' } | { kind: 'mailbox'; mailbox: string };

export interface ShownZone {
  choice: ZoneChoice;
  /** IANA zone used to format; `UTC` for UTC. */
  iana: string;
  /**
   * Names the zone for a column header or a label, zone first (a narrow header still shows it):
   * `UTC`, `Europe/London (local)`, `Europe/Berlin (mailbox a@b.example)`.
   */
  label: string;
}

const UTC: ShownZone = { choice: { kind: 'utc' }, iana: 'UTC', label: 'UTC' };

/** The machine's zone as the browser reports it. */
export const machineZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * The zone a choice stands for. A mailbox the case does not know, or whose Windows zone this
 * build cannot map, falls back to UTC and says why, rather than showing times in a guessed zone.
 */
export function resolveZone(choice: ZoneChoice, mailboxes: readonly MailboxTimeZone[], local = machineZone()): { zone: ShownZone; problem: string | null } {
  switch (choice.kind) {
    case 'utc':
      return { zone: UTC, problem: null };
    case 'local':
      return { zone: { choice, iana: local, label: `${local} (local)` }, problem: null };
    case 'mailbox': {
      const known = mailboxes.find((m) => m.mailbox === choice.mailbox);
      if (!known) return { zone: UTC, problem: `The case holds no time zone for ${choice.mailbox}; times are shown in UTC.` };
      if (known.iana === null) {
        return { zone: UTC, problem: `${choice.mailbox} uses the Windows zone "${known.windowsZone}", which this build cannot map; times are shown in UTC.` };
      }
      return { zone: { choice, iana: known.iana, label: `${known.iana} (mailbox ${known.mailbox})` }, problem: null };
    }
  }
}

/** Choice ↔ the value of the zone picker (`utc`, `local`, `mailbox:<name>`). */
export const choiceValue = (choice: ZoneChoice): string => (choice.kind === 'mailbox' ? `mailbox:${choice.mailbox}` : choice.kind);
export function choiceFromValue(value: string): ZoneChoice {
  if (value === 'local') return { kind: 'local' };
  if (value.startsWith('mailbox:') && value.length > 'mailbox:'.length) return { kind: 'mailbox', mailbox: value.slice('mailbox:'.length) };
  return { kind: 'utc' };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(iana: string): Intl.DateTimeFormat {
  let f = formatters.get(iana);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: iana,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      fractionalSecondDigits: 3,
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    formatters.set(iana, f);
  }
  return f;
}

/** `2026-11-27 13:05:09.123` in the zone, and its offset from UTC (`+01:00`; empty for UTC). */
export function formatInZone(ms: number, iana: string): { text: string; offset: string } {
  const parts = Object.fromEntries(formatter(iana).formatToParts(ms).map((p) => [p.type, p.value]));
  const text = `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}.${parts.fractionalSecond}`;
  const offset = (parts.timeZoneName ?? '').replace(/^GMT/, '');
  return { text, offset: offset === '+00:00' ? '' : offset };
}

/** A time with its zone spelled out, for places without a labelled column header. */
export function labelledTime(ms: number, zone: ShownZone): string {
  const { text, offset } = formatInZone(ms, zone.iana);
  return zone.iana === 'UTC' ? `${text} UTC` : `${text} ${zone.iana}${offset ? ` (UTC${offset})` : ''}`;
}

/** The same instant in the other zones, for a tooltip. */
export function otherZones(ms: number, shown: ShownZone, local = machineZone()): string {
  const lines = [`UTC: ${formatInZone(ms, 'UTC').text}`];
  if (local !== 'UTC') lines.push(`Local (${local}): ${formatInZone(ms, local).text}`);
  if (shown.iana !== 'UTC' && shown.iana !== local) lines.push(`${shown.label}: ${formatInZone(ms, shown.iana).text}`);
  return lines.join('\n');
}

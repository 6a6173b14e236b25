import type { MailboxTimeZone } from '../../../src-shared/ipc/contract-timeline.js';
import { choiceFromValue, choiceValue, machineZone, type ZoneChoice } from './time-zones.js';

interface Props {
  choice: ZoneChoice;
  mailboxes: readonly MailboxTimeZone[];
  onChange(choice: ZoneChoice): void;
}

/**
 * UTC, the machine's zone, or a mailbox's own zone (from the case). A mailbox whose Windows zone
 * this build cannot map is listed but cannot be chosen, with its Windows id shown.
 */
export function ZonePicker({ choice, mailboxes, onChange }: Props) {
  return (
    <label className="tl-zone">
      <span className="field-label">Time zone</span>
      <select className="input" value={choiceValue(choice)} onChange={(e) => onChange(choiceFromValue(e.target.value))}>
        <option value="utc">UTC</option>
        <option value="local">Local ({machineZone()})</option>
        {mailboxes.length > 0 ? (
          <optgroup label="Mailbox time zones">
            {mailboxes.map((m) => (
              <option key={m.mailbox} value={`mailbox:${m.mailbox}`} disabled={m.iana === null}>
                {m.iana ?? 'unknown zone'} — {m.mailbox} ({m.windowsZone})
              </option>
            ))}
          </optgroup>
        ) : null}
      </select>
    </label>
  );
}

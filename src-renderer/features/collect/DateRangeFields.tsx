import { TextField } from '../../shared/ui/TextField.js';
import type { CollectFormValues, FormErrors } from './collect-form.js';
import { utcMinute } from './job-format.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Quick ranges ending now; "everything recoverable" empties the start so each source goes as far back as it can. */
const quickRanges: readonly { label: string; ms: number | null }[] = [
  { label: 'Last 24 hours', ms: DAY },
  { label: 'Last 7 days', ms: 7 * DAY },
  { label: 'Last 30 days', ms: 30 * DAY },
  { label: 'Everything recoverable', ms: null },
];

export interface DateRangeFieldsProps {
  values: Pick<CollectFormValues, 'from' | 'to'>;
  onChange(update: Partial<CollectFormValues>): void;
  errors: FormErrors;
  /** The oldest moment the chosen sources still hold (ISO), when readiness knows it. */
  earliest: string | null;
  now(): number;
}

/**
 * The range, in UTC and said so. Typed text rather than a date picker: the browser's picker shows
 * the machine's local format and zone, which is how ranges get misread. Each source's start is
 * clamped by the core to what it can still return; the notice after Start says where.
 */
export function DateRangeFields({ values, onChange, errors, earliest, now }: DateRangeFieldsProps) {
  return (
    <fieldset className="option-group date-range">
      <legend>Range (UTC)</legend>
      <div className="date-fields">
        <TextField
          label="From (UTC)"
          name="from"
          monospace
          placeholder="YYYY-MM-DD or YYYY-MM-DD HH:MM"
          value={values.from}
          onChange={(from) => onChange({ from })}
          error={errors.from}
          hint={
            <>
              Empty: each source from the oldest moment it can still return
              {earliest ? (
                <>
                  {' '}
                  (for the chosen sources, from <span className="mono">{utcMinute(Date.parse(earliest))} UTC</span>)
                </>
              ) : null}
              . A date alone starts at 00:00.
            </>
          }
        />
        <TextField
          label="To (UTC)"
          name="to"
          monospace
          placeholder="YYYY-MM-DD or YYYY-MM-DD HH:MM"
          value={values.to}
          onChange={(to) => onChange({ to })}
          error={errors.to}
          hint="Empty: now. A date alone includes that whole day."
        />
      </div>
      <div className="quick-ranges" role="group" aria-label="Quick ranges">
        {quickRanges.map((range) => (
          <button
            key={range.label}
            type="button"
            className="button button-quiet"
            onClick={() => onChange({ from: range.ms === null ? '' : utcMinute(now() - range.ms), to: '' })}
          >
            {range.label}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

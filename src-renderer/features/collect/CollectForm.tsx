import { useState, type FormEvent } from 'react';
import type { CollectOptions, CollectRequestInput } from '../../../src-shared/domain/collection.js';
import { initialValues, validate, type CollectFormValues, type FormErrors, type FormField } from './collect-form.js';
import { concerns } from './collect-vocabulary.js';
import { DateRangeFields } from './DateRangeFields.js';
import { ScopeFields } from './ScopeFields.js';
import { SearchFields } from './SearchFields.js';
import { SourceChecklist } from './SourceChecklist.js';
import { UalOptions } from './UalOptions.js';

export interface CollectFormProps {
  options: CollectOptions;
  starting: boolean;
  onStart(request: CollectRequestInput): void;
  now?: () => number;
}

/** The oldest recoverable moment among the chosen sources, for the range hint. */
function earliestOf(options: CollectOptions, chosen: readonly string[]): string | null {
  const dates = options.sources.filter((s) => chosen.includes(s.source) && s.earliestRecoverable).map((s) => s.earliestRecoverable as string);
  return dates.sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? null;
}

/**
 * What to collect: sources (blocked ones disabled with their reason), the options of the chosen
 * sources, and the range. Checked with the contract's schema before anything is sent.
 */
export function CollectForm({ options, starting, onStart, now = Date.now }: CollectFormProps) {
  const [values, setValues] = useState<CollectFormValues>(() => initialValues(options.defaultUalChannel));
  const [errors, setErrors] = useState<FormErrors>({});
  // Only sources that can start now are sent; a source blocked since it was ticked stays unticked.
  const chosen = values.sources.filter((source) => options.sources.some((o) => o.source === source && o.available));

  const change = (update: Partial<CollectFormValues>) => {
    setValues((previous) => ({ ...previous, ...update }));
    const touched = Object.keys(update) as FormField[];
    setErrors((previous) => {
      const next = { ...previous };
      for (const field of touched) delete next[field];
      // The range check sits on "to" but is about both ends.
      if (touched.includes('from')) delete next.to;
      delete next.form;
      return next;
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validate({ ...values, sources: chosen });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    onStart(checked.request);
  };

  const problems = Object.keys(errors).length;
  return (
    <form className="collect-form panel" aria-label="Collect" onSubmit={submit} noValidate>
      <div className="collect-columns">
        <SourceChecklist options={options.sources} chosen={chosen} onChange={(sources) => change({ sources })} error={errors.sources} />
        <div className="collect-options">
          {concerns('ual', chosen) ? <UalOptions values={values} onChange={change} errors={errors} /> : null}
          <SearchFields
            values={values}
            onChange={change}
            errors={errors}
            showUsers={concerns('users', chosen)}
            showIpsAndText={concerns('ipsAndText', chosen)}
            usersRequired={chosen.includes('mailbox')}
          />
          <ScopeFields
            values={values}
            onChange={change}
            errors={errors}
            show={{
              signInKinds: concerns('signInKinds', chosen),
              auditSubset: concerns('auditSubset', chosen),
              subscriptions: concerns('subscriptions', chosen),
              organizations: concerns('organizations', chosen),
            }}
          />
          <DateRangeFields values={values} onChange={change} errors={errors} earliest={earliestOf(options, chosen)} now={now} />
        </div>
      </div>
      <div className="collect-submit">
        <button type="submit" className="button button-primary" disabled={starting}>
          {starting ? 'Starting…' : 'Start collection'}
        </button>
        <span className="muted">{chosen.length === 0 ? 'No source chosen.' : `${chosen.length} ${chosen.length === 1 ? 'source' : 'sources'} chosen.`}</span>
        {problems > 0 ? (
          <p role="alert" className="field-error">
            {errors.form ?? `Nothing was started: ${problems === 1 ? 'one field needs' : `${problems} fields need`} attention.`}
          </p>
        ) : null}
      </div>
    </form>
  );
}

import { useId } from 'react';
import { AuditSubset, SignInKind } from '../../../src-shared/domain/collection.js';
import { TextField } from '../../shared/ui/TextField.js';
import type { CollectFormValues, FormErrors } from './collect-form.js';
import { auditSubsetLabels, signInKindLabels } from './collect-vocabulary.js';

export interface ScopeFieldsProps {
  values: Pick<CollectFormValues, 'signInKinds' | 'auditSubset' | 'subscriptions' | 'organizations'>;
  onChange(update: Partial<CollectFormValues>): void;
  errors: FormErrors;
  show: { signInKinds: boolean; auditSubset: boolean; subscriptions: boolean; organizations: boolean };
}

function SignInKinds({ chosen, onChange, error }: { chosen: readonly SignInKind[]; onChange(kinds: SignInKind[]): void; error?: string | undefined }) {
  const id = useId();
  return (
    <fieldset className="checkbox-group" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`} aria-invalid={error ? true : undefined}>
      <legend className="field-label">Entra ID sign-in kinds</legend>
      <p id={`${id}-hint`} className="field-hint">
        Non-interactive, service principal and managed identity sign-ins come from the beta endpoint.
      </p>
      {SignInKind.options.map((kind) => (
        <label key={kind} className="choice">
          <input
            type="checkbox"
            checked={chosen.includes(kind)}
            onChange={(event) => onChange(SignInKind.options.filter((k) => (k === kind ? event.target.checked : chosen.includes(k))))}
          />
          <span>{signInKindLabels[kind]}</span>
        </label>
      ))}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

function AuditSubsetChoice({ value, onChange }: { value: AuditSubset; onChange(subset: AuditSubset): void }) {
  const id = useId();
  return (
    <fieldset className="radio-group">
      <legend className="field-label">Entra ID audit subset</legend>
      {AuditSubset.options.map((subset) => (
        <label key={subset} className="choice">
          <input type="radio" name={`${id}-subset`} value={subset} checked={value === subset} onChange={() => onChange(subset)} />
          <span>{auditSubsetLabels[subset]}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** Per-source scope: which sign-ins, which directory audits, which subscriptions and organisations. */
export function ScopeFields({ values, onChange, errors, show }: ScopeFieldsProps) {
  if (!show.signInKinds && !show.auditSubset && !show.subscriptions && !show.organizations) return null;
  return (
    <fieldset className="option-group">
      <legend>Scope</legend>
      {show.signInKinds ? <SignInKinds chosen={values.signInKinds} onChange={(signInKinds) => onChange({ signInKinds })} error={errors.signInKinds} /> : null}
      {show.auditSubset ? <AuditSubsetChoice value={values.auditSubset} onChange={(auditSubset) => onChange({ auditSubset })} /> : null}
      {show.subscriptions ? (
        <TextField
          label="Azure subscriptions"
          name="subscriptions"
          multiline
          monospace
          value={values.subscriptions}
          onChange={(subscriptions) => onChange({ subscriptions })}
          error={errors.subscriptions}
          hint="Subscription ids, one per line; empty: every subscription this account can read."
        />
      ) : null}
      {show.organizations ? (
        <TextField
          label="Azure DevOps organisations"
          name="organizations"
          multiline
          monospace
          value={values.organizations}
          onChange={(organizations) => onChange({ organizations })}
          error={errors.organizations}
          hint="Organisation names, one per line; empty: every organisation this account belongs to."
        />
      ) : null}
    </fieldset>
  );
}

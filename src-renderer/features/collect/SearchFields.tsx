import { TextField } from '../../shared/ui/TextField.js';
import type { CollectFormValues, FormErrors } from './collect-form.js';

export interface SearchFieldsProps {
  values: Pick<CollectFormValues, 'users' | 'ips' | 'freeText'>;
  onChange(update: Partial<CollectFormValues>): void;
  errors: FormErrors;
  /** Users are asked for by the UAL search, mailbox audit and the snapshot; IPs and free text only by the UAL. */
  showUsers: boolean;
  showIpsAndText: boolean;
  usersRequired: boolean;
}

/** Narrowing the Unified Audit Log (and naming the mailboxes whose audit to collect). */
export function SearchFields({ values, onChange, errors, showUsers, showIpsAndText, usersRequired }: SearchFieldsProps) {
  if (!showUsers && !showIpsAndText) return null;
  return (
    <fieldset className="option-group">
      <legend>Search</legend>
      {showIpsAndText ? (
        <p className="field-hint">Anything entered here makes the Unified Audit Log collection a search by it, in place of the preset.</p>
      ) : null}
      {showUsers ? (
        <TextField
          label="Users"
          name="users"
          multiline
          monospace
          required={usersRequired}
          value={values.users}
          onChange={(users) => onChange({ users })}
          error={errors.users}
          placeholder="ceo@contoso.example"
          hint={
            usersRequired
              ? 'User principal names, one per line. Mailbox audit is collected for these mailboxes; a UAL search is narrowed to them.'
              : 'User principal names, one per line; empty: every user.'
          }
        />
      ) : null}
      {showIpsAndText ? (
        <>
          <TextField
            label="IP addresses"
            name="ips"
            multiline
            monospace
            value={values.ips}
            onChange={(ips) => onChange({ ips })}
            error={errors.ips}
            placeholder="203.0.113.7"
            hint="IPv4 or IPv6, one per line; empty: any address."
          />
          <TextField
            label="Free text"
            name="freeText"
            value={values.freeText}
            onChange={(freeText) => onChange({ freeText })}
            error={errors.freeText}
            hint="Records whose text contains this (UAL search); empty: no text filter."
          />
        </>
      ) : null}
    </fieldset>
  );
}

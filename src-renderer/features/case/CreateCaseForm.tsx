import { useState, type FormEvent } from 'react';
import type { AppInfo } from '../../../src-shared/ipc/contract.js';
import { ErrorAlert } from '../../shared/ui/ErrorAlert.js';
import { TextField } from '../../shared/ui/TextField.js';
import { suggestCaseDir } from '../../shared/lib/case-folder.js';
import { coreFieldErrors, validateCreate, type CreateField, type CreateValues, type FieldErrors } from './create-form-errors.js';
import { useCreateCase, usePickFolder } from './use-case.js';

const empty: CreateValues = { dir: '', name: '', examiner: '', tenantLabel: '', description: '' };

/**
 * Creates a case. The folder follows the case name (`<default cases folder>/<slug>`) until the
 * responder types or chooses one; the desktop app also offers the native folder picker.
 */
export function CreateCaseForm({ appInfo }: { appInfo: AppInfo }) {
  const [values, setValues] = useState<CreateValues>(empty);
  const [dirEdited, setDirEdited] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useCreateCase();
  const pick = usePickFolder();

  const update = (field: CreateField, value: string) => {
    setValues((previous) => {
      const next = { ...previous, [field]: value };
      if (field === 'name' && !dirEdited) next.dir = suggestCaseDir(appInfo.defaultCasesDir, value);
      return next;
    });
    if (field === 'dir') setDirEdited(true);
    setErrors((previous) => ({ ...previous, [field]: undefined }));
  };

  const choose = () =>
    pick.mutate({ purpose: 'create' }, { onSuccess: ({ path }) => (path === null ? undefined : update('dir', path)) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validateCreate(values);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    create.mutate(checked.input, { onError: (error) => setErrors(coreFieldErrors(error).fields) });
  };

  // When every detail of a core validation error sits beside its field, the alert need not repeat them.
  const fromCore = coreFieldErrors(create.error);
  const detailsShownInFields = Object.keys(fromCore.fields).length > 0 && fromCore.other.length === 0;

  return (
    <form className="panel form" aria-labelledby="create-case-title" onSubmit={submit} noValidate>
      <h2 id="create-case-title">Create a case</h2>
      <TextField label="Case name" name="name" value={values.name} onChange={(v) => update('name', v)} error={errors.name} required />
      <TextField
        label="Examiner"
        name="examiner"
        value={values.examiner}
        onChange={(v) => update('examiner', v)}
        error={errors.examiner}
        hint="Recorded in the custody log with every action taken on the case."
        required
      />
      <TextField
        label="Tenant label"
        name="tenantLabel"
        value={values.tenantLabel}
        onChange={(v) => update('tenantLabel', v)}
        error={errors.tenantLabel}
        hint="Your name for the tenant under investigation, e.g. its primary domain."
      />
      <TextField
        label="Case folder"
        name="dir"
        value={values.dir}
        onChange={(v) => update('dir', v)}
        error={errors.dir}
        monospace
        required
        placeholder={`${appInfo.defaultCasesDir}/…`}
        hint="Cirrus keeps the case database and collected evidence in this folder. It must not already hold a case."
        action={
          appInfo.nativeDialogs ? (
            <button type="button" className="button" onClick={choose} disabled={pick.isPending}>
              Choose…
            </button>
          ) : null
        }
      />
      <TextField
        label="Description"
        name="description"
        value={values.description}
        onChange={(v) => update('description', v)}
        error={errors.description}
        multiline
      />
      {pick.error ? <ErrorAlert title="Could not show the folder picker" error={pick.error} /> : null}
      {create.error ? (
        <ErrorAlert title="Could not create the case" error={create.error} hideDetails={detailsShownInFields} />
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create case'}
        </button>
      </div>
    </form>
  );
}

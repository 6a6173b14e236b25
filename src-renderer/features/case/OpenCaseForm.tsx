import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../shared/ui/ErrorAlert.js';
import { TextField } from '../../shared/ui/TextField.js';
import { useOpenCase, usePickFolder } from './use-case.js';

/** Opens an existing case folder by path (or, in the desktop app, by the native picker). */
export function OpenCaseForm({ nativeDialogs }: { nativeDialogs: boolean }) {
  const [dir, setDir] = useState('');
  const [missing, setMissing] = useState(false);
  const open = useOpenCase();
  const pick = usePickFolder();

  const change = (value: string) => {
    setDir(value);
    setMissing(false);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!dir.trim()) {
      setMissing(true);
      return;
    }
    open.mutate({ dir: dir.trim() });
  };

  return (
    <form className="panel form" aria-labelledby="open-case-title" onSubmit={submit} noValidate>
      <h2 id="open-case-title">Open a case</h2>
      <TextField
        label="Case folder"
        name="openDir"
        value={dir}
        onChange={change}
        error={missing ? 'Enter the folder that holds the case' : undefined}
        monospace
        required
        action={
          nativeDialogs ? (
            <button
              type="button"
              className="button"
              disabled={pick.isPending}
              onClick={() => pick.mutate({ purpose: 'open' }, { onSuccess: ({ path }) => (path === null ? undefined : change(path)) })}
            >
              Choose…
            </button>
          ) : null
        }
      />
      {pick.error ? <ErrorAlert title="Could not show the folder picker" error={pick.error} /> : null}
      {open.error ? <ErrorAlert title="Could not open the case" error={open.error} /> : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={open.isPending}>
          {open.isPending ? 'Opening…' : 'Open'}
        </button>
      </div>
    </form>
  );
}

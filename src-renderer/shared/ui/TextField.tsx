import { useId, type ReactNode } from 'react';

export interface TextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  name: string;
  error?: string | undefined;
  hint?: ReactNode;
  multiline?: boolean;
  required?: boolean;
  monospace?: boolean;
  placeholder?: string;
  /** Rendered beside the input (e.g. a "Choose…" button). */
  action?: ReactNode;
}

/** A labelled input whose hint and error are announced with it (aria-describedby, aria-invalid). */
export function TextField({ label, value, onChange, name, error, hint, multiline, required, monospace, placeholder, action }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name,
    value,
    placeholder,
    // aria-required rather than required: the form shows its own messages, not the browser's bubbles.
    'aria-required': required ? true : undefined,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    className: monospace ? 'input mono' : 'input',
  };
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
        {required ? <span className="field-required"> (required)</span> : null}
      </label>
      <div className="field-row">
        {multiline ? (
          <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input {...common} type="text" spellCheck={false} onChange={(e) => onChange(e.target.value)} />
        )}
        {action}
      </div>
      {hint ? <p id={hintId} className="field-hint">{hint}</p> : null}
      {error ? <p id={errorId} className="field-error">{error}</p> : null}
    </div>
  );
}

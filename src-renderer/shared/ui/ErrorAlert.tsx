import { describeError } from '../../api/describe-error.js';

/**
 * A failure, stated as "what failed" (the title) and "why" (the core's message). Details that a
 * form already shows beside its fields can be left out with `hideDetails`.
 */
export function ErrorAlert({ title, error, hideDetails = false }: { title: string; error: unknown; hideDetails?: boolean }) {
  const { message, code, details } = describeError(error);
  return (
    <div role="alert" className="alert alert-error">
      <p className="alert-title">{title}</p>
      <p className="alert-message">{message}</p>
      {!hideDetails && details.length > 0 && (
        <ul className="alert-details">
          {details.map((detail) => (
            <li key={`${detail.path}:${detail.message}`}>
              {detail.path ? <code>{detail.path}</code> : null} {detail.message}
            </li>
          ))}
        </ul>
      )}
      {code && <p className="alert-code">Error code: <code>{code}</code></p>}
    </div>
  );
}

import { useCurrentCase } from '../features/case/index.js';

/** Which case every page is about; always visible, so evidence is never read against the wrong case. */
export function CaseHeader() {
  const current = useCurrentCase();
  if (current.isPending) return <p className="case-header muted">Reading case…</p>;
  if (current.isError) return <p className="case-header">Case status unavailable</p>;
  const info = current.data;
  if (!info) return <p className="case-header muted" data-testid="header-case">No case open</p>;
  return (
    <dl className="case-header" data-testid="header-case" aria-label="Open case">
      <div>
        <dt>Case</dt>
        <dd className="case-header-name">{info.meta.name}</dd>
      </div>
      <div>
        <dt>Tenant</dt>
        <dd>{info.meta.tenantLabel || <span className="muted">not set</span>}</dd>
      </div>
      <div>
        <dt>Examiner</dt>
        <dd>{info.meta.examiner}</dd>
      </div>
    </dl>
  );
}

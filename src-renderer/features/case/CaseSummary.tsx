import type { CaseInfo } from '../../../src-shared/domain/case.js';
import { Timestamp } from '../../shared/ui/Timestamp.js';

const orNone = (value: string) => (value.trim() ? value : <span className="muted">not set</span>);

/** The case's identity as recorded at creation; read-only, since it is part of the evidence trail. */
export function CaseSummary({ info }: { info: CaseInfo }) {
  const { meta } = info;
  return (
    <section className="panel" aria-labelledby="case-summary-title">
      <h2 id="case-summary-title">Case information</h2>
      <dl className="facts">
        <dt>Name</dt>
        <dd>{meta.name}</dd>
        <dt>Tenant</dt>
        <dd>{orNone(meta.tenantLabel)}</dd>
        <dt>Examiner</dt>
        <dd>{meta.examiner}</dd>
        <dt>Created (UTC)</dt>
        <dd>
          <Timestamp iso={meta.createdAt} labelled />
        </dd>
        <dt>Created with</dt>
        <dd className="mono">Cirrus {meta.createdWith}</dd>
        <dt>Schema version</dt>
        <dd className="mono">{meta.schemaVersion}</dd>
        <dt>Case id</dt>
        <dd className="mono wide">{meta.caseId}</dd>
        <dt>Folder</dt>
        <dd className="mono break wide">{info.dir}</dd>
        <dt>Description</dt>
        <dd className="pre-wrap wide">{orNone(meta.description)}</dd>
      </dl>
    </section>
  );
}

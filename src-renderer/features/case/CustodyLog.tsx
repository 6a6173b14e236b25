import type { CustodyEntry } from '../../../src-shared/domain/case.js';
import { Timestamp } from '../../shared/ui/Timestamp.js';

/** Detail values are free-form JSON; strings read better unquoted, everything else as JSON. */
const showValue = (value: unknown) => {
  if (value === '') return <span className="muted">(empty)</span>;
  return typeof value === 'string' ? value : JSON.stringify(value);
};

function Detail({ detail }: { detail: CustodyEntry['detail'] }) {
  const entries = Object.entries(detail);
  if (entries.length === 0) return <span className="muted">—</span>;
  return (
    <dl className="kv">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd className="mono">{showValue(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The case's chain-of-custody log, oldest first. The chain status comes from the core, which
 * re-computes every entry's hash; the word is shown with the colour so neither is needed alone.
 */
export function CustodyLog({ entries, chainIntact }: { entries: CustodyEntry[]; chainIntact: boolean }) {
  return (
    <section className="panel" aria-labelledby="custody-title">
      <div className="panel-head">
        <h2 id="custody-title">Custody log</h2>
        <p className={chainIntact ? 'chain chain-ok' : 'chain chain-broken'} data-testid="custody-chain">
          Hash chain: <strong>{chainIntact ? 'intact' : 'BROKEN'}</strong>
        </p>
      </div>
      {chainIntact ? null : (
        <p role="alert" className="alert alert-error">
          At least one entry no longer matches its recorded hash or does not link to the entry before it. The case database may
          have been changed outside Cirrus; preserve the folder as it is and record this finding.
        </p>
      )}
      <div className="table-scroll">
        <table className="table" aria-labelledby="custody-title">
          <thead>
            <tr>
              <th scope="col">Seq</th>
              <th scope="col">Time (UTC)</th>
              <th scope="col">Action</th>
              <th scope="col">Examiner</th>
              <th scope="col">Tool version</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.seq} title={`SHA-256 ${entry.hash}`}>
                <td className="mono num">{entry.seq}</td>
                <td className="mono nowrap">
                  <Timestamp iso={entry.at} milliseconds />
                </td>
                <td className="mono">{entry.action}</td>
                <td>{entry.examiner}</td>
                <td className="mono">{entry.toolVersion}</td>
                <td>
                  <Detail detail={entry.detail} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {entries.length === 0 ? <p className="muted">The log has no entries.</p> : null}
      </div>
    </section>
  );
}

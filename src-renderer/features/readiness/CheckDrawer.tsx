import * as Dialog from '@radix-ui/react-dialog';
import { readinessCheckLabels, type Evidence, type HistoryInfo } from '../../../src-shared/domain/readiness.js';
import { Timestamp } from '../../shared/ui/Timestamp.js';
import { rollOffText } from './readiness-format.js';
import type { CellRef } from './ReadinessMatrix.js';
import { StatusBadge } from './StatusBadge.js';

function EvidenceTable({ evidence }: { evidence: Evidence[] }) {
  if (evidence.length === 0) {
    return <p className="muted">No call was needed: this verdict follows from the cloud, the licences or the other checks.</p>;
  }
  return (
    <ol className="evidence-list" aria-label="Calls made">
      {evidence.map((e, index) => (
        <li key={`${e.at}:${index}`} className="evidence">
          <p className="evidence-request">
            <span className="evidence-method mono">{e.method}</span> <span className="mono break">{e.url}</span>
          </p>
          <dl className="kv">
            {e.cmdlet ? (
              <div>
                <dt>Cmdlet</dt>
                <dd className="mono break">{e.cmdlet}</dd>
              </div>
            ) : null}
            <div>
              <dt>HTTP status</dt>
              <dd className="mono">{e.status === null ? 'no answer' : e.status}</dd>
            </div>
            <div>
              <dt>Answer</dt>
              <dd className="pre-wrap break">{e.answer}</dd>
            </div>
            <div>
              <dt>Time (UTC)</dt>
              <dd className="mono">
                <Timestamp iso={e.at} milliseconds />
              </dd>
            </div>
          </dl>
        </li>
      ))}
    </ol>
  );
}

function HistoryFacts({ history, overall }: { history: HistoryInfo; overall: CellRef['source']['overall'] }) {
  return (
    <dl className="drawer-facts">
      <dt>Retention</dt>
      <dd>{history.retentionDays === null ? 'unknown' : `${history.retentionDays} days`}</dd>
      <dt>Retention from</dt>
      <dd>{history.retentionSource}</dd>
      <dt>Earliest recoverable</dt>
      <dd className="mono">{history.earliestRecoverable ? <Timestamp iso={history.earliestRecoverable} labelled /> : 'unknown'}</dd>
      <dt>Period start</dt>
      <dd className="mono">{history.periodStart ? <Timestamp iso={history.periodStart} labelled /> : 'not given'}</dd>
      <dt>Roll-off</dt>
      <dd>{rollOffText(history, overall)}</dd>
    </dl>
  );
}

/**
 * One cell's evidence as a side panel: the verdict, what a tenant admin can do, what was found,
 * and every call made (method, URL, cmdlet, status, answer, time). Radix gives the focus trap,
 * Escape and focus return; the backdrop is a plain element (Dialog.Overlay injects a <style>).
 */
export function CheckDrawer({ cell, onClose }: { cell: CellRef | null; onClose(): void }) {
  return (
    <Dialog.Root open={cell !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      <Dialog.Portal>
        <div className="dialog-overlay" aria-hidden="true" />
        {cell ? (
          <Dialog.Content
            className="drawer"
            aria-describedby="drawer-summary"
            // No Dialog.Trigger here (the cell buttons open it), so focus goes back by hand.
            onCloseAutoFocus={(event) => {
              event.preventDefault();
              cell.opener?.focus();
            }}
          >
            <div className="drawer-head">
              <Dialog.Title className="dialog-title">
                {cell.source.label}: {readinessCheckLabels[cell.check.check]}
              </Dialog.Title>
              <Dialog.Close className="button button-quiet" aria-label="Close details">
                Close
              </Dialog.Close>
            </div>
            <div className="drawer-verdict">
              <StatusBadge status={cell.check.status} />
              <Dialog.Description id="drawer-summary">{cell.check.summary}</Dialog.Description>
            </div>
            <section aria-labelledby="drawer-remediation">
              <h3 id="drawer-remediation">Remediation</h3>
              {cell.check.remediation ? (
                <p className="pre-wrap remediation">{cell.check.remediation}</p>
              ) : (
                <p className="muted">Nothing to do for this check.</p>
              )}
            </section>
            {cell.check.findings.length > 0 ? (
              <section aria-labelledby="drawer-findings">
                <h3 id="drawer-findings">Findings ({cell.check.findings.length})</h3>
                <table className="table" aria-labelledby="drawer-findings">
                  <thead>
                    <tr>
                      <th scope="col">Kind</th>
                      <th scope="col">Subject</th>
                      <th scope="col">Detail</th>
                    </tr>
                  </thead>
                  <tbody>
                    {cell.check.findings.map((f, index) => (
                      <tr key={`${f.kind}:${f.subject}:${index}`}>
                        <td>{f.kind}</td>
                        <td className="mono break">{f.subject}</td>
                        <td>{f.detail}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            ) : null}
            {cell.check.check === 'history' ? (
              <section aria-labelledby="drawer-history">
                <h3 id="drawer-history">History</h3>
                <HistoryFacts history={cell.source.history} overall={cell.source.overall} />
              </section>
            ) : null}
            <section aria-labelledby="drawer-evidence">
              <h3 id="drawer-evidence">Evidence ({cell.check.evidence.length} {cell.check.evidence.length === 1 ? 'call' : 'calls'})</h3>
              <EvidenceTable evidence={cell.check.evidence} />
            </section>
          </Dialog.Content>
        ) : null}
      </Dialog.Portal>
    </Dialog.Root>
  );
}

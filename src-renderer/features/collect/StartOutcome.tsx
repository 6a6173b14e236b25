import { collectSourceLabels, type CollectStartResult } from '../../../src-shared/domain/collection.js';

/**
 * What the last Start did: the jobs it started, the sources it refused and why, and what the core
 * changed on the way (a range clamped to what is still recoverable). Said once, kept until the
 * next Start, so nobody has to catch a toast.
 */
export function StartOutcome({ result }: { result: CollectStartResult }) {
  const started = result.jobs.length;
  return (
    <section className="start-outcome" aria-label="Start result" role="status">
      <p>
        <strong>{started === 0 ? 'No job started.' : `Started ${started} ${started === 1 ? 'job' : 'jobs'}:`}</strong>{' '}
        {result.jobs.map((job) => job.label).join(', ')}
      </p>
      {result.notices.length > 0 ? (
        <ul className="notice start-notices" aria-label="Notices">
          {result.notices.map((notice) => (
            <li key={notice}>{notice}</li>
          ))}
        </ul>
      ) : null}
      {result.refused.length > 0 ? (
        <div className="start-refused">
          <p className="start-refused-title">Refused (nothing was collected for these):</p>
          <ul aria-label="Refused sources">
            {result.refused.map((refusal) => (
              <li key={refusal.source}>
                <strong>{collectSourceLabels[refusal.source]}</strong>: {refusal.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

import { useEffect, useRef } from 'react';
import { ErrorAlert } from '../../shared/ui/ErrorAlert.js';
import { Timestamp } from '../../shared/ui/Timestamp.js';
import { formatCount } from './job-format.js';
import { useJobLog } from './use-job-log.js';

/** How close to the bottom (px) still counts as "following" the log. */
const FOLLOW_SLACK = 24;

/**
 * A job's log, oldest first and newest at the bottom, in a scrollable box that keeps following
 * new lines while the reader is at the bottom and stays put once they scroll up to read.
 */
export function JobLog({ jobId, version }: { jobId: number; version: number }) {
  const log = useJobLog(jobId, version);
  const box = useRef<HTMLDivElement>(null);
  const following = useRef(true);

  useEffect(() => {
    const element = box.current;
    if (element && following.current) element.scrollTop = element.scrollHeight;
  }, [log.lines]);

  return (
    <section className="job-log" aria-label={`Log of job ${jobId}`}>
      <h3>
        Log <span className="muted">(times in UTC)</span>
      </h3>
      {log.error ? <ErrorAlert title={`Could not read the log of job ${jobId}`} error={log.error} /> : null}
      {log.dropped > 0 ? (
        <p className="muted small">
          The oldest {formatCount(log.dropped)} lines are not shown here; they stay in the case.
        </p>
      ) : null}
      <div
        ref={box}
        className="job-log-box"
        role="log"
        aria-label={`Job ${jobId} log lines`}
        // Focusable so the box can be scrolled from the keyboard.
        tabIndex={0}
        onScroll={(event) => {
          const element = event.currentTarget;
          following.current = element.scrollHeight - element.scrollTop - element.clientHeight <= FOLLOW_SLACK;
        }}
      >
        {!log.loaded ? <p className="muted">Reading the log…</p> : null}
        {log.loaded && log.lines.length === 0 && !log.error ? <p className="muted">No lines yet.</p> : null}
        {log.lines.length > 0 ? (
          <ol className="job-log-lines">
            {log.lines.map((line) => (
              <li key={line.id} className={`log-line log-${line.level}`} data-log-id={line.id}>
                <Timestamp iso={line.at} /> <span className="log-level">{line.level}</span> <span className="log-message">{line.message}</span>
              </li>
            ))}
          </ol>
        ) : null}
      </div>
    </section>
  );
}

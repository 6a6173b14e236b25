import { useId, useState } from 'react';
import type { CoverageStrip as Strip } from '../../../src-shared/domain/collection.js';
import { coverageMeanings, coverageStatuses, coverageWords, stripSummary, segmentBox, segmentLabel, type Segment } from './coverage-summary.js';
import { utcMinute, utcRange } from './job-format.js';

/** Segments worth a click: the ones whose reason the responder has to read. */
const explained = (segment: Segment) => segment.status === 'gap' || segment.status === 'failed';
const keyOf = (segment: Segment) => `${segment.startMs}-${segment.endMs}`;

/** What each colour means; shown once above the strips of a job. */
export function CoverageLegend() {
  return (
    <ul className="coverage-legend" aria-label="Coverage legend">
      {coverageStatuses.map((status) => (
        <li key={status} title={coverageMeanings[status]}>
          <span className={`legend-swatch seg-${status}`} aria-hidden="true" />
          {coverageWords[status]}
        </li>
      ))}
    </ul>
  );
}

/**
 * One channel's ledger as a time strip. Every segment carries its range and status as its name
 * and tooltip; gaps and failures are buttons that show their recorded reason below the strip.
 * The line above the strip says the same in words ("100% of the range complete").
 */
export function CoverageStrip({ strip }: { strip: Strip }) {
  const id = useId();
  // By key, not by object: the strip is re-read while the job runs and the segments are new objects.
  const [openedKey, setOpenedKey] = useState<string | null>(null);
  const opened = strip.segments.find((segment) => keyOf(segment) === openedKey && explained(segment)) ?? null;
  const summary = stripSummary(strip);
  const name = `${strip.source} ${strip.channel}`;
  return (
    <figure className="coverage" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="coverage-head">
        <span className="coverage-channel mono">{strip.channel}</span>
        <span className="coverage-summary" data-testid="coverage-summary">
          {summary}
        </span>
      </figcaption>
      <ol className="strip" aria-label={`Windows of ${name}`}>
        {strip.segments.map((segment) => {
          const box = segmentBox(segment, strip.rangeStart, strip.rangeEnd);
          const label = segmentLabel(segment);
          return (
            <li
              key={keyOf(segment)}
              className={`strip-segment seg-${segment.status}`}
              // Geometry only; React sets it through the CSSOM, which the style-src policy allows.
              style={{ left: `${box.left}%`, width: `${box.width}%` }}
              title={label}
              aria-label={explained(segment) ? undefined : label}
              data-status={segment.status}
            >
              {explained(segment) ? (
                <button
                  type="button"
                  className="strip-button"
                  aria-label={label}
                  aria-expanded={opened === segment}
                  onClick={() => setOpenedKey(opened === segment ? null : keyOf(segment))}
                />
              ) : null}
            </li>
          );
        })}
      </ol>
      <div className="strip-axis" aria-hidden="true">
        <span>{utcMinute(strip.rangeStart)} UTC</span>
        <span>{utcMinute(strip.rangeEnd)} UTC</span>
      </div>
      {opened ? (
        <p className={`strip-detail detail-${opened.status}`} role="status">
          <strong>{coverageWords[opened.status]}</strong> {utcRange(opened.startMs, opened.endMs)}: {opened.detail ?? 'no reason was recorded.'}
        </p>
      ) : null}
    </figure>
  );
}

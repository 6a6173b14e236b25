import { memo } from 'react';
import type { TimelineFilter } from '../../../src-shared/domain/timeline-filter.js';
import type { FacetField, TimelineFacets } from '../../../src-shared/ipc/contract-timeline.js';
import { ErrorAlert } from '../../shared/ui/ErrorAlert.js';
import { sourceLabel } from './columns.js';
import { facetFilterField, sideOf, type Side } from './filter-edit.js';

const facetTitles: Record<FacetField, string> = {
  actor: 'Actors',
  ip: 'IP addresses',
  operation: 'Operations',
  country: 'Countries',
  app: 'Apps',
  source: 'Sources',
  result: 'Results',
  workload: 'Workloads',
};

const monoFacets: ReadonlySet<FacetField> = new Set(['ip']);

interface Props {
  facets: TimelineFacets | undefined;
  loading: boolean;
  error: unknown;
  filter: TimelineFilter;
  /** Click: include the value; Alt+click: exclude it; the same again takes it out. */
  onToggle(field: FacetField, value: string, side: Side): void;
}

/** Top values of each field among the matching events, with counts. */
export const FacetPanel = memo(function FacetPanel({ facets, loading, error, filter, onToggle }: Props) {
  return (
    <aside className="tl-facets" aria-label="Facets">
      <p className="tl-facets-hint muted">
        Click to filter, <kbd>Alt</kbd>+click to exclude.
      </p>
      {error ? <ErrorAlert title="Could not count the facets" error={error} /> : null}
      {!facets && loading ? <p className="muted">Counting…</p> : null}
      {facets?.facets.map((facet) => (
        <section key={facet.field} className="facet" aria-label={facetTitles[facet.field]}>
          <h3 className="facet-title">
            {facetTitles[facet.field]} <span className="muted">({facet.distinct.toLocaleString('en-GB')})</span>
          </h3>
          {facet.values.length === 0 ? <p className="muted facet-empty">No values</p> : null}
          <ul className="facet-values">
            {facet.values.map((v) => {
              const side = sideOf(filter, facetFilterField[facet.field], v.value);
              const label = facet.field === 'source' ? sourceLabel(v.value) : (v.label ?? v.value);
              return (
                <li key={v.value}>
                  <button
                    type="button"
                    className={`facet-value${side ? ` facet-${side}` : ''}`}
                    aria-pressed={side === 'include'}
                    aria-label={`${facetTitles[facet.field]}: ${label}, ${v.count.toLocaleString('en-GB')} events${side === 'exclude' ? ', excluded' : ''}`}
                    title={v.label ? `${v.label} (${v.value})` : v.value}
                    onClick={(e) => onToggle(facet.field, v.value, e.altKey ? 'exclude' : 'include')}
                  >
                    <span className={`facet-name${monoFacets.has(facet.field) || (facet.field === 'app' && !v.label) ? ' mono' : ''}`}>
                      {side === 'exclude' ? <span className="facet-not">not </span> : null}
                      {label}
                    </span>
                    <span className="facet-count">{v.count.toLocaleString('en-GB')}</span>
                  </button>
                </li>
              );
            })}
          </ul>
          {facet.missing > 0 ? <p className="facet-missing muted">{facet.missing.toLocaleString('en-GB')} without a value</p> : null}
        </section>
      ))}
    </aside>
  );
});

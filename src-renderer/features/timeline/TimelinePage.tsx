import { PlannedCapability } from '../../shared/ui/PlannedCapability.js';
import { useCurrentCase } from '../case/index.js';

/** The Timeline page says what it will hold until its capability lands. */
export function TimelinePage() {
  const current = useCurrentCase();
  return (
    <PlannedCapability title="Timeline" caseOpen={current.isSuccess ? current.data !== null : undefined}>
      <p>
        Timeline will hold every collected event in one fast table, with a filter bar, a histogram by source to zoom in
        time, and facets for actors, IP addresses, operations, countries and apps.
      </p>
      <p>
        Selecting an event will show its normalised fields, its parsed audit data, the raw record and its provenance hash.
        Events can be bookmarked, tagged and annotated, and views saved.
      </p>
    </PlannedCapability>
  );
}

import { PlannedCapability } from '../../shared/ui/PlannedCapability.js';
import { useCurrentCase } from '../case/index.js';

/** The Export page says what it will hold until its capability lands. */
export function ExportPage() {
  const current = useCurrentCase();
  return (
    <PlannedCapability title="Export" caseOpen={current.isSuccess ? current.data !== null : undefined}>
      <p>
        Export will write out the whole case, the current timeline filter, the bookmarks or chosen hits, as an evidence
        bundle, a Timesketch import, a Timeline Explorer CSV or ECS documents.
      </p>
      <p>It will show progress and the path written, and verify a written export against its hashes.</p>
    </PlannedCapability>
  );
}

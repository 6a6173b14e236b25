import { PlannedCapability } from '../../shared/ui/PlannedCapability.js';
import { useCurrentCase } from '../case/index.js';

/** The Collect page says what it will hold until its capability lands. */
export function CollectPage() {
  const current = useCurrentCase();
  return (
    <PlannedCapability title="Collect" caseOpen={current.isSuccess ? current.data !== null : undefined}>
      <p>
        Collect will start collection jobs from known presets or from individual sources, each source disabled with its
        readiness reason when the tenant cannot provide it. The date range will be clamped to what is still recoverable, with
        user, IP and free-text filters.
      </p>
      <p>Every job will show its progress, and each source a coverage strip that fills in as time windows complete, with gaps marked and explained.</p>
    </PlannedCapability>
  );
}

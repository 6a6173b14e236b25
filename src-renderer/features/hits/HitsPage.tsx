import { PlannedCapability } from '../../shared/ui/PlannedCapability.js';
import { useCurrentCase } from '../case/index.js';

/** The Hits page says what it will hold until its capability lands. */
export function HitsPage() {
  const current = useCurrentCase();
  return (
    <PlannedCapability title="Hits" caseOpen={current.isSuccess ? current.data !== null : undefined}>
      <p>
        Hits will list what the detection rules found, grouped by ATT&amp;CK technique or by entity (user, mailbox, app), with
        severity, count and first and last seen.
      </p>
      <p>Each hit will explain itself in one line, open its events in the timeline, and carry a triage state and a note.</p>
    </PlannedCapability>
  );
}

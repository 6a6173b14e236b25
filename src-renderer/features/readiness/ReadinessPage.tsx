import { PlannedCapability } from '../../shared/ui/PlannedCapability.js';
import { useCurrentCase } from '../case/index.js';

/** The Readiness page says what it will hold until its capability lands. */
export function ReadinessPage() {
  const current = useCurrentCase();
  return (
    <PlannedCapability title="Readiness" caseOpen={current.isSuccess ? current.data !== null : undefined}>
      <p>
        Readiness will show, for each log source, whether this tenant can give you its history: licence, privilege, audit
        setting and retention, as a matrix with each status in colour and in words. Every source will list its earliest
        recoverable date and how many days remain before data rolls off, most urgent first.
      </p>
      <p>Each cell will open the call that was made, the answer that came back and the remediation, with a re-check and the time of the last check.</p>
    </PlannedCapability>
  );
}

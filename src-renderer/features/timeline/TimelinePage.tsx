import './timeline.css';
import { PageHead } from '../../shared/ui/PageHead.js';
import { CaseGate } from '../case/index.js';
import { TimelineWorkspace } from './TimelineWorkspace.js';

/**
 * The Timeline page: every event of the open case in one table, with the filter bar, histogram,
 * facets and event panel. Without a case it says what to do first.
 */
export function TimelinePage() {
  const noCase = (
    <section className="panel" aria-label="About Timeline">
      <p>The timeline shows every collected event of a case in one table, with facets, a histogram and an event panel.</p>
      <p>
        <strong>No case is open.</strong> Open a case first (or create one): the timeline works on the evidence of one case. <a href="#/case">Go to Case</a>
      </p>
    </section>
  );
  return (
    <CaseGate head={<PageHead title="Timeline" />} noCase={noCase}>
      {/* Keyed by case: another case starts with its own filter, selection and rows. */}
      {(openCase) => <TimelineWorkspace key={openCase.dir} />}
    </CaseGate>
  );
}

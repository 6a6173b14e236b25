import './timeline.css';
import { ErrorAlert } from '../../shared/ui/ErrorAlert.js';
import { useCurrentCase } from '../case/index.js';
import { TimelineWorkspace } from './TimelineWorkspace.js';

function Head() {
  return (
    <div className="page-head">
      <h1>Timeline</h1>
    </div>
  );
}

/**
 * The Timeline page: every event of the open case in one table, with the filter bar, histogram,
 * facets and event panel. Without a case it says what to do first.
 */
export function TimelinePage() {
  const current = useCurrentCase();

  if (current.isPending) {
    return (
      <>
        <Head />
        <p className="muted">Reading the open case…</p>
      </>
    );
  }
  if (current.isError) {
    return (
      <>
        <Head />
        <ErrorAlert title="Could not read which case is open" error={current.error} />
      </>
    );
  }
  if (!current.data) {
    return (
      <>
        <Head />
        <section className="panel" aria-label="About Timeline">
          <p>The timeline shows every collected event of a case in one table, with facets, a histogram and an event panel.</p>
          <p>
            <strong>No case is open.</strong> Open a case first (or create one): the timeline works on the evidence of one case. <a href="#/case">Go to Case</a>
          </p>
        </section>
      </>
    );
  }
  // Keyed by case: another case starts with its own filter, selection and rows.
  return <TimelineWorkspace key={current.data.dir} />;
}

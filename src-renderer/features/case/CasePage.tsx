import './case.css';
import type { AppInfo } from '../../../src-shared/ipc/contract.js';
import type { CaseInfo } from '../../../src-shared/domain/case.js';
import { ErrorAlert } from '../../shared/ui/ErrorAlert.js';
import { CaseSummary } from './CaseSummary.js';
import { CreateCaseForm } from './CreateCaseForm.js';
import { CustodyLog } from './CustodyLog.js';
import { OpenCaseForm } from './OpenCaseForm.js';
import { RecentCases } from './RecentCases.js';
import { useCloseCase, useCurrentCase } from './use-case.js';

function OpenCase({ info }: { info: CaseInfo }) {
  const close = useCloseCase();
  return (
    <>
      <div className="page-head">
        <h1>Case: {info.meta.name}</h1>
        <button type="button" className="button" onClick={() => close.mutate({})} disabled={close.isPending}>
          {close.isPending ? 'Closing…' : 'Close case'}
        </button>
      </div>
      {close.error ? <ErrorAlert title="Could not close the case" error={close.error} /> : null}
      <div className="case-open">
        <CaseSummary info={info} />
        <CustodyLog entries={info.custody} chainIntact={info.custodyChainIntact} />
      </div>
    </>
  );
}

function NoCase({ appInfo }: { appInfo: AppInfo }) {
  return (
    <>
      <div className="page-head">
        <h1>Case</h1>
      </div>
      <p className="lead">No case is open. Create one for a new investigation, or open an existing case folder.</p>
      <div className="case-start">
        <CreateCaseForm appInfo={appInfo} />
        <div className="stack">
          <OpenCaseForm nativeDialogs={appInfo.nativeDialogs} />
          <RecentCases />
        </div>
      </div>
    </>
  );
}

/** The Case page: the open case's record, or the ways to get one open. */
export function CasePage({ appInfo }: { appInfo: AppInfo }) {
  const current = useCurrentCase();
  if (current.isPending) return <p className="muted">Reading the open case…</p>;
  if (current.isError) return <ErrorAlert title="Could not read which case is open" error={current.error} />;
  return current.data ? <OpenCase info={current.data} /> : <NoCase appInfo={appInfo} />;
}

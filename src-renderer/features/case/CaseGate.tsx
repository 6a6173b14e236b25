import type { ReactNode } from 'react';
import type { CaseInfo } from '../../../src-shared/domain/case.js';
import { ErrorAlert } from '../../shared/ui/ErrorAlert.js';
import { useCurrentCase } from './use-case.js';

/**
 * The states a case-scoped page passes through before it has a case to work on: still asking,
 * the question failed, or no case is open. Each shows the page's `head`; with no case open it
 * adds `noCase`, the page's own account of what it does and the step to take first. With a case
 * open only `children` renders, so the page decides its own head there.
 */
export function CaseGate({ head, noCase, children }: { head: ReactNode; noCase: ReactNode; children: (openCase: CaseInfo) => ReactNode }) {
  const current = useCurrentCase();
  if (current.isPending) {
    return (
      <>
        {head}
        <p className="muted">Reading the open case…</p>
      </>
    );
  }
  if (current.isError) {
    return (
      <>
        {head}
        <ErrorAlert title="Could not read which case is open" error={current.error} />
      </>
    );
  }
  if (!current.data) {
    return (
      <>
        {head}
        {noCase}
      </>
    );
  }
  return <>{children(current.data)}</>;
}

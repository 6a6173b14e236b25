import type { ReactNode } from 'react';

/**
 * A page whose capability is planned but not in this build. It says what the page will hold and
 * that it is not available yet — no sample data and no controls that do nothing.
 * `caseOpen` false adds the step the responder needs first; undefined means "still finding out".
 */
export function PlannedCapability({ title, caseOpen, children }: { title: string; caseOpen: boolean | undefined; children: ReactNode }) {
  return (
    <>
      <div className="page-head">
        <h1>{title}</h1>
      </div>
      <section className="panel planned" aria-label={`About ${title}`}>
        <div className="planned-text">{children}</div>
        <p className="planned-status">
          <strong>Not available yet.</strong> This capability has not landed in this build of Cirrus.
        </p>
        {caseOpen === false ? (
          <p className="planned-next">
            Open a case first: this page works on the evidence of one case. <a href="#/case">Go to Case</a>
          </p>
        ) : null}
      </section>
    </>
  );
}

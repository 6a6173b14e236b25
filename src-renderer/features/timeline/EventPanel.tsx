import type { ReactNode } from 'react';
import type { FilterListField } from '../../../src-shared/domain/timeline-filter.js';
import type { TimelineEventDetail } from '../../../src-shared/ipc/contract-timeline.js';
import { ErrorAlert } from '../../shared/ui/ErrorAlert.js';
import { sourceLabel } from './columns.js';
import { fieldLabels } from './filter-edit.js';
import { EventWork } from './EventWork.js';
import { RawJson } from './RawJson.js';
import { recordLines } from './record-lines.js';
import { labelledTime, type ShownZone } from './time-zones.js';
import { useBookmark, useEventDetail } from './use-timeline-data.js';
import type { Pivot } from './ValueMenu.js';

interface Props {
  eventId: number;
  zone: ShownZone;
  onClose(): void;
  onPivot: Pivot;
  /** Keeps the table's copy of the row in step with a change made here. */
  onRowChange(change: { bookmarked?: boolean; tag?: { tag: string; action: 'add' | 'remove' }; notes?: number }): void;
}

function PivotButtons({ field, value, onPivot }: { field: FilterListField; value: string; onPivot: Pivot }) {
  const what = fieldLabels[field];
  return (
    <span className="pivots">
      <button type="button" className="button button-small" aria-label={`Filter on ${what} ${value}`} onClick={() => onPivot(field, value, 'include')}>
        Filter
      </button>
      <button type="button" className="button button-small button-quiet" aria-label={`Exclude ${what} ${value}`} onClick={() => onPivot(field, value, 'exclude')}>
        Exclude
      </button>
    </span>
  );
}

function Field({ label, children, mono = false }: { label: string; children: ReactNode; mono?: boolean }) {
  return (
    <div className="detail-field">
      <dt>{label}</dt>
      <dd className={mono ? 'mono' : undefined}>{children}</dd>
    </div>
  );
}

function Fields({ detail, zone, onPivot }: { detail: TimelineEventDetail; zone: ShownZone; onPivot: Pivot }) {
  const e = detail.event;
  const pivotable = (label: string, field: FilterListField, value: string | null, mono = false, shown?: string) =>
    value === null ? null : (
      <Field label={label} mono={mono}>
        <span className="detail-value">{shown ?? value}</span>
        <PivotButtons field={field} value={value} onPivot={onPivot} />
      </Field>
    );
  const plain = (label: string, value: string | number | null, mono = false) => (value === null ? null : <Field label={label} mono={mono}>{String(value)}</Field>);
  return (
    <dl className="detail-fields">
      <Field label={`Time (${zone.label})`} mono>
        {labelledTime(e.ts, zone)}
      </Field>
      {zone.iana !== 'UTC' ? <Field label="Time (UTC)" mono>{labelledTime(e.ts, { choice: { kind: 'utc' }, iana: 'UTC', label: 'UTC' })}</Field> : null}
      {plain('Time as recorded', e.ts_source, true)}
      {pivotable('Source', 'sources', e.source, false, `${sourceLabel(e.source)} (${e.raw_format})`)}
      {pivotable('Operation', 'operations', e.operation)}
      {pivotable('Result', 'results', e.result, false, e.result_code ? `${e.result ?? ''} (${e.result_code})` : undefined)}
      {e.result === null ? plain('Result code', e.result_code) : null}
      {pivotable('Actor', 'actors', e.actor)}
      {plain('Actor id', e.actor_id, true)}
      {plain('Actor type', e.actor_type)}
      {pivotable('IP address', 'ips', e.ip, true)}
      {pivotable('Country', 'countries', e.country, false, [e.city, e.country].filter(Boolean).join(', '))}
      {plain('ASN', e.asn)}
      {pivotable('App', 'apps', e.app_id, true, e.app_name ? `${e.app_name} (${e.app_id})` : undefined)}
      {plain('Target', e.target)}
      {pivotable('Workload', 'workloads', e.workload)}
      {plain('Record type', e.record_type)}
      {pivotable('Session id', 'sessionIds', e.session_id, true)}
      {pivotable('Correlation id', 'correlationIds', e.correlation_id, true)}
      {plain('User agent', e.user_agent)}
      {plain('Record id', e.record_id, true)}
    </dl>
  );
}

function Provenance({ detail }: { detail: TimelineEventDetail }) {
  const p = detail.provenance;
  return (
    <dl className="detail-fields">
      <Field label="Page">
        #{p.pageId}, record {p.position + 1} of {p.recordCount}
      </Field>
      <Field label="Request" mono>
        {p.method} {p.url}
      </Field>
      {p.requestBody ? <Field label="Request body" mono>{p.requestBody}</Field> : null}
      <Field label="Service">
        {p.service}
        {p.status !== null ? `, HTTP ${p.status}` : ', no HTTP status (not fetched over HTTP)'}
      </Field>
      <Field label="Received" mono>
        {p.receivedAt.replace('T', ' ').replace('Z', ' UTC')}
      </Field>
      <Field label="SHA-256" mono>
        <span className="hash">{p.sha256}</span>
      </Field>
      <Field label="File" mono>
        raw/{p.filePath} ({p.byteSize.toLocaleString('en-GB')} bytes{p.compression === 'gzip' ? ', stored gzip-compressed' : ''})
      </Field>
      {p.account ? <Field label="Account">{p.account}</Field> : null}
      {p.tenantId ? <Field label="Tenant" mono>{p.tenantId}</Field> : null}
      {p.jobId !== null ? <Field label="Collection">job {p.jobId}{p.windowId !== null ? `, window ${p.windowId}` : ''}</Field> : null}
    </dl>
  );
}

/** One event: its fields (with pivots), parameters, AuditData, raw record, provenance, and the analyst's marks. */
export function EventPanel({ eventId, zone, onClose, onPivot, onRowChange }: Props) {
  const detail = useEventDetail(eventId);
  const bookmark = useBookmark();
  const d = detail.data;
  const bookmarked = d ? d.workProduct.bookmarks.some((b) => b.eventId === eventId) : false;
  const params = d ? Object.entries(d.event.params) : [];

  return (
    <aside className="tl-detail" aria-label="Event detail">
      <div className="tl-detail-head">
        <h2>{d ? d.event.operation : `Event ${eventId}`}</h2>
        {d ? (
          <button
            type="button"
            className={`button${bookmarked ? ' button-primary' : ''}`}
            aria-pressed={bookmarked}
            disabled={bookmark.isPending}
            onClick={() =>
              bookmark.mutate({ eventIds: [eventId], bookmarked: !bookmarked }, { onSuccess: () => onRowChange({ bookmarked: !bookmarked }) })
            }
          >
            {bookmarked ? '★ Bookmarked' : '☆ Bookmark'}
          </button>
        ) : null}
        <button type="button" className="button button-quiet" onClick={onClose} aria-label="Close event detail" aria-keyshortcuts="Escape">
          Close
        </button>
      </div>
      {detail.isPending ? <p className="muted">Reading event {eventId}…</p> : null}
      {detail.error ? <ErrorAlert title={`Could not read event ${eventId}`} error={detail.error} /> : null}
      {detail.isSuccess && d === null ? <p className="alert alert-error">Event {eventId} is not in this case.</p> : null}
      {bookmark.error ? <ErrorAlert title="The bookmark was not changed" error={bookmark.error} /> : null}
      {d ? (
        <div className="tl-detail-body">
          <section className="detail-section" aria-label="Fields">
            <h3>Fields</h3>
            <Fields detail={d} zone={zone} onPivot={onPivot} />
          </section>
          <EventWork
            eventId={eventId}
            work={d.workProduct}
            onTagged={(tag, action) => onRowChange({ tag: { tag, action } })}
            onNoted={(delta) => onRowChange({ notes: delta })}
          />
          {params.length > 0 ? (
            <section className="detail-section" aria-label="Parameters">
              <h3>Parameters</h3>
              <dl className="detail-fields">
                {params.map(([name, value]) => (
                  <Field key={name} label={name} mono>
                    {value}
                  </Field>
                ))}
              </dl>
            </section>
          ) : null}
          {d.auditData ? (
            <section className="detail-section" aria-label="AuditData">
              <h3>AuditData</h3>
              <dl className="detail-fields">
                {recordLines(d.auditData).map((line, i) => (
                  <Field key={`${i}:${line.path}`} label={line.path} mono>
                    {line.value}
                  </Field>
                ))}
              </dl>
            </section>
          ) : null}
          <section className="detail-section" aria-label="Raw record">
            <h3>Raw record</h3>
            <RawJson raw={d.event.raw} />
          </section>
          <section className="detail-section" aria-label="Provenance">
            <h3>Provenance</h3>
            <Provenance detail={d} />
          </section>
        </div>
      ) : null}
    </aside>
  );
}

import type { Query } from '@tanstack/react-query';
import type { AppEvent, CommandName } from '../../src-shared/ipc/contract.js';
import { assertNever } from '../shared/lib/assert-never.js';
import './query-meta.js';

/** Answers that cannot change while the app runs. */
const staticCommands: ReadonlySet<unknown> = new Set<CommandName>(['app.info']);

/**
 * Which cached answers an event makes stale. Events carry summaries only; the renderer re-asks.
 * - `case.changed`: another case (or none) is open, so everything but static answers is stale.
 * - `db.changed`: only queries that read one of the named tables (or did not say what they read).
 * - `job.progress`: nothing; a job that writes data also emits `db.changed`.
 * - `auth.changed`: the `auth.*` answers (who is signed in, what the tenant needs).
 * - `auth.deviceCode`: nothing; the prompt is in the event itself.
 */
export function isStaleAfter(event: AppEvent, query: Pick<Query, 'queryKey' | 'meta'>): boolean {
  if (staticCommands.has(query.queryKey[0])) return false;
  switch (event.name) {
    case 'case.changed':
      return true;
    case 'db.changed': {
      const reads = query.meta?.tables;
      return reads === undefined || reads.some((table) => event.payload.tables.includes(table));
    }
    case 'auth.changed':
      return typeof query.queryKey[0] === 'string' && query.queryKey[0].startsWith('auth.');
    case 'job.progress':
    case 'auth.deviceCode':
      return false;
    default:
      return assertNever(event);
  }
}

import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../src-shared/ipc/contract.js';
import { isStaleAfter } from './invalidation.js';

const query = (name: string, tables?: string[]) => ({ queryKey: [name, {}], meta: tables ? { tables } : {} });

describe('isStaleAfter', () => {
  it('refreshes everything but static answers when the open case changes', () => {
    const event: AppEvent = { name: 'case.changed', payload: { dir: '/cases/a' } };
    expect(isStaleAfter(event, query('case.current'))).toBe(true);
    expect(isStaleAfter(event, query('case.recent', []))).toBe(true);
    expect(isStaleAfter(event, query('app.info', []))).toBe(false);
  });

  it('refreshes on db.changed only the queries that read a changed table, or did not say', () => {
    const event: AppEvent = { name: 'db.changed', payload: { tables: ['events'] } };
    expect(isStaleAfter(event, query('timeline.page', ['events']))).toBe(true);
    expect(isStaleAfter(event, query('hits.list', ['detections']))).toBe(false);
    expect(isStaleAfter(event, query('case.recent', []))).toBe(false);
    expect(isStaleAfter(event, query('case.current'))).toBe(true);
    expect(isStaleAfter(event, query('app.info'))).toBe(false);
  });

  it('refreshes the auth answers when the sign-in changes', () => {
    const event: AppEvent = { name: 'auth.changed', payload: { signedIn: false, pending: null, session: null, cacheProtection: 'memory' } };
    expect(isStaleAfter(event, query('auth.status', []))).toBe(true);
    expect(isStaleAfter(event, query('case.current'))).toBe(false);
  });

  it('refreshes nothing on job progress', () => {
    const event: AppEvent = { name: 'job.progress', payload: { jobId: 'j', kind: 'k', status: 'running', done: 1, total: null, note: '' } };
    expect(isStaleAfter(event, query('case.current'))).toBe(false);
  });
});

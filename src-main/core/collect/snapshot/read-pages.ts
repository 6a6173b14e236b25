import type { ApiPage } from '../http/api-types.js';
import { ApiError } from '../http/api-types.js';
import type { Pager } from '../http/paging.js';
import { errorText, isCancellation } from '../planner/window-errors.js';

/**
 * Reading configuration (a snapshot part, a mailbox's settings): the pages of one request, each
 * handed on as it arrives, the whole request tried again after a network failure or a server
 * error. A refusal (a 4xx, an answer of the wrong shape) is not tried again — it would be refused
 * the same way — and is returned as the reason. A missing token or a cancellation is thrown: it
 * ends the run, since every later request would fail the same way.
 */
export interface ReadOutcome {
  attempts: number;
  /** Why the request could not be read; null when every page arrived. */
  error: string | null;
}

function refused(e: unknown): boolean {
  if (!(e instanceof ApiError)) return false;
  if (e.kind === 'shape') return true;
  return e.kind === 'http' && e.status !== null && e.status >= 400 && e.status < 500 && e.status !== 408 && e.status !== 409;
}

export function endsTheRun(e: unknown): boolean {
  return isCancellation(e) || (e instanceof ApiError && e.kind === 'token');
}

export async function readPages(pages: () => Pager, onPage: (page: ApiPage) => Promise<void>, maxAttempts: number): Promise<ReadOutcome> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      for await (const page of pages()) await onPage(page);
      return { attempts: attempt, error: null };
    } catch (e) {
      if (endsTheRun(e)) throw e;
      if (refused(e) || attempt >= maxAttempts) return { attempts: attempt, error: errorText(e) };
    }
  }
}

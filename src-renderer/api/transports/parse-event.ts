import { events, type AppEvent, type EventName } from '../../../src-shared/ipc/contract.js';

const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);

/**
 * Checks an event that arrived from outside the page against the contract. Events drive query
 * invalidation and the jobs list, so a malformed one is dropped rather than half-trusted.
 */
export function parseAppEvent(raw: unknown): AppEvent | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { name, payload } = raw as { name?: unknown; payload?: unknown };
  if (!isEventName(name)) return null;
  const parsed = events[name].safeParse(payload);
  // The cast re-pairs a validated payload with its own name, which TypeScript cannot correlate.
  return parsed.success ? ({ name, payload: parsed.data } as AppEvent) : null;
}

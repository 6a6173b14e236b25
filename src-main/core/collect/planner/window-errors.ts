import { ApiError } from '../http/api-types.js';

/**
 * How a failed window affects the run. A refusal (no permission, no licence, a query the service
 * rejects, no token) will refuse every other window the same way: the run stops after recording
 * that window as failed, instead of writing the same failure hundreds of times. Anything else
 * (still throttled, network trouble, an unreadable page) may pass: the window is retried, then
 * recorded as failed, and the run goes on.
 */
export function stopsTheRun(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.kind === 'token' || error.kind === 'cancelled') return true;
  return error.kind === 'http' && error.status !== null && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 409;
}

export function isCancellation(error: unknown): boolean {
  return error instanceof ApiError && error.kind === 'cancelled';
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Thrown by a planner after it recorded the window that stopped the run; carries the cause. */
export class RunStopped extends Error {
  override readonly name = 'RunStopped';
  constructor(
    message: string,
    override readonly cause: unknown,
  ) {
    super(message);
  }
}

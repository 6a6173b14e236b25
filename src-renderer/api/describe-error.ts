import { CallError } from './client.js';
import type { ErrorInfo } from '../../src-shared/ipc/result.js';

export interface ErrorDescription {
  message: string;
  code?: ErrorInfo['code'];
  details: NonNullable<ErrorInfo['details']>;
}

/** Turns whatever was thrown into words for a responder: the message only, never a stack. */
export function describeError(error: unknown): ErrorDescription {
  if (error instanceof CallError) {
    return { message: error.info.message, code: error.info.code, details: error.info.details ?? [] };
  }
  if (error instanceof Error && error.message) return { message: error.message, details: [] };
  return { message: 'An unexpected error occurred and carried no message.', details: [] };
}

import { z } from 'zod';

/**
 * Error codes every transport can carry. Adding a code is additive; renaming one breaks
 * renderers already in the field, so codes are never renamed.
 */
export const errorCodes = [
  'validation', // input failed its schema
  'unknown_command', // no such command in the contract
  'no_case_open', // the command needs an open case
  'case_not_found', // folder or case.sqlite missing
  'not_a_case', // the file is not a Cirrus case database
  'case_corrupt', // the database is damaged or truncated
  'case_too_new', // written by a newer Cirrus build
  'case_locked', // open in another process
  'case_exists', // create into a folder that already holds a case
  'read_only', // the folder or file cannot be written
  'unsupported', // the host cannot do this (e.g. a native dialog in browser mode)
  'forbidden', // a security check refused the request
  'not_signed_in', // the command needs a signed-in account (or the sign-in expired and needs the user again)
  'sign_in_failed', // the identity platform or the network refused a sign-in or a token
  'cancelled', // the user (or a timeout) stopped a long-running operation
  'busy', // another operation of the same kind is still running
  'internal', // a bug: the message says where
] as const;
export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorInfo = z.object({
  code: ErrorCode,
  message: z.string(),
  /** Optional structured detail (e.g. the zod issues of a validation error). */
  details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ErrorInfo = z.infer<typeof ErrorInfo>;

export type Ok<T> = { ok: true; value: T };
export type Err = { ok: false; error: ErrorInfo };
export type Result<T> = Ok<T> | Err;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = (code: ErrorCode, message: string, details?: ErrorInfo['details']): Err =>
  details ? { ok: false, error: { code, message, details } } : { ok: false, error: { code, message } };

/** An error that already carries its contract code; thrown inside core, turned into `Err` at the router. */
export class CoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorInfo['details'],
  ) {
    super(message);
    this.name = 'CoreError';
  }
}

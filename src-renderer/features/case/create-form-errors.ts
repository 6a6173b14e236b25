import { CaseCreateInput } from '../../../src-shared/domain/case.js';
import type { ErrorInfo } from '../../../src-shared/ipc/result.js';
import { CallError } from '../../api/client.js';

export const createFields = ['dir', 'name', 'examiner', 'tenantLabel', 'description'] as const;
export type CreateField = (typeof createFields)[number];
export type CreateValues = Record<CreateField, string>;
export type FieldErrors = Partial<Record<CreateField, string>>;

const isCreateField = (key: unknown): key is CreateField => createFields.some((field) => field === key);

/** Schema messages are lower-case fragments ("case name is required"); fields show sentences. */
const sentence = (message: string) => message.charAt(0).toUpperCase() + message.slice(1);

/**
 * Checks the form with the contract's own schema, so the form and the core cannot disagree about
 * what a valid case is. Returns the cleaned input, or one message per invalid field.
 */
export function validateCreate(values: CreateValues): { ok: true; input: CaseCreateInput } | { ok: false; errors: FieldErrors } {
  const parsed = CaseCreateInput.strict().safeParse(values);
  if (parsed.success) return { ok: true, input: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (isCreateField(field) && !errors[field]) errors[field] = sentence(issue.message);
  }
  return { ok: false, errors };
}

/**
 * Splits a `validation` error from the core into messages for the fields it names and the rest,
 * which the form shows in its alert (e.g. a check only the core can make, such as folder access).
 */
export function coreFieldErrors(error: unknown): { fields: FieldErrors; other: NonNullable<ErrorInfo['details']> } {
  const fields: FieldErrors = {};
  const other: NonNullable<ErrorInfo['details']> = [];
  if (!(error instanceof CallError) || error.info.code !== 'validation') return { fields, other };
  for (const detail of error.info.details ?? []) {
    const field = detail.path.split('.')[0];
    if (isCreateField(field) && !fields[field]) fields[field] = sentence(detail.message);
    else other.push(detail);
  }
  return { fields, other };
}

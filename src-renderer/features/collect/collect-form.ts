import {
  CollectRequest,
  SignInKind,
  type AuditSubset,
  type CollectRequestInput,
  type CollectSourceId,
  type UalChannel,
  type UalOptIn,
} from '../../../src-shared/domain/collection.js';
import { concerns, isLightPreset } from './collect-vocabulary.js';

/** What the Collect form holds: text as typed, so a half-typed list or date is never lost. */
export interface CollectFormValues {
  sources: CollectSourceId[];
  /** UTC, `YYYY-MM-DD` or `YYYY-MM-DD HH:MM`; empty: the default (see the field hints). */
  from: string;
  to: string;
  ualChannel: UalChannel;
  preset: string;
  optIns: UalOptIn[];
  /** One entry per line (commas and spaces also separate). */
  users: string;
  ips: string;
  freeText: string;
  signInKinds: SignInKind[];
  auditSubset: AuditSubset;
  subscriptions: string;
  organizations: string;
}

export type FormField = Exclude<keyof CollectFormValues, 'ualChannel'> | 'form';
export type FormErrors = Partial<Record<FormField, string>>;

export function initialValues(defaultChannel: UalChannel): CollectFormValues {
  return {
    sources: [],
    from: '',
    to: '',
    ualChannel: defaultChannel,
    preset: 'light:all',
    optIns: [],
    users: '',
    ips: '',
    freeText: '',
    signInKinds: [...SignInKind.options],
    auditSubset: 'all',
    subscriptions: '',
    organizations: '',
  };
}

/** Entries of a free list; empty text is an empty list (which means "all" where the form says so). */
export const splitList = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;
const DAY_MS = 86_400_000;

/**
 * A typed UTC date or date-time as an ISO instant. A bare date means the whole day: as the start,
 * its midnight; as the end, the next midnight, so "to 2025-03-04" includes the 4th. Returns
 * undefined for empty text and null for text that is not a real UTC date.
 */
export function parseUtcInput(text: string, edge: 'start' | 'end'): string | undefined | null {
  const value = text.trim();
  if (value === '') return undefined;
  const date = DATE.exec(value);
  const dateTime = DATE_TIME.exec(value);
  const parts = date ?? dateTime;
  if (!parts) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00'] = parts;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const back = new Date(ms);
  // Date.UTC rolls 2025-02-30 over into March; a real date survives the round trip.
  if (back.getUTCDate() !== Number(d) || back.getUTCMonth() !== Number(mo) - 1 || back.getUTCHours() !== Number(h) || back.getUTCMinutes() !== Number(mi)) return null;
  const instant = date && edge === 'end' ? ms + DAY_MS : ms;
  return new Date(instant).toISOString();
}

export const dateFormatMessage = 'Enter a UTC date as YYYY-MM-DD or YYYY-MM-DD HH:MM.';

/** The request the form describes; options of groups whose sources are not chosen are left out. */
export function toRequest(values: CollectFormValues, from: string | undefined, to: string | undefined): CollectRequestInput {
  const chosen = values.sources;
  const ual = concerns('ual', chosen);
  const ipsAndText = concerns('ipsAndText', chosen);
  const freeText = values.freeText.trim();
  return {
    sources: chosen,
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(ual ? { ualChannel: values.ualChannel, preset: values.preset, optIns: isLightPreset(values.preset) ? values.optIns : [] } : {}),
    users: concerns('users', chosen) ? splitList(values.users) : [],
    ips: ipsAndText ? splitList(values.ips) : [],
    ...(ipsAndText && freeText ? { freeText } : {}),
    ...(concerns('signInKinds', chosen) ? { signInKinds: values.signInKinds } : {}),
    ...(concerns('auditSubset', chosen) ? { auditSubset: values.auditSubset } : {}),
    subscriptions: concerns('subscriptions', chosen) ? splitList(values.subscriptions) : [],
    organizations: concerns('organizations', chosen) ? splitList(values.organizations) : [],
  };
}

const fieldOf = (key: PropertyKey | undefined): FormField => {
  const known: readonly string[] = ['sources', 'from', 'to', 'preset', 'optIns', 'users', 'ips', 'freeText', 'signInKinds', 'auditSubset', 'subscriptions', 'organizations'];
  return typeof key === 'string' && known.includes(key) ? (key as FormField) : 'form';
};

export type Validated = { ok: true; request: CollectRequestInput } | { ok: false; errors: FormErrors };

/**
 * Checks the form with the contract's own schema, so the page refuses exactly what the core would,
 * in the core's words; a message about one entry of a list names that entry.
 */
export function validate(values: CollectFormValues): Validated {
  const errors: FormErrors = {};
  const from = parseUtcInput(values.from, 'start');
  const to = parseUtcInput(values.to, 'end');
  if (from === null) errors.from = dateFormatMessage;
  if (to === null) errors.to = dateFormatMessage;
  if (concerns('signInKinds', values.sources) && values.signInKinds.length === 0) errors.signInKinds = 'choose at least one kind of sign-in';

  const request = toRequest(values, from ?? undefined, to ?? undefined);
  const parsed = CollectRequest.safeParse(request);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path[0]);
      if (errors[field]) continue;
      const index = issue.path[1];
      const list = field === 'users' || field === 'ips' || field === 'subscriptions' || field === 'organizations' ? request[field] : undefined;
      const entry = typeof index === 'number' && list ? list[index] : undefined;
      errors[field] = entry === undefined ? issue.message : `“${entry}”: ${issue.message}`;
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, request };
}

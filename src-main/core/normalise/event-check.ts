import { actorTypes, eventSources, NormalisedEvent, rawFormats } from '../../../src-shared/domain/event.js';
import { normaliseId, normaliseIdentity, normaliseIp } from '../../../src-shared/domain/event-entities.js';

/**
 * A quick test that an event passes the NormalisedEvent schema, for the two places every event
 * crosses it (the normaliser's frame, and the writer re-checking what another thread sent).
 * Running the schema costs about three times what these comparisons do, twice per event.
 *
 * It answers only "certainly valid": anything it does not recognise as plainly valid is left to
 * the schema, which decides and words the error, so results and messages are the schema's own.
 * It must therefore never accept what the schema refuses (the tests compare the two on real and
 * mutated events). When the schema gains or loses a field, the quick test turns itself off until
 * FIELDS below is brought up to date.
 */

type Check = (value: unknown) => boolean;

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const optionalText: Check = (v) => v === null || isText(v);
const spelled =
  (normalise: (text: string) => string | null): Check =>
  (v) =>
    v === null || (isText(v) && normalise(v) === v);
const oneOf = (values: readonly string[]): Check => {
  const set: ReadonlySet<unknown> = new Set(values);
  return (v) => set.has(v);
};
const results = oneOf(['success', 'failure', 'partial']);
const actorType = oneOf(actorTypes);

/** A plain object of non-empty names to strings, with nothing the schema would treat differently. */
function isParams(v: unknown): boolean {
  if (typeof v !== 'object' || v === null || Object.getPrototypeOf(v) !== Object.prototype) return false;
  if (Object.getOwnPropertySymbols(v).length > 0) return false;
  const record = v as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    // The schema drops a `__proto__` key from its output: leave such records to it.
    if (key === '' || key === '__proto__' || typeof record[key] !== 'string') return false;
  }
  return true;
}

/** Every field of the schema, in its order, with the test it must pass. */
const FIELDS: readonly (readonly [keyof NormalisedEvent, Check])[] = [
  ['ts', (v) => Number.isSafeInteger(v)],
  ['ts_source', isText],
  ['source', oneOf(eventSources)],
  ['raw_format', oneOf(rawFormats)],
  ['record_id', (v) => isText(v) && normaliseId(v) === v],
  ['workload', optionalText],
  ['record_type', optionalText],
  ['operation', isText],
  ['result', (v) => v === null || results(v)],
  ['result_code', optionalText],
  ['actor', spelled(normaliseIdentity)],
  ['actor_id', spelled(normaliseId)],
  ['actor_type', (v) => v === null || actorType(v)],
  ['ip', spelled(normaliseIp)],
  ['user_agent', optionalText],
  ['app_id', spelled(normaliseId)],
  ['app_name', optionalText],
  ['target', spelled(normaliseIdentity)],
  ['session_id', spelled(normaliseId)],
  ['correlation_id', spelled(normaliseId)],
  ['country', optionalText],
  ['city', optionalText],
  ['asn', (v) => v === null || (Number.isSafeInteger(v) && (v as number) >= 0)],
  ['params', isParams],
  ['raw', isText],
];

export const CHECKED_FIELDS: readonly string[] = FIELDS.map(([name]) => name);
const inStep = CHECKED_FIELDS.join() === Object.keys(NormalisedEvent.shape).join();

/** True when the schema would certainly accept `value`; false means "ask the schema". */
export function isPlainlyValidEvent(value: unknown): value is NormalisedEvent {
  if (!inStep || typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  for (const [name, check] of FIELDS) if (!check(record[name])) return false;
  return true;
}

/** The event as the schema outputs it: its fields only, in the schema's order, params copied. */
export function schemaShaped(e: NormalisedEvent): NormalisedEvent {
  return {
    ts: e.ts,
    ts_source: e.ts_source,
    source: e.source,
    raw_format: e.raw_format,
    record_id: e.record_id,
    workload: e.workload,
    record_type: e.record_type,
    operation: e.operation,
    result: e.result,
    result_code: e.result_code,
    actor: e.actor,
    actor_id: e.actor_id,
    actor_type: e.actor_type,
    ip: e.ip,
    user_agent: e.user_agent,
    app_id: e.app_id,
    app_name: e.app_name,
    target: e.target,
    session_id: e.session_id,
    correlation_id: e.correlation_id,
    country: e.country,
    city: e.city,
    asn: e.asn,
    params: { ...e.params },
    raw: e.raw,
  };
}

import { CallFrame, type ServerFrame } from '../../src-shared/ipc/contract.js';
import { err, type Err } from '../../src-shared/ipc/result.js';

export type DecodedFrame =
  | { ok: true; frame: CallFrame }
  /** `id` is the caller's id when one could be read, otherwise -1 so the client still gets an answer. */
  | { ok: false; id: number; error: Err };

const recoverId = (value: unknown): number => {
  if (typeof value !== 'object' || value === null || !('id' in value)) return -1;
  const id: unknown = value.id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : -1;
};

/**
 * Parses one text frame from the page. Anything the page sends is untrusted: bad JSON and
 * frames that fail `CallFrame` become a typed `validation` error instead of an exception.
 */
export function decodeCallFrame(text: string): DecodedFrame {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, id: -1, error: err('validation', 'Frame is not valid JSON.') };
  }
  const parsed = CallFrame.safeParse(raw);
  if (parsed.success) return { ok: true, frame: parsed.data };
  const details = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  return { ok: false, id: recoverId(raw), error: err('validation', 'Frame is not a call frame.', details) };
}

/**
 * Serialises a frame for the wire. A result that cannot be serialised (a bug in a handler,
 * e.g. a BigInt) is replaced by an `internal` error so the caller is not left waiting.
 */
export function encodeServerFrame(frame: ServerFrame): string {
  try {
    return JSON.stringify(frame);
  } catch {
    if (frame.type === 'result') {
      return JSON.stringify({ type: 'result', id: frame.id, result: err('internal', 'Result could not be serialised.') });
    }
    throw new Error(`event ${frame.event.name} could not be serialised`);
  }
}

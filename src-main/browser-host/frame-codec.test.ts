import { describe, expect, it } from 'vitest';
import { decodeCallFrame, encodeServerFrame } from './frame-codec.js';

describe('decodeCallFrame', () => {
  it('accepts a call frame', () => {
    expect(decodeCallFrame('{"type":"call","id":3,"name":"app.info","input":{}}')).toEqual({
      ok: true,
      frame: { type: 'call', id: 3, name: 'app.info', input: {} },
    });
  });

  it('answers garbage with validation and id -1', () => {
    for (const text of ['', 'null', '[]', '"call"', '{"type":"call"', '{"__proto__":{"id":5}}']) {
      const decoded = decodeCallFrame(text);
      expect(decoded.ok, text).toBe(false);
      if (!decoded.ok) {
        expect(decoded.id, text).toBe(-1);
        expect(decoded.error.error.code).toBe('validation');
      }
    }
  });

  it('keeps a usable id so the caller can match the error', () => {
    const decoded = decodeCallFrame('{"type":"event","id":12,"name":"app.info"}');
    expect(decoded).toMatchObject({ ok: false, id: 12, error: { error: { code: 'validation' } } });
    expect(decodeCallFrame('{"type":"x","id":-4}')).toMatchObject({ ok: false, id: -1 });
    expect(decodeCallFrame('{"type":"x","id":1.5}')).toMatchObject({ ok: false, id: -1 });
  });
});

describe('encodeServerFrame', () => {
  it('replaces an unserialisable result with an internal error', () => {
    const text = encodeServerFrame({ type: 'result', id: 4, result: { ok: true, value: { big: 1n } } });
    expect(JSON.parse(text)).toMatchObject({ type: 'result', id: 4, result: { ok: false, error: { code: 'internal' } } });
  });
});

import { describe, expect, it, vi } from 'vitest';
import type { AppEvent } from '../../../src-shared/ipc/contract.js';
import { ok } from '../../../src-shared/ipc/result.js';
import { createIpcTransport, type IrBridge } from './ipc.js';
import { selectTransport } from './select.js';
import { ConnectionError } from './transport.js';

function fakeBridge() {
  let listener: ((event: unknown) => void) | null = null;
  const bridge: IrBridge = {
    call: vi.fn(async () => ok({ closed: true })),
    onEvent: (cb) => {
      listener = cb;
      return () => (listener = null);
    },
  };
  return { bridge, push: (event: unknown) => listener?.(event) };
}

describe('ipc transport', () => {
  it('passes calls to window.ir unchanged and returns its envelope', async () => {
    const { bridge } = fakeBridge();
    await expect(createIpcTransport(bridge).call('case.close', {})).resolves.toEqual({ ok: true, value: { closed: true } });
    expect(bridge.call).toHaveBeenCalledWith('case.close', {});
  });

  it('turns a bridge rejection into a ConnectionError', async () => {
    const bridge: IrBridge = { call: () => Promise.reject(new Error('unknown')), onEvent: () => () => {} };
    await expect(createIpcTransport(bridge).call('case.close', {})).rejects.toThrow(ConnectionError);
  });

  it('forwards only events that match the contract', () => {
    const { bridge, push } = fakeBridge();
    const seen: AppEvent[] = [];
    const stop = createIpcTransport(bridge).onEvent((event) => seen.push(event));
    push({ name: 'case.changed', payload: { dir: null } });
    push({ name: 'case.changed', payload: {} });
    push('junk');
    stop();
    push({ name: 'case.changed', payload: { dir: '/x' } });
    expect(seen).toEqual([{ name: 'case.changed', payload: { dir: null } }]);
  });

  it('is chosen when the preload bridge is present; otherwise the WebSocket is', () => {
    const { bridge } = fakeBridge();
    const withBridge = { ir: bridge, location: window.location } as unknown as Window;
    expect(selectTransport(withBridge).onConnectionChange).toBeUndefined();
    const sockets: string[] = [];
    const OriginalWebSocket = globalThis.WebSocket;
    globalThis.WebSocket = class {
      constructor(url: string) {
        sockets.push(url);
      }
      close() {}
    } as unknown as typeof WebSocket;
    try {
      const browser = { location: { protocol: 'http:', host: '127.0.0.1:4123' } } as unknown as Window;
      const transport = selectTransport(browser);
      expect(transport.onConnectionChange).toBeTypeOf('function');
      expect(sockets).toEqual(['ws://127.0.0.1:4123/ws']);
      (transport as unknown as { close(): void }).close();
    } finally {
      globalThis.WebSocket = OriginalWebSocket;
    }
  });
});

import { beforeAll, describe, expect, it, vi } from 'vitest';
import { commandNames } from '../../src-shared/ipc/contract.js';
import type { IrBridge } from './preload.js';

const electron = await vi.hoisted(async () => (await import('./testing/fake-electron.js')).createFakeElectron());
vi.mock('electron', () => electron);

describe('preload bridge', () => {
  let ir: IrBridge;
  beforeAll(async () => {
    await import('./preload.js');
    ir = electron.contextBridge.exposed.get('ir') as IrBridge;
  });

  it('exposes exactly `call` and `onEvent` on window.ir and nothing else', () => {
    expect([...electron.contextBridge.exposed.keys()]).toEqual(['ir']);
    expect(Object.keys(ir).sort()).toEqual(['call', 'onEvent']);
    expect(typeof ir.call).toBe('function');
    expect(typeof ir.onEvent).toBe('function');
  });

  it('invokes ir:call for every contract command and returns the main-process answer', async () => {
    electron.ipcRenderer.answer = async (_channel, name) => ({ ok: true, value: `answer:${String(name)}` });
    for (const name of commandNames) {
      await expect(ir.call(name, { probe: name })).resolves.toEqual({ ok: true, value: `answer:${name}` });
    }
    const last = commandNames.at(-1);
    expect(electron.ipcRenderer.invocations.at(-1)).toEqual({ channel: 'ir:call', args: [last, { probe: last }] });
    expect(electron.ipcRenderer.invocations).toHaveLength(commandNames.length);
  });

  it('rejects unknown names before anything reaches IPC', async () => {
    const before = electron.ipcRenderer.invocations.length;
    for (const name of ['case.delete', '__proto__', 'constructor', 'toString', '', 42, null]) {
      await expect(ir.call(name as string, {})).rejects.toThrow(/Unknown command/);
    }
    expect(electron.ipcRenderer.invocations).toHaveLength(before);
  });

  it('delivers event payloads without the IpcRendererEvent and unsubscribes', () => {
    const seen: unknown[] = [];
    const unsubscribe = ir.onEvent((event) => seen.push(event));
    const payload = { name: 'case.changed', payload: { dir: null } };
    electron.ipcRenderer.emit('ir:event', { sender: electron.ipcRenderer, senderId: 0 }, payload);
    electron.ipcRenderer.emit('ir:other', { sender: electron.ipcRenderer }, { name: 'not.ours' });
    expect(seen).toEqual([payload]);
    unsubscribe();
    electron.ipcRenderer.emit('ir:event', { sender: electron.ipcRenderer }, payload);
    expect(seen).toHaveLength(1);
    expect(electron.ipcRenderer.listenerCount('ir:event')).toBe(0);
  });

  it('refuses a listener that is not a function', () => {
    expect(() => ir.onEvent('alert(1)' as unknown as (event: unknown) => void)).toThrow(TypeError);
    expect(electron.ipcRenderer.listenerCount('ir:event')).toBe(0);
  });
});

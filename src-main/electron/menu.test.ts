import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore, type Core } from '../core/create-core.js';
import { silentLogger, type Logger } from '../core/ports.js';
import { makeTempDir, makeTestPorts } from '../core/testing/test-ports.js';
import type { CaseActions } from './case-actions.js';
import { buildMenuTemplate, createAppMenu } from './menu.js';
import { createFakeElectron, findMenuItem } from './testing/fake-electron.js';

const recordingActions = () => {
  const calls: string[] = [];
  const actions: CaseActions = {
    newCase: async () => void calls.push('new'),
    pickAndOpenCase: async () => void calls.push('open'),
    openCase: async (dir) => void calls.push(`open:${dir}`),
    closeCase: async () => void calls.push('close'),
    about: async () => void calls.push('about'),
  };
  return { calls, actions };
};
const runNow = (action: () => Promise<void>) => () => void action();
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();
const labels = (items: MenuItemConstructorOptions[] | undefined) => (items ?? []).map((i) => i.label ?? i.role ?? i.type);

/** Opening a case starts a writer thread; give it time on a slow machine. */
const SLOW = { timeout: 20_000, interval: 25 };

describe('menu template', () => {
  const recent = [
    { dir: '/cases/r&d', name: 'R&D breach', lastOpenedAt: '2026-01-02T00:00:00.000Z' },
    { dir: '/cases/bec', name: 'BEC', lastOpenedAt: '2026-01-01T00:00:00.000Z' },
  ];

  it('has File (New, Open, Recent, Close, Quit), Edit, View and Help → About on Windows and Linux', () => {
    const { actions } = recordingActions();
    const template = buildMenuTemplate({ platform: 'linux', recent, caseOpen: true }, actions, runNow);
    expect(labels(template)).toEqual(['&File', '&Edit', '&View', '&Help']);
    const file = findMenuItem(template, ['File'])?.submenu as MenuItemConstructorOptions[];
    expect(labels(file)).toEqual(['New case…', 'Open case…', 'Recent cases', 'separator', 'Close case', 'separator', 'Quit']);
    expect(findMenuItem(template, ['File', 'Quit'])?.role).toBe('quit');
    expect(findMenuItem(template, ['File', 'Close case'])?.enabled).toBe(true);
    expect(labels(findMenuItem(template, ['Help'])?.submenu as MenuItemConstructorOptions[])).toEqual(['About Cirrus']);
  });

  it('lists recent cases with ampersands kept literal, and a disabled placeholder when there are none', () => {
    const { actions, calls } = recordingActions();
    const template = buildMenuTemplate({ platform: 'win32', recent, caseOpen: false }, actions, runNow);
    const items = findMenuItem(template, ['File', 'Recent cases'])?.submenu as MenuItemConstructorOptions[];
    expect(labels(items)).toEqual(['R&&D breach — /cases/r&&d', 'BEC — /cases/bec']);
    click(items[0]);
    expect(calls).toEqual(['open:/cases/r&d']);
    expect(findMenuItem(template, ['File', 'Close case'])?.enabled).toBe(false);
    const empty = buildMenuTemplate({ platform: 'win32', recent: [], caseOpen: false }, actions, runNow);
    expect(findMenuItem(empty, ['File', 'Recent cases'])?.submenu).toEqual([{ label: 'No recent cases', enabled: false }]);
  });

  it('wires every item to its action', () => {
    const { actions, calls } = recordingActions();
    const template = buildMenuTemplate({ platform: 'linux', recent, caseOpen: true }, actions, runNow);
    for (const path of [['File', 'New case…'], ['File', 'Open case…'], ['File', 'Close case'], ['Help', 'About Cirrus']]) click(findMenuItem(template, path));
    expect(calls).toEqual(['new', 'open', 'close', 'about']);
  });

  it('adds the macOS application menu first', () => {
    const { actions, calls } = recordingActions();
    const template = buildMenuTemplate({ platform: 'darwin', recent: [], caseOpen: false }, actions, runNow);
    expect(labels(template)).toEqual(['Cirrus', '&File', '&Edit', '&View', '&Help']);
    click(findMenuItem(template, ['Cirrus', 'About Cirrus']));
    expect(calls).toEqual(['about']);
  });
});

describe('application menu controller', () => {
  let tmp: ReturnType<typeof makeTempDir> | undefined;
  let core: Core | undefined;
  afterEach(async () => {
    await core?.shutdown();
    tmp?.cleanup();
  });

  it('installs the menu from the core and rebuilds it when the case changes', async () => {
    tmp = makeTempDir();
    core = createCore(makeTestPorts(tmp.dir));
    const electron = createFakeElectron();
    const { actions } = recordingActions();
    const menu = createAppMenu({ Menu: electron.Menu, core, actions, platform: 'linux', logger: silentLogger });
    await menu.refresh();
    const template = () => electron.Menu.applicationMenu?.template ?? [];
    expect(findMenuItem(template(), ['File', 'Recent cases'])?.submenu).toEqual([{ label: 'No recent cases', enabled: false }]);
    expect(findMenuItem(template(), ['File', 'Close case'])?.enabled).toBe(false);

    const dir = join(tmp.dir, 'cases', 'delta');
    await core.route('case.create', { dir, name: 'Delta', examiner: 'Examiner' });
    await vi.waitFor(() => expect(findMenuItem(template(), ['File', 'Close case'])?.enabled).toBe(true), SLOW);
    expect(labels(findMenuItem(template(), ['File', 'Recent cases'])?.submenu as MenuItemConstructorOptions[])).toEqual([`Delta — ${dir}`]);

    menu.dispose();
    const before = electron.Menu.applicationMenu;
    await core.route('case.close', {});
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(electron.Menu.applicationMenu).toBe(before);
  });

  it('logs failed menu actions and failed refreshes instead of rejecting unhandled', async () => {
    const electron = createFakeElectron();
    const errors: string[] = [];
    const logger: Logger = { ...silentLogger, error: (m, f) => errors.push(`${m} ${JSON.stringify(f)}`) };
    let listener: ((event: { name: 'case.changed'; payload: { dir: string | null } }) => void) | undefined;
    let coreUp = true;
    const flakyCore: Core = {
      route: async (name) => {
        if (!coreUp) throw new Error('core down');
        return { ok: true, value: name === 'case.recent' ? [] : null };
      },
      onEvent: (l) => ((listener = l), () => {}),
      shutdown: async () => {},
    };
    const failing: CaseActions = { ...recordingActions().actions, about: () => Promise.reject(new Error('no dialog')) };
    const menu = createAppMenu({ Menu: electron.Menu, core: flakyCore, actions: failing, platform: 'linux', logger });
    await menu.refresh();
    click(findMenuItem(electron.Menu.applicationMenu?.template ?? [], ['Help', 'About Cirrus']));
    coreUp = false;
    listener?.({ name: 'case.changed', payload: { dir: null } });
    await vi.waitFor(() => expect(errors.sort()).toEqual(['menu action failed {"error":"no dialog"}', 'menu refresh failed {"error":"core down"}']));
    await expect(menu.refresh()).rejects.toThrow('core down');
  });

  it('drops a rebuild that was still pending when the menu was disposed', async () => {
    const electron = createFakeElectron();
    let listener: ((event: { name: 'case.changed'; payload: { dir: string | null } }) => void) | undefined;
    const routed: unknown[] = [];
    const stubCore: Core = {
      route: async (name) => (routed.push(name), { ok: true, value: name === 'case.recent' ? [] : null }),
      onEvent: (l) => ((listener = l), () => {}),
      shutdown: async () => {},
    };
    const menu = createAppMenu({ Menu: electron.Menu, core: stubCore, actions: recordingActions().actions, platform: 'linux', logger: silentLogger });
    listener?.({ name: 'case.changed', payload: { dir: null } });
    menu.dispose();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(routed).toEqual([]);
    expect(electron.Menu.applicationMenu).toBeNull();
  });
});

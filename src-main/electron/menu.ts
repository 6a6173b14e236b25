import type { MenuItemConstructorOptions } from 'electron';
import { commands } from '../../src-shared/ipc/contract.js';
import type { RecentCase } from '../../src-shared/domain/case.js';
import type { Core } from '../core/create-core.js';
import type { Logger } from '../core/ports.js';
import type { CaseActions } from './case-actions.js';
import type { MenuApi } from './electron-api.js';

export interface MenuState {
  platform: string;
  recent: readonly RecentCase[];
  caseOpen: boolean;
}

/** On Windows and Linux a single `&` marks a keyboard mnemonic; a case called "R&D" must show as typed. */
const literal = (text: string): string => text.replace(/&/g, '&&');

/** Runs a menu action; a failure becomes a log line instead of an unhandled rejection. */
type Run = (action: () => Promise<void>) => () => void;

function recentItems(recent: readonly RecentCase[], actions: CaseActions, run: Run): MenuItemConstructorOptions[] {
  if (recent.length === 0) return [{ label: 'No recent cases', enabled: false }];
  return recent.map((entry) => ({ label: literal(`${entry.name} — ${entry.dir}`), click: run(() => actions.openCase(entry.dir)) }));
}

/** The application menu as data; `createAppMenu` turns it into a native menu. */
export function buildMenuTemplate(state: MenuState, actions: CaseActions, run: Run): MenuItemConstructorOptions[] {
  const about: MenuItemConstructorOptions = { label: 'About Cirrus', click: run(() => actions.about()) };
  const macAppMenu: MenuItemConstructorOptions[] =
    state.platform === 'darwin'
      ? [{ label: 'Cirrus', submenu: [about, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] }]
      : [];
  return [
    ...macAppMenu,
    {
      label: '&File',
      submenu: [
        { label: 'New case…', accelerator: 'CmdOrCtrl+N', click: run(() => actions.newCase()) },
        { label: 'Open case…', accelerator: 'CmdOrCtrl+O', click: run(() => actions.pickAndOpenCase()) },
        { label: 'Recent cases', submenu: recentItems(state.recent, actions, run) },
        { type: 'separator' },
        { label: 'Close case', enabled: state.caseOpen, click: run(() => actions.closeCase()) },
        { type: 'separator' },
        { label: 'Quit', role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
    },
    {
      label: '&View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { label: '&Help', role: 'help', submenu: [about] },
  ];
}

export interface AppMenuDeps {
  Menu: MenuApi;
  core: Core;
  actions: CaseActions;
  platform: string;
  logger: Logger;
}

/**
 * Keeps the native menu in step with the core: rebuilt at start and on every `case.changed`,
 * so "Recent cases" and "Close case" always reflect what the core says.
 */
export function createAppMenu(deps: AppMenuDeps): { refresh(): Promise<void>; dispose(): void } {
  const run: Run = (action) => () => {
    action().catch((e: unknown) => deps.logger.error('menu action failed', { error: e instanceof Error ? e.message : String(e) }));
  };

  async function refresh(): Promise<void> {
    const [recent, current] = await Promise.all([deps.core.route('case.recent', {}), deps.core.route('case.current', {})]);
    const recentList = recent.ok ? commands['case.recent'].output.safeParse(recent.value) : null;
    const state: MenuState = {
      platform: deps.platform,
      recent: recentList?.success ? recentList.data : [],
      caseOpen: current.ok && current.value !== null,
    };
    deps.Menu.setApplicationMenu(deps.Menu.buildFromTemplate(buildMenuTemplate(state, deps.actions, run)));
  }

  let disposed = false;
  const unsubscribe = deps.core.onEvent((event) => {
    if (event.name !== 'case.changed') return;
    // The core emits `case.changed` while the command is still finishing (the recent list is
    // updated right after), so rebuild on the next turn of the event loop, not synchronously.
    setTimeout(() => {
      if (disposed) return;
      refresh().catch((e: unknown) => deps.logger.error('menu refresh failed', { error: e instanceof Error ? e.message : String(e) }));
    }, 0);
  });
  return {
    refresh,
    dispose() {
      disposed = true;
      unsubscribe();
    },
  };
}

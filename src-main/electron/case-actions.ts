import { commands } from '../../src-shared/ipc/contract.js';
import type { Core } from '../core/create-core.js';
import type { Dialogs } from '../core/ports.js';
import type { Notices } from './adapters/dialogs.js';

export interface CaseActionDeps {
  core: Core;
  dialogs: Dialogs;
  notices: Notices;
  version: string;
  /** Brings the window forward and shows the renderer's Case page (where cases are created). */
  showCasePage(): void;
  focus(): void;
}

/** What the menu, a second instance and a command-line case folder can ask the shell to do. */
export interface CaseActions {
  newCase(): Promise<void>;
  pickAndOpenCase(): Promise<void>;
  openCase(dir: string): Promise<void>;
  closeCase(): Promise<void>;
  about(): Promise<void>;
}

/**
 * Menu-driven case handling, done through core commands like any renderer call. The renderer
 * learns the outcome from the `case.changed` event the core emits, so nothing here talks to the
 * page directly except showing its Case page for "New case…".
 */
export function createCaseActions(deps: CaseActionDeps): CaseActions {
  const { core, notices } = deps;

  async function openCase(dir: string): Promise<void> {
    deps.focus();
    const result = await core.route('case.open', { dir });
    if (!result.ok) await notices.error('Could not open the case', `${dir}\n\n${result.error.message}`);
  }

  async function closeOpenCase(): Promise<boolean> {
    const result = await core.route('case.close', {});
    if (!result.ok) await notices.error('Could not close the case', result.error.message);
    return result.ok;
  }

  return {
    openCase,
    async pickAndOpenCase() {
      const dir = await deps.dialogs.pickFolder('open');
      if (dir) await openCase(dir);
    },
    async closeCase() {
      await closeOpenCase();
    },
    async newCase() {
      // The core holds one case at a time, and the create form shows only when none is open.
      const current = await core.route('case.current', {});
      const open = current.ok ? commands['case.current'].output.safeParse(current.value) : null;
      if (open?.success && open.data) {
        const confirmed = await notices.confirm(
          `Close “${open.data.meta.name}” and start a new case?`,
          'The open case is closed cleanly (its custody log records it) and stays under Recent cases.',
          'Close and continue',
        );
        if (!confirmed || !(await closeOpenCase())) return;
      }
      deps.showCasePage();
    },
    async about() {
      await notices.info('About Cirrus', `Cirrus ${deps.version}`, 'Investigation workstation for Microsoft 365, Entra ID, Azure and Azure DevOps compromises.');
    },
  };
}

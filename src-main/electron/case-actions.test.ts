import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../core/create-core.js';
import { makeTempDir, makeTestPorts } from '../core/testing/test-ports.js';
import type { Notices } from './adapters/dialogs.js';
import { createCaseActions, type CaseActions } from './case-actions.js';

describe('case actions', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let core: Core;
  let actions: CaseActions;
  let picked: (string | null)[];
  let confirmAnswers: boolean[];
  let shown: string[];
  let log: string[];

  const currentDir = async () => {
    const r = await core.route('case.current', {});
    return r.ok && r.value ? (r.value as { dir: string }).dir : null;
  };

  beforeEach(() => {
    tmp = makeTempDir();
    core = createCore(makeTestPorts(tmp.dir));
    picked = [];
    confirmAnswers = [];
    shown = [];
    log = [];
    const notices: Notices = {
      error: async (message, detail) => void shown.push(`error: ${message} | ${detail}`),
      info: async (title, message, detail) => void shown.push(`info: ${title} | ${message} | ${detail}`),
      confirm: async (message) => {
        shown.push(`confirm: ${message}`);
        return confirmAnswers.shift() ?? false;
      },
    };
    actions = createCaseActions({
      core,
      dialogs: { supported: true, pickFolder: async (purpose) => (log.push(`pick:${purpose}`), picked.shift() ?? null) },
      notices,
      version: '1.2.3',
      showCasePage: () => log.push('case-page'),
      focus: () => log.push('focus'),
    });
  });
  afterEach(async () => {
    await core.shutdown();
    tmp.cleanup();
  });

  const createCase = async (name: string) => {
    const dir = join(tmp.dir, 'cases', name);
    const r = await core.route('case.create', { dir, name, examiner: 'Examiner' });
    expect(r.ok).toBe(true);
    return dir;
  };

  it('Open case… picks a folder and opens it through the core; cancel does nothing', async () => {
    const dir = await createCase('alpha');
    await core.route('case.close', {});
    picked.push(null, dir);
    await actions.pickAndOpenCase();
    expect(await currentDir()).toBeNull();
    await actions.pickAndOpenCase();
    expect(await currentDir()).toBe(dir);
    expect(log).toEqual(['pick:open', 'pick:open', 'focus']);
    expect(shown).toEqual([]);
  });

  it('shows the core error when a folder is not a case', async () => {
    const notACase = join(tmp.dir, 'empty');
    await actions.openCase(notACase);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatch(/^error: Could not open the case \| .*empty\n\n.+/s);
  });

  it('Close case closes through the core and reports a failure', async () => {
    await createCase('beta');
    await actions.closeCase();
    expect(await currentDir()).toBeNull();
    const failing = createCaseActions({
      core: { ...core, route: async () => ({ ok: false, error: { code: 'internal', message: 'disk gone' } }) },
      dialogs: { supported: true, pickFolder: async () => null },
      notices: { error: async (m, d) => void shown.push(`error: ${m} | ${d}`), info: async () => {}, confirm: async () => true },
      version: '1',
      showCasePage: () => {},
      focus: () => {},
    });
    await failing.closeCase();
    expect(shown).toEqual(['error: Could not close the case | disk gone']);
  });

  it('New case… with no case open goes straight to the Case page', async () => {
    await actions.newCase();
    expect(log).toEqual(['case-page']);
    expect(shown).toEqual([]);
  });

  it('New case… asks before closing an open case, and respects Cancel', async () => {
    const dir = await createCase('gamma');
    confirmAnswers.push(false, true);
    await actions.newCase();
    expect(await currentDir()).toBe(dir);
    expect(log).toEqual([]);
    await actions.newCase();
    expect(await currentDir()).toBeNull();
    expect(log).toEqual(['case-page']);
    expect(shown).toEqual(['confirm: Close “gamma” and start a new case?', 'confirm: Close “gamma” and start a new case?']);
  });

  it('About shows the version', async () => {
    await actions.about();
    expect(shown).toEqual(['info: About Cirrus | Cirrus 1.2.3 | Investigation workstation for Microsoft 365, Entra ID, Azure and Azure DevOps compromises.']);
  });
});

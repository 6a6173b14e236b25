import { CaseCreateInput, type CaseInfo, type CustodyEntry, type RecentCase } from '../../src-shared/domain/case.js';
import type { AppInfo } from '../../src-shared/ipc/contract.js';
import { err, ok } from '../../src-shared/ipc/result.js';
import type { FakeHandlers } from './fake-transport.js';

export interface FakeCoreOptions {
  appInfo?: Partial<AppInfo>;
  /** Cases that already exist on "disk", keyed by folder. */
  existing?: CaseInfo[];
  recent?: RecentCase[];
  pickFolder?: string | null;
}

/**
 * Just enough of the core's case behaviour for component tests, in memory: it validates with the
 * contract's schema and keeps a custody log, so the UI is exercised against realistic answers.
 */
export function createFakeCore(options: FakeCoreOptions = {}) {
  const appInfo: AppInfo = {
    name: 'Cirrus',
    version: '0.1.0',
    mode: 'browser',
    platform: 'linux',
    defaultCasesDir: '/cases',
    nativeDialogs: false,
    ...options.appInfo,
  };
  const cases = new Map((options.existing ?? []).map((info) => [info.dir, info]));
  let recent: RecentCase[] = [...(options.recent ?? [])];
  let current: CaseInfo | null = null;
  let tick = Date.parse('2025-03-04T10:00:00.000Z');
  const now = () => new Date((tick += 1000)).toISOString();

  const appendCustody = (info: CaseInfo, action: string, detail: Record<string, unknown>): CaseInfo => {
    const entry: CustodyEntry = {
      seq: info.custody.length + 1,
      at: now(),
      action,
      examiner: info.meta.examiner,
      toolVersion: appInfo.version,
      detail,
      hash: `${String(info.custody.length + 1).padStart(2, '0')}${'ab'.repeat(31)}`,
    };
    const next = { ...info, custody: [...info.custody, entry] };
    cases.set(info.dir, next);
    return next;
  };
  const remember = (info: CaseInfo) => {
    recent = [{ dir: info.dir, name: info.meta.name, lastOpenedAt: now() }, ...recent.filter((r) => r.dir !== info.dir)];
  };

  const handlers: FakeHandlers = {
    'app.info': () => ok(appInfo),
    'case.current': () => ok(current),
    'case.recent': () => ok(recent),
    'case.create': (input) => {
      const parsed = CaseCreateInput.strict().safeParse(input);
      if (!parsed.success) {
        const details = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
        return err('validation', 'The case details are not valid.', details);
      }
      const { dir, ...rest } = parsed.data;
      if (cases.has(dir)) return err('case_exists', `${dir} already holds a Cirrus case.`);
      const created: CaseInfo = {
        dir,
        dbPath: `${dir}/case.sqlite`,
        meta: { caseId: `case-${cases.size + 1}`, createdAt: now(), createdWith: appInfo.version, schemaVersion: 1, ...rest },
        custody: [],
        custodyChainIntact: true,
      };
      current = appendCustody(created, 'case.created', { name: rest.name });
      remember(current);
      return ok(current);
    },
    'case.open': (input) => {
      const { dir } = input as { dir: string };
      const found = cases.get(dir);
      if (!found) return err('case_not_found', `No Cirrus case in ${dir}: case.sqlite is missing.`);
      current = appendCustody(found, 'case.opened', {});
      remember(current);
      return ok(current);
    },
    'case.close': () => {
      const closed = current !== null;
      current = null;
      return ok({ closed });
    },
    'case.forgetRecent': (input) => {
      const { dir } = input as { dir: string };
      const before = recent.length;
      recent = recent.filter((r) => r.dir !== dir);
      return ok({ removed: recent.length < before });
    },
    'shell.pickFolder': () =>
      appInfo.nativeDialogs ? ok({ path: options.pickFolder ?? null }) : err('unsupported', 'Browser mode has no native folder picker.'),
  };

  return {
    handlers,
    appInfo,
    /** Lets a test change what is open "behind the UI's back", as another window would. */
    setCurrent(info: CaseInfo | null) {
      current = info;
    },
  };
}

/** A stored case as the core would return it, for tests that start with cases on disk. */
export function storedCase(dir: string, name: string, chainIntact = true): CaseInfo {
  return {
    dir,
    dbPath: `${dir}/case.sqlite`,
    meta: {
      caseId: `id-${name}`,
      name,
      examiner: 'Examiner One',
      tenantLabel: 'contoso.example',
      description: '',
      createdAt: '2025-02-01T08:30:00.000Z',
      createdWith: '0.1.0',
      schemaVersion: 1,
    },
    custody: [
      { seq: 1, at: '2025-02-01T08:30:00.000Z', action: 'case.created', examiner: 'Examiner One', toolVersion: '0.1.0', detail: {}, hash: 'a'.repeat(64) },
    ],
    custodyChainIntact: chainIntact,
  };
}

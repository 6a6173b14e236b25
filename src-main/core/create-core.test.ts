import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { commands } from '../../src-shared/ipc/contract.js';
import { createCore, type Core } from './create-core.js';
import { LATEST_SCHEMA_VERSION } from './db/migrations/index.js';
import { makeTempDir, makeTestPorts } from './testing/test-ports.js';

describe('createCore', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let core: Core;
  beforeEach(() => {
    tmp = makeTempDir();
    core = createCore(makeTestPorts(tmp.dir));
  });
  afterEach(async () => {
    await core.shutdown();
    tmp.cleanup();
  });

  it('answers app.info with an output that matches the contract', async () => {
    const r = await core.route('app.info', {});
    expect(r.ok).toBe(true);
    if (r.ok) expect(commands['app.info'].output.parse(r.value).mode).toBe('test');
  });

  it('rejects unknown commands and bad input with typed errors, and keeps serving', async () => {
    expect(await core.route('case.delete', {})).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    expect(await core.route(42, {})).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    const bad = await core.route('case.create', { dir: '', name: 5 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (!bad.ok) expect(bad.error.details?.map((d) => d.path)).toEqual(expect.arrayContaining(['dir', 'name', 'examiner']));
    expect(await core.route('app.info', { extra: true })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect((await core.route('app.info', {})).ok).toBe(true);
  });

  it('creates, closes, lists and reopens a case, with the custody chain growing', async () => {
    const dir = join(tmp.dir, 'cases', 'bec-2026');
    const created = await core.route('case.create', { dir, name: 'BEC 2026', examiner: 'Analyst One', tenantLabel: 'contoso' });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const info = commands['case.create'].output.parse(created.value);
    expect(info.meta).toMatchObject({ name: 'BEC 2026', examiner: 'Analyst One', tenantLabel: 'contoso', schemaVersion: LATEST_SCHEMA_VERSION });
    expect(info.custody.map((e) => e.action)).toEqual(['case.created']);
    expect(info.custodyChainIntact).toBe(true);

    const events: string[] = [];
    core.onEvent((e) => events.push(`${e.name}:${JSON.stringify(e.payload)}`));
    expect(await core.route('case.close', {})).toEqual({ ok: true, value: { closed: true } });
    expect(await core.route('case.current', {})).toEqual({ ok: true, value: null });
    const recent = await core.route('case.recent', {});
    expect(recent.ok && (recent.value as { dir: string }[])[0]?.dir).toBe(dir);

    const reopened = await core.route('case.open', { dir });
    expect(reopened.ok).toBe(true);
    if (!reopened.ok) return;
    const again = commands['case.open'].output.parse(reopened.value);
    expect(again.custody.map((e) => e.action)).toEqual(['case.created', 'case.closed', 'case.opened']);
    expect(again.custodyChainIntact).toBe(true);
    expect(events).toEqual([`case.changed:{"dir":null}`, `case.changed:${JSON.stringify({ dir })}`]);
  });

  it('refuses to create a case where one exists', async () => {
    const dir = join(tmp.dir, 'c1');
    expect((await core.route('case.create', { dir, name: 'A', examiner: 'E' })).ok).toBe(true);
    expect(await core.route('case.create', { dir, name: 'B', examiner: 'E' })).toMatchObject({ ok: false, error: { code: 'case_exists' } });
  });

  it('only opens allow-listed https URLs in the system browser', async () => {
    expect(await core.route('shell.openExternal', { url: 'https://login.microsoftonline.com/common/oauth2/deviceauth' })).toEqual({ ok: true, value: { opened: true } });
    expect(await core.route('shell.openExternal', { url: 'https://evil.example/phish' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await core.route('shell.openExternal', { url: 'http://login.microsoftonline.com/' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

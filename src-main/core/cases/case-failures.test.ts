import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../create-core.js';
import { makeTempDir, makeTestPorts } from '../testing/test-ports.js';
import { inspectCase } from './case-service.js';

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('opening bad or busy cases', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let core: Core;
  let goodDir: string;
  beforeEach(async () => {
    tmp = makeTempDir();
    core = createCore(makeTestPorts(tmp.dir));
    goodDir = join(tmp.dir, 'good');
    const r = await core.route('case.create', { dir: goodDir, name: 'Good', examiner: 'E' });
    expect(r.ok).toBe(true);
    await core.route('case.close', {});
  });
  afterEach(async () => {
    await core.shutdown();
    tmp.cleanup();
  });

  async function expectRefusal(dir: string, code: string, message: RegExp) {
    const r = await core.route('case.open', { dir });
    expect(r).toMatchObject({ ok: false, error: { code } });
    if (!r.ok) expect(r.error.message).toMatch(message);
    expect(() => inspectCase(dir)).toThrow(message);
  }

  it('refuses a random file posing as case.sqlite, leaving its bytes alone', async () => {
    const dir = join(tmp.dir, 'random');
    mkdirSync(dir);
    writeFileSync(join(dir, 'case.sqlite'), Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)));
    const before = sha256(join(dir, 'case.sqlite'));
    await expectRefusal(dir, 'not_a_case', /case\.sqlite: not a Cirrus case \(the file is not an SQLite database\)/);
    expect(sha256(join(dir, 'case.sqlite'))).toBe(before);
  });

  it('refuses a truncated case database, leaving its bytes alone', async () => {
    const dir = join(tmp.dir, 'truncated');
    mkdirSync(dir);
    copyFileSync(join(goodDir, 'case.sqlite'), join(dir, 'case.sqlite'));
    truncateSync(join(dir, 'case.sqlite'), 5000);
    const before = sha256(join(dir, 'case.sqlite'));
    await expectRefusal(dir, 'case_corrupt', /truncated/);
    expect(sha256(join(dir, 'case.sqlite'))).toBe(before);
  });

  it('refuses a case whose pages are damaged inside an intact header, leaving its bytes alone', async () => {
    const dir = join(tmp.dir, 'damaged');
    mkdirSync(dir);
    const file = join(dir, 'case.sqlite');
    copyFileSync(join(goodDir, 'case.sqlite'), file);
    const bytes = readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    // Scribble over every page after the first (schema and header stay readable).
    for (let i = pageSize; i < bytes.length; i++) bytes[i] = (i * 131) % 251;
    writeFileSync(file, bytes);
    const before = sha256(file);
    const r = await core.route('case.open', { dir });
    expect(r).toMatchObject({ ok: false, error: { code: 'case_corrupt' } });
    if (!r.ok) expect(r.error.message).toContain(file);
    expect(sha256(file)).toBe(before);
    // The refused open released its lock: the folder holds only what was there.
    expect(readdirSync(dir).filter((f) => f !== 'case.sqlite-wal' && f !== 'case.sqlite-shm')).toEqual(['case.sqlite']);
  });

  it('refuses an SQLite database of another application', async () => {
    const dir = join(tmp.dir, 'foreign');
    mkdirSync(dir);
    const other = new Database(join(dir, 'case.sqlite'));
    other.exec('CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)');
    other.close();
    const before = sha256(join(dir, 'case.sqlite'));
    await expectRefusal(dir, 'not_a_case', /another application/);
    expect(sha256(join(dir, 'case.sqlite'))).toBe(before);
  });

  it('refuses a folder without a case and a path that is a file', async () => {
    const empty = join(tmp.dir, 'empty');
    mkdirSync(empty);
    await expectRefusal(empty, 'case_not_found', /not a case folder \(no case\.sqlite in it\)/);
    const file = join(tmp.dir, 'notes.txt');
    writeFileSync(file, 'hello');
    await expectRefusal(file, 'not_a_case', /is a file, not a case folder/);
    await expectRefusal(join(tmp.dir, 'missing'), 'case_not_found', /no such folder/);
  });

  it('refuses a case written by a newer build, without changing it', async () => {
    const dir = join(tmp.dir, 'future');
    mkdirSync(dir);
    copyFileSync(join(goodDir, 'case.sqlite'), join(dir, 'case.sqlite'));
    const db = new Database(join(dir, 'case.sqlite'));
    db.pragma('journal_mode = DELETE');
    db.pragma('user_version = 999');
    db.close();
    const before = sha256(join(dir, 'case.sqlite'));
    await expectRefusal(dir, 'case_too_new', /newer Cirrus \(schema 999/);
    expect(sha256(join(dir, 'case.sqlite'))).toBe(before);
  });

  it('refuses a case that another live process holds, and takes over a dead one', async () => {
    const sleeper = spawn('sleep', ['30']);
    try {
      writeFileSync(join(goodDir, 'case.lock'), JSON.stringify({ pid: sleeper.pid, host: hostname(), since: '2026-01-01T00:00:00.000Z' }));
      const r = await core.route('case.open', { dir: goodDir });
      expect(r).toMatchObject({ ok: false, error: { code: 'case_locked' } });
      if (!r.ok) expect(r.error.message).toMatch(new RegExp(`open in another process \\(pid ${sleeper.pid}`));
    } finally {
      sleeper.kill();
    }
    const dead = spawnSync('true').pid;
    writeFileSync(join(goodDir, 'case.lock'), JSON.stringify({ pid: dead, host: hostname(), since: '2026-01-01T00:00:00.000Z' }));
    const r = await core.route('case.open', { dir: goodDir });
    expect(r.ok).toBe(true);
    if (r.ok) {
      const last = (r.value as { custody: { action: string; detail: Record<string, unknown> }[] }).custody.at(-1);
      expect(last).toMatchObject({ action: 'case.opened', detail: { recoveredStaleLock: { pid: dead } } });
    }
  });

  it('refuses a case open in another real process', async () => {
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'testing/hold-case-open.ts'), goodDir, join(tmp.dir, 'other')], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    try {
      const first = await new Promise<string>((resolve) => child.stdout?.once('data', (d: Buffer) => resolve(d.toString())));
      expect(first.trim()).toBe('ready');
      const r = await core.route('case.open', { dir: goodDir });
      expect(r).toMatchObject({ ok: false, error: { code: 'case_locked' } });
      if (!r.ok) expect(r.error.message).toContain(`pid ${child.pid}`);
    } finally {
      child.stdin?.end();
      await new Promise((resolve) => child.once('exit', resolve));
    }
    expect((await core.route('case.open', { dir: goodDir })).ok).toBe(true);
  });
});

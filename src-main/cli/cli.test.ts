import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseInfo } from '../../src-shared/domain/case.js';
import { makeTempDir } from '../core/testing/test-ports.js';

const main = join(import.meta.dirname, 'main.ts');
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('cirrus CLI (as a user runs it)', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  const cli = (...args: string[]) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', main, ...args], {
      encoding: 'utf8',
      env: { ...process.env, CIRRUS_CONFIG_DIR: join(tmp.dir, 'config') },
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  beforeAll(() => {
    tmp = makeTempDir();
  });
  afterAll(() => tmp.cleanup());

  it('creates a case and prints its metadata and custody log as JSON', () => {
    const dir = join(tmp.dir, 'case-a');
    const created = cli('case', 'create', '--dir', dir, '--name', 'Case A', '--examiner', 'Examiner E', '--tenant', 'contoso');
    expect(created.code, created.err).toBe(0);
    const info = cli('case', 'info', '--dir', dir, '--json');
    expect(info.code, info.err).toBe(0);
    const parsed = CaseInfo.parse(JSON.parse(info.out));
    expect(parsed.meta).toMatchObject({ name: 'Case A', examiner: 'Examiner E', tenantLabel: 'contoso' });
    expect(parsed.custody[0]).toMatchObject({ seq: 1, action: 'case.created', examiner: 'Examiner E' });
    expect(parsed.custodyChainIntact).toBe(true);
  });

  it('fails with one clear line and an untouched file for a random file, a truncated database and an empty folder', () => {
    const good = join(tmp.dir, 'case-b');
    expect(cli('case', 'create', '--dir', good, '--name', 'B', '--examiner', 'E').code).toBe(0);

    const random = join(tmp.dir, 'random');
    mkdirSync(random);
    writeFileSync(join(random, 'case.sqlite'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31 + 7) % 256)));
    const truncated = join(tmp.dir, 'truncated');
    mkdirSync(truncated);
    copyFileSync(join(good, 'case.sqlite'), join(truncated, 'case.sqlite'));
    truncateSync(join(truncated, 'case.sqlite'), 6000);
    const empty = join(tmp.dir, 'empty');
    mkdirSync(empty);
    const looseFile = join(tmp.dir, 'random.bin');
    writeFileSync(looseFile, 'not a case');

    for (const [dir, reason] of [
      [random, /case\.sqlite: not a Cirrus case/],
      [truncated, /case\.sqlite: the database is truncated/],
      [empty, /not a case folder \(no case\.sqlite in it\)/],
      [looseFile, /random\.bin: is a file, not a case folder/],
    ] as const) {
      const file = dir === empty ? null : dir === looseFile ? looseFile : join(dir, 'case.sqlite');
      const before = file ? sha256(file) : null;
      const r = cli('case', 'info', '--dir', dir);
      expect(r.code).not.toBe(0);
      expect(r.out).toBe('');
      const lines = r.err.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(reason);
      if (file) expect(sha256(file)).toBe(before);
    }
  });

  it('explains usage errors and has --help for every command', () => {
    const missing = cli('case', 'create', '--dir', join(tmp.dir, 'x'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/missing required option --name/);
    const unknownFlag = cli('case', 'info', '--dir', tmp.dir, '--colour');
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.err).toMatch(/--colour/);
    expect(cli('nonsense').code).toBe(2);
    for (const words of [['case', 'create'], ['case', 'info']]) {
      const help = cli(...words, '--help');
      expect(help.code).toBe(0);
      expect(help.out).toMatch(new RegExp(`^Usage: cirrus ${words.join(' ')}`));
    }
  });
});

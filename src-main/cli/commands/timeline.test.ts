import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { TimelineRow } from '../../../src-shared/ipc/contract-timeline.js';
import { createSeededCase } from '../../core/timeline/testing/seeded-case.js';
import type { CliIo } from '../command.js';
import { parseCliTime, timelineCommand } from './timeline.js';

const main = join(import.meta.dirname, '..', 'main.ts');
const Output = z.object({ rows: z.array(TimelineRow), prev: z.string().nullable(), next: z.string().nullable() });

describe('cirrus timeline (as a user runs it)', () => {
  let fixture: Awaited<ReturnType<typeof createSeededCase>>;
  const cli = (...args: string[]) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', main, 'timeline', '--case', fixture.dir, ...args], { encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  /** The command in this process (same code path as the binary, without a process start per call). */
  const run = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), env: {}, stopSignal: new AbortController().signal };
    const code = await timelineCommand.run(['--case', fixture.dir, ...args], io);
    return { code, out: out.map((l) => `${l}\n`).join(''), err: err.map((l) => `${l}\n`).join('') };
  };
  const sha = () => createHash('sha256').update(readFileSync(fixture.dbPath)).digest('hex');

  beforeAll(async () => {
    fixture = await createSeededCase();
  });
  afterAll(() => fixture?.cleanup());

  it('prints filtered pages that continue with --after, and leaves the case untouched', async () => {
    const before = sha();
    const actor = fixture.dataset.signIns.find((s) => s.userPrincipalName)!.userPrincipalName!.toUpperCase();
    const first = await run('--actor', actor, '--source', 'signin', '--source', 'ual', '--from', '2026-11-21', '--limit', '3', '--json');
    expect(first.code, first.err).toBe(0);
    const page1 = Output.parse(JSON.parse(first.out));
    expect(page1.rows).toHaveLength(3);
    expect(page1.rows.every((r) => r.actor === actor.toLowerCase() && ['signin', 'ual'].includes(r.source))).toBe(true);
    const second = Output.parse(JSON.parse((await run('--actor', actor, '--source', 'signin', '--source', 'ual', '--from', '2026-11-21', '--limit', '3', '--json', '--after', page1.next!)).out));
    const both = Output.parse(JSON.parse((await run('--actor', actor, '--source', 'signin', '--source', 'ual', '--from', '2026-11-21', '--limit', '6', '--json')).out));
    expect([...page1.rows, ...second.rows].map((r) => r.id)).toEqual(both.rows.map((r) => r.id));

    const text = cli('--op', 'Sign-in', '--ip', '198.51.100.0/24', '--limit', '2');
    expect(text.code, text.err).toBe(0);
    expect(text.out.trim().split('\n')).toHaveLength(2);
    expect(text.out).toMatch(/^\d{4}-\d{2}-\d{2}T\S+Z {2}signin {2}Sign-in {2}\S+ {2}198\.51\.100\.\d+ /);
    expect(text.err).toMatch(/More: --after \S+/);

    expect(sha()).toBe(before);
    expect(existsSync(join(fixture.dir, 'case.lock'))).toBe(false);
  });

  it('fails with one line naming the flag for bad dates, addresses and cursors', async () => {
    const spawned = cli('--from', '2026-13-01');
    expect(spawned.code).toBe(2);
    expect(spawned.out).toBe('');
    expect(spawned.err).toMatch(/^cirrus: --from: not a date or time: "2026-13-01".*\n$/);
    for (const [args, message] of [
      [['--to', 'yesterday'], /^cirrus: --to: not a date or time/],
      [['--ip', '10.0.0.0/40'], /^cirrus: --ip: not an IP address or CIDR block/],
      [['--after', 'bm90LWEtY3Vyc29y'], /^cirrus: --after: not a timeline cursor/],
      [['--limit', '5000'], /^cirrus: --limit: must be a whole number from 1 to 1000/],
      [['--source', 'email'], /^cirrus: --source: /],
    ] as const) {
      const r = await run(...args);
      expect(r.code, r.err).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(message);
    }
  });

  it('reads dates as UTC unless they name a zone, and refuses days that do not exist', () => {
    expect(parseCliTime('2026-11-20', '--from')).toBe(Date.UTC(2026, 10, 20));
    expect(parseCliTime('2026-11-20T10:00', '--from')).toBe(Date.UTC(2026, 10, 20, 10));
    expect(parseCliTime('2026-11-20T10:00:00+02:00', '--from')).toBe(Date.UTC(2026, 10, 20, 8));
    expect(parseCliTime('2026-11-20T10:00:00.250Z', '--from')).toBe(Date.UTC(2026, 10, 20, 10, 0, 0, 250));
    for (const bad of ['2026-02-30', '2026-02-30T10:00Z', '20-11-2026', '2026-11-20 10:00', '']) expect(() => parseCliTime(bad, '--to')).toThrow(/--to/);
  });
});

import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_DB_FILE } from '../../core/db/case-files.js';
import { startSmallSimulator } from '../../core/auth/testing/sim-fixture.js';
import { makeTempDir } from '../../core/testing/test-ports.js';
import type { SimSource } from '../../sim/data/types.js';
import type { RunningSimulator } from '../../sim/start-simulator.js';
import { createCase, signInInProcess, startCli } from '../testing/run-cli.js';

/**
 * `cirrus collect` killed with SIGKILL at several points — no chance to tidy up — then resumed
 * each time by the next run. The final case equals the ground truth hour by hour, holds no
 * duplicate, and its ledger proves every window of every job complete: the interrupted windows
 * are superseded by complete ones, never left claiming work no process does.
 */
const DAY = 86_400_000;
const SOURCES: [string, SimSource][] = [
  ['ual', 'ual'],
  ['signin', 'signins'],
  ['directory_audit', 'directoryAudits'],
];

interface Summary {
  complete: boolean;
  sources: { source: string; status: string; runs: number; windows: number; complete: number; gaps: number; failed: number; fetched: number; stored: number; dupes: number }[];
}

describe('cirrus collect survives SIGKILL and resumes from its ledger', () => {
  const tmp = makeTempDir('cirrus-crash-');
  const env = { CIRRUS_CONFIG_DIR: join(tmp.dir, 'config') };
  const caseDir = join(tmp.dir, 'case');
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await startSmallSimulator(join(tmp.dir, 'sim'), 'e5', { faults: 'rate:off', days: 2, scale: 0.25 });
    await createCase(tmp.dir, caseDir, 'crash test');
    await signInInProcess(tmp.dir, caseDir, sim);
  });
  afterAll(async () => {
    await sim?.close();
    tmp.cleanup();
  });

  const eventCount = (): number => {
    try {
      const db = new Database(join(caseDir, CASE_DB_FILE), { readonly: true, fileMustExist: true });
      try {
        return db.prepare('SELECT count(*) FROM events').pluck().get() as number;
      } finally {
        db.close();
      }
    } catch {
      return 0; // the writer holds it for a moment; ask again
    }
  };

  /** Runs the CLI until the case holds `atLeast` events, then kills it outright. */
  async function killAt(atLeast: number, ...args: string[]): Promise<number> {
    const run = startCli(env, 'collect', '--case', caseDir, ...args);
    let exited = false;
    void run.done.then(() => (exited = true));
    for (;;) {
      if (exited) throw new Error(`collect finished before ${atLeast} events: ${(await run.done).err}`);
      const n = eventCount();
      if (n >= atLeast) {
        run.child.kill('SIGKILL');
        const r = await run.done;
        expect(r.signal).toBe('SIGKILL');
        return n;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  it('kills the collector three times, resumes, and ends equal to the ground truth with a complete ledger', async () => {
    const truth = sim.dataset.groundTruth;
    const total = SOURCES.reduce((n, [, s]) => n + truth.totals[s], 0);
    const from = new Date(Date.parse(sim.dataset.anchor) - (sim.dataset.days + 1) * DAY).toISOString();

    const seen: number[] = [];
    seen.push(await killAt(Math.round(total * 0.1), '--sources', 'ual,signins,audit', '--preset', 'full', '--from', from));
    seen.push(await killAt(Math.round(total * 0.4), '--resume'));
    seen.push(await killAt(Math.round(total * 0.7), '--resume'));
    expect(seen[0]).toBeLessThan(seen[2] as number);

    const last = await startCli(env, 'collect', '--case', caseDir, '--resume').done;
    expect(last.code, last.err).toBe(0);
    const summary = JSON.parse(last.out) as Summary;
    expect(summary.complete).toBe(true);
    for (const s of summary.sources) {
      expect({ source: s.source, status: s.status, gaps: s.gaps, failed: s.failed }).toEqual({ source: s.source, status: 'complete', gaps: 0, failed: 0 });
      expect(s.runs, s.source).toBeGreaterThanOrEqual(2);
    }

    const db = new Database(join(caseDir, CASE_DB_FILE), { readonly: true });
    try {
      for (const [source, simSource] of SOURCES) {
        const rows = db.prepare('SELECT ts - (ts % 3600000) AS hour, count(*) AS n FROM events WHERE source = ? GROUP BY hour').all(source) as { hour: number; n: number }[];
        expect(Object.fromEntries(rows.map((r) => [new Date(r.hour).toISOString(), r.n])), source).toEqual(truth.countsByHour[simSource]);
      }
      expect(db.prepare('SELECT count(*) FROM (SELECT source, record_id FROM events GROUP BY source, record_id HAVING count(*) > 1)').pluck().get()).toBe(0);
      // The kills left windows behind; each was marked interrupted, and a later run completed its stretch.
      const interrupted = db.prepare("SELECT count(*) FROM collection_windows WHERE last_error LIKE 'interrupted:%'").pluck().get() as number;
      expect(interrupted).toBeGreaterThan(0);
      expect(db.prepare("SELECT count(*) FROM collection_windows WHERE status IN ('running', 'pending')").pluck().get()).toBe(0);
      // Every page the events point at is on record.
      expect(db.prepare('SELECT count(*) FROM events e LEFT JOIN raw_pages p ON p.id = e.page_id WHERE p.id IS NULL').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  }, 300_000);
});

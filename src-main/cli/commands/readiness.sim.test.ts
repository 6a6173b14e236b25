import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ReadinessRun } from '../../../src-shared/domain/readiness.js';
import { startSmallSimulator } from '../../core/auth/testing/sim-fixture.js';
import { inspectCase } from '../../core/cases/case-service.js';
import { expectedMatrix } from '../../core/readiness/testing/expected-matrix.js';
import { makeTempDir } from '../../core/testing/test-ports.js';
import { cli, createCase, signInInProcess } from '../testing/run-cli.js';
import { getProfile, profileNames } from '../../sim/profiles.js';

/**
 * The CLI as a responder runs it, against every simulated tenant profile: sign in with a device
 * code, run `readiness --json` in another process (reusing the cached sign-in), and compare the
 * matrix with what the profile's definition says it must be.
 */
const DAY = 86_400_000;

describe('cirrus signin / readiness / signout against every simulator profile', () => {
  const tmp = makeTempDir();
  afterAll(() => tmp.cleanup());

  // Profiles run side by side: each has its own simulator, config folder and case.
  it.concurrent.each(profileNames)('profile %s: readiness --json matches the profile', { timeout: 240_000 }, async (name) => {
    const root = join(tmp.dir, name);
    const sim = await startSmallSimulator(join(root, 'sim-state'), name);
    const env = { CIRRUS_CONFIG_DIR: join(root, 'config') };
    const caseDir = join(root, 'case');
    try {
      await createCase(root, caseDir, `Readiness ${name}`);
      // One profile signs in through the CLI as a user would; the others in-process, to keep the suite quick.
      if (name === 'e5') {
        const signin = await cli(env, 'signin', '--case', caseDir, '--cloud', 'sim', '--device-code', '--sim-url', sim.baseUrl, '--sim-ca', sim.caCertPath);
        expect(signin.code, signin.err).toBe(0);
        expect(signin.err).toMatch(new RegExp(`open ${sim.baseUrl}/devicelogin and enter the code [A-Z0-9]{9}`));
        expect(signin.out).toMatch(new RegExp(`Signed in\\s+${sim.dataset.signedInUser.userPrincipalName}`));
      } else {
        await signInInProcess(root, caseDir, sim);
      }

      const r = await cli(env, 'readiness', '--case', caseDir, '--json');
      expect(r.code, r.err).toBe(0);
      const run = ReadinessRun.parse(JSON.parse(r.out));
      const expected = expectedMatrix(getProfile(name), sim.dataset);
      const startedAt = Date.parse(run.startedAt);
      for (const source of run.sources) {
        const want = expected[source.source];
        const why = source.checks.map((c) => `${c.check}: ${c.summary}`).join(' | ');
        expect({ source: source.source, statuses: source.checks.map((c) => c.status) }, why).toEqual({ source: source.source, statuses: want.statuses });
        expect(source.history.retentionDays, `${source.source} retention`).toBe(want.retentionDays);
        expect(source.history.earliestRecoverable, `${source.source} earliest`).toBe(new Date(startedAt - want.retentionDays * DAY).toISOString());
        if (want.findings) expect(source.checks[2]?.findings.map((f) => f.subject)).toEqual(want.findings);
        for (const check of source.checks) {
          // Every verdict drawn from the tenant shows the calls behind it (history is computed, not called).
          if (check.status !== 'notApplicable' && check.check !== 'history') expect(check.evidence.length, `${source.source}/${check.check} evidence`).toBeGreaterThan(0);
          if (check.status === 'blocked' || check.status === 'warning') expect(check.remediation, `${source.source}/${check.check} remediation`).toBeTruthy();
        }
      }
      expect(run).toMatchObject({ cloud: 'sim', tenantId: sim.tenantId, account: sim.dataset.signedInUser.userPrincipalName });

      const info = inspectCase(caseDir);
      expect(info.custodyChainIntact).toBe(true);
      expect(info.custody.find((e) => e.action === 'readiness.checked')?.detail).toMatchObject({ runId: run.runId, resultsSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(info.custody.find((e) => e.action === 'auth.signedIn')?.detail).toMatchObject({ cloud: 'sim', method: 'deviceCode' });

      if (name === 'bypassed-mailbox') {
        const human = await cli(env, 'readiness', '--case', caseDir, '--since', new Date(startedAt - 2 * DAY).toISOString().slice(0, 10));
        expect(human.code, human.err).toBe(0);
        const bypassed = getProfile(name).bypassedMailboxes[0] ?? '(none)';
        expect(human.out).toContain(`WARNING  Mailbox audit / Audit setting: Mailbox auditing is on, but`);
        expect(human.out).toContain(`    - ${bypassed}: Mailbox audit bypass is enabled`);
        expect(human.out).toMatch(/Fix: Run Set-MailboxAuditBypassAssociation/);
        expect(human.out).toMatch(/Most urgent first: managementApi, /);
      }

      if (name === 'e5') {
        const out = await cli(env, 'signout', '--case', caseDir);
        expect(out.code, out.err).toBe(0);
        expect(readdirSync(join(root, 'config', 'secrets'))).toEqual([]);
        const after = await cli(env, 'readiness', '--case', caseDir, '--json');
        expect(after.code).toBe(1);
        expect(after.err).toMatch(/No account is signed in/);
      }
    } finally {
      await sim.close();
    }
  });
});

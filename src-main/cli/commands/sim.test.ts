import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSimHttpClient } from '../../sim/server/testing/sim-test-client.js';
import type { CliIo } from '../command.js';
import { simCommand } from './sim.js';

/** `cirrus sim`: one JSON line on stdout, serves until stopped, refuses bad options. */
const stateDir = mkdtempSync(join(tmpdir(), 'sim-cli-'));
afterAll(() => rmSync(stateDir, { recursive: true, force: true }));

function io(): CliIo & { outLines: string[]; errLines: string[]; stop(): void; firstLine: Promise<string> } {
  const controller = new AbortController();
  const outLines: string[] = [];
  const errLines: string[] = [];
  let resolveFirst: (line: string) => void = () => undefined;
  const firstLine = new Promise<string>((r) => (resolveFirst = r));
  return {
    outLines,
    errLines,
    firstLine,
    out: (line) => {
      outLines.push(line);
      resolveFirst(line);
    },
    err: (line) => errLines.push(line),
    env: {},
    stopSignal: controller.signal,
    stop: () => controller.abort(),
  };
}

describe('cirrus sim', () => {
  it('prints one JSON line with the addresses, serves until stopped, then exits 0', async () => {
    const cli = io();
    const exit = simCommand.run(['--seed', '3', '--days', '1', '--scale', '0.02', '--profile', 'e3', '--auto-approve', '--state-dir', stateDir, '--faults', 'rate:off,500:0.01'], cli);
    const info = JSON.parse(await cli.firstLine) as { baseUrl: string; tenantId: string; authority: string; caCertPath: string; groundTruthPath: string; serviceUrls: Record<string, string> };
    expect(info.authority).toBe(`${info.baseUrl}/${info.tenantId}`);
    expect(info.serviceUrls['graph']).toBe(`${info.baseUrl}/graph`);
    expect(JSON.parse(readFileSync(info.groundTruthPath, 'utf8'))).toMatchObject({ seed: 3, profile: 'e3' });
    const http = createSimHttpClient({ caCertPem: readFileSync(info.caCertPath, 'utf8') });
    try {
      const config = await http.request(`${info.authority}/v2.0/.well-known/openid-configuration`);
      expect(config.status).toBe(200);
    } finally {
      http.close();
    }
    cli.stop();
    await expect(exit).resolves.toBe(0);
    expect(cli.outLines).toHaveLength(1);
  });

  it('refuses bad options with exit code 2 and a message naming the option', async () => {
    for (const args of [['--profile', 'gold'], ['--faults', 'boom:1'], ['--days', 'many'], ['--colour']]) {
      const cli = io();
      await expect(simCommand.run([...args, '--state-dir', stateDir], cli)).resolves.toBe(2);
      expect(cli.errLines.join('\n')).toMatch(/profile|boom|days|colour/);
    }
  });
});

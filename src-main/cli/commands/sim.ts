import { join } from 'node:path';
import { defaultPaths } from '../../core/default-paths.js';
import { z } from 'zod';
import { CoreError } from '../../../src-shared/ipc/result.js';
import { profileNames } from '../../sim/profiles.js';
import { simulatorOptionsSchema, type SimulatorOptions } from '../../sim/server/options.js';
import { startSimulator } from '../../sim/start-simulator.js';
import type { CliCommand } from '../command.js';
import { parseOptions } from '../parse-options.js';
import { runGuarded } from '../run-guarded.js';

/**
 * `cirrus sim` runs the simulated Microsoft cloud until stopped. The first line on stdout is a
 * JSON object with everything a client needs (base URL, tenant, authority, CA file, service URLs);
 * diagnostics go to stderr.
 */
const HELP = [
  'Usage: cirrus sim [--port N] [--seed N] [--profile P] [--days N] [--scale N] [--faults SPEC]',
  '                  [--auto-approve] [--state-dir DIR] [--token-lifetime S] [--ual-session-cap N]',
  '',
  'Serves a simulated Microsoft 365 / Entra ID / Azure / Azure DevOps tenant over HTTPS on 127.0.0.1',
  'and prints one JSON line: {baseUrl, tenantId, authority, caCertPath, groundTruthPath, serviceUrls}.',
  'Clients trust the CA certificate at caCertPath (generated once and kept in the state folder).',
  '',
  'Options:',
  '  --port N             port to listen on (default 0: any free port)',
  '  --seed N             data seed; the same seed gives the same tenant and the same faults (default 1)',
  `  --profile P          tenant licences and permissions: ${profileNames.join(', ')} (default e5)`,
  '  --days N             days of history ending now (default 30)',
  '  --scale N            data volume multiplier, may be fractional (default 1)',
  '  --faults SPEC        faults and throttling, see below (default: realistic rate limits only)',
  '  --auto-approve       device codes approve themselves (no browser step)',
  '  --state-dir DIR      CA, token-signing key and ground truth (default: <config folder>/simulator)',
  '  --token-lifetime S   access-token lifetime in seconds (default 3600)',
  '  --ual-session-cap N  most results one Search-UnifiedAuditLog session returns (default 50000)',
  '',
  'Fault SPEC: comma-separated entries',
  '  rate:off                    turn off every default rate limit',
  '  rate:BUCKET=N/DURATION      token bucket of N requests per DURATION (500ms, 10s, 1m, 1h)',
  '  rate:BUCKET=off             turn one bucket off',
  '  KIND[@SERVICE]:P            fault with probability P (0..1) per request',
  '  KIND[@SERVICE]:req=N+N      fault on exactly those requests (1-based count per service)',
  '  slow[@SERVICE]:P~MS         slow answer delayed MS milliseconds (default 3000)',
  '  KIND     500, 503, 429, reset (connection dropped), truncate (body cut short), slow,',
  '           exo-glitch (EXO audit search: empty page or skipped records mid-session),',
  '           query-fail (a Graph audit log query created by the request ends failed)',
  '  SERVICE  login, graph, exo, mgmt, arm, devops (without it: every service except login)',
  '  BUCKET   graph-audit (5/10s), graph, exo, mgmt, arm-read (250/10s), devops, login',
  '',
  'Example:',
  '  cirrus sim --seed 7 --profile e3 --auto-approve --faults "rate:graph-audit=5/10s,500:0.02,reset:0.01,exo-glitch:0.05"',
].join('\n');

const numberText = (flag: string) =>
  z
    .string()
    .regex(/^\d+(\.\d+)?$/, `${flag} must be a number`)
    .transform(Number);

export const simCommand: CliCommand = {
  words: ['sim'],
  summary: 'Run the simulated Microsoft cloud (HTTPS on 127.0.0.1) until stopped',
  help: HELP,
  run: (args, io) =>
    runGuarded(io, async () => {
      const values = parseOptions(args, {
        port: { type: 'string' },
        seed: { type: 'string' },
        profile: { type: 'string' },
        days: { type: 'string' },
        scale: { type: 'string' },
        faults: { type: 'string' },
        'auto-approve': { type: 'boolean' },
        'state-dir': { type: 'string' },
        'token-lifetime': { type: 'string' },
        'ual-session-cap': { type: 'string' },
      });
      const num = (value: string | undefined, flag: string): number | undefined => {
        if (value === undefined) return undefined;
        const parsed = numberText(flag).safeParse(value);
        if (!parsed.success) throw new CoreError('validation', parsed.error.issues[0]?.message ?? `${flag} must be a number`);
        return parsed.data;
      };
      const ualSessionCap = num(values['ual-session-cap'], '--ual-session-cap');
      const options: SimulatorOptions = {
        port: num(values.port, '--port'),
        seed: num(values.seed, '--seed'),
        profile: values.profile as SimulatorOptions['profile'],
        days: num(values.days, '--days'),
        scale: num(values.scale, '--scale'),
        faults: values.faults,
        autoApprove: values['auto-approve'] ?? false,
        // The simulator's CA and signing key are per user, like other settings, not per working folder.
        stateDir: values['state-dir'] ?? join(defaultPaths(io.env).configDir, 'simulator'),
        tokenLifetimeSeconds: num(values['token-lifetime'], '--token-lifetime'),
        limits: ualSessionCap === undefined ? {} : { ualSessionCap },
        log: (line) => io.err(line),
      };
      const checked = simulatorOptionsSchema.safeParse(options);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        const flag = issue?.path[0] === undefined ? 'options' : `--${String(issue.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
        throw new CoreError('validation', `${flag}: ${issue?.message ?? 'invalid value'}`);
      }

      io.err('cirrus: generating the simulated tenant...');
      const sim = await startSimulator(options);
      io.out(
        JSON.stringify({
          baseUrl: sim.baseUrl,
          tenantId: sim.tenantId,
          authority: sim.authority,
          caCertPath: sim.caCertPath,
          groundTruthPath: sim.groundTruthPath,
          serviceUrls: sim.serviceUrls,
        }),
      );
      io.err(`cirrus: simulated cloud listening on ${sim.baseUrl} (tenant ${sim.tenantId}, profile ${sim.dataset.profile.name}); stop with Ctrl+C.`);
      await new Promise<void>((resolve) => {
        if (io.stopSignal.aborted) resolve();
        else io.stopSignal.addEventListener('abort', () => resolve(), { once: true });
      });
      await sim.close();
      return 0;
    }),
};

export default simCommand;

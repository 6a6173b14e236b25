import { startSimulator, type RunningSimulator } from '../../../sim/start-simulator.js';
import type { SimProfileName } from '../../../sim/profiles.js';
import type { SimulatorOptions } from '../../../sim/server/options.js';

/**
 * A small simulated tenant for sign-in and readiness tests: a few users over three days,
 * device codes approving themselves, and a state folder of the test's own.
 */
export function startSmallSimulator(stateDir: string, profile: SimProfileName, options: Partial<SimulatorOptions> = {}): Promise<RunningSimulator> {
  return startSimulator({
    profile,
    stateDir,
    scale: 0.05,
    days: 3,
    seed: 7,
    autoApprove: true,
    ...options,
    limits: { deviceCodeIntervalSeconds: 1, ...(options.limits ?? {}) },
  });
}

/** Every token string in an MSAL cache blob (access, refresh and ID tokens). */
export function tokensInCacheBlob(blob: string): string[] {
  const cache = JSON.parse(blob) as Record<string, Record<string, { secret?: string }> | undefined>;
  const secrets: string[] = [];
  for (const section of ['AccessToken', 'RefreshToken', 'IdToken']) {
    for (const entry of Object.values(cache[section] ?? {})) if (entry.secret) secrets.push(entry.secret);
  }
  return secrets;
}

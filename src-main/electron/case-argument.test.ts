import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { resolveBundlePaths } from './bundle-paths.js';
import { caseDirFromLockData, findCaseArgument, lockDataFor } from './case-argument.js';

describe('case folder argument', () => {
  const cwd = resolve('/srv/analyst');

  it('takes the first non-switch argument after the executable (packaged) or the entry script (development)', () => {
    expect(findCaseArgument(['/opt/Cirrus/cirrus', '--original-process-start-time=1', 'cases/bec'], { defaultApp: false, cwd })).toBe(resolve(cwd, 'cases/bec'));
    expect(findCaseArgument(['electron', 'dist/main/electron-main.mjs', '/abs/case'], { defaultApp: true, cwd })).toBe(resolve('/abs/case'));
    expect(findCaseArgument(['electron', 'dist/main/electron-main.mjs'], { defaultApp: true, cwd })).toBeNull();
    expect(findCaseArgument(['/Applications/Cirrus', '-psn_0_12345', ''], { defaultApp: false, cwd })).toBeNull();
  });

  it('round-trips through the single-instance lock data and rejects anything odd', () => {
    expect(lockDataFor(null)).toEqual({});
    const dir = resolve('/cases/bec');
    expect(caseDirFromLockData(lockDataFor(dir))).toBe(dir);
    for (const data of [null, undefined, 'x', {}, { caseDir: 5 }, { caseDir: 'relative/path' }, { caseDir: `/${'a'.repeat(5000)}` }]) {
      expect(caseDirFromLockData(data), JSON.stringify(data)).toBeNull();
    }
  });
});

describe('bundle paths', () => {
  it('finds the preload beside the main bundle and the renderer one folder up', () => {
    const main = pathToFileURL(resolve('/app/dist/main/electron-main.mjs')).href;
    const paths = resolveBundlePaths(main);
    expect(paths.preloadPath).toBe(resolve('/app/dist/main/preload.cjs'));
    expect(paths.rendererDir).toBe(resolve('/app/dist/renderer'));
  });
});

import { readFileSync } from 'node:fs';

let cached: string | undefined;

/**
 * The version recorded in custody entries. Read from package.json at the project root, found by
 * walking up from this module (source tree and bundle sit at different depths).
 */
export function toolVersion(): string {
  if (cached) return cached;
  for (const rel of ['../../package.json', '../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'cirrus' && pkg.version) return (cached = `cirrus ${pkg.version}`);
    } catch {
      // try the next level
    }
  }
  return (cached = 'cirrus (unknown version)');
}

import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the built renderer sits relative to this code: `dist/main/*.mjs` → `dist/renderer`, and
 * `src-main/browser-host/*.ts` (run through tsx) → `dist/renderer` at the repository root.
 */
export function rendererCandidates(moduleDir: string): string[] {
  return [path.resolve(moduleDir, '..', 'renderer'), path.resolve(moduleDir, '..', '..', 'dist', 'renderer')];
}

export function findRendererDir(moduleDir: string, exists: (file: string) => boolean = existsSync): string | null {
  return rendererCandidates(moduleDir).find((dir) => exists(path.join(dir, 'index.html'))) ?? null;
}

/** Reads the app version from the nearest package.json named `cirrus` above the module. */
export function findAppVersion(moduleDir: string, read: (file: string) => string | null): string {
  let dir = moduleDir;
  for (let depth = 0; depth < 5; depth += 1) {
    const text = read(path.join(dir, 'package.json'));
    if (text !== null) {
      try {
        const pkg = JSON.parse(text) as { name?: unknown; version?: unknown };
        if (pkg.name === 'cirrus' && typeof pkg.version === 'string') return pkg.version;
      } catch {
        // not ours; keep walking
      }
    }
    dir = path.dirname(dir);
  }
  return '0.0.0-unknown';
}

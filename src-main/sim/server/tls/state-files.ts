import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Small helpers for the simulator's state folder. Secrets (CA key, token-signing key) are written
 * owner-only; "create once" files use an exclusive create so two simulators that share a folder
 * and start together agree on one CA instead of each trusting a different one.
 */
export function ensureDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/** Reads `file` if present; otherwise creates it with `make()` — exactly one writer wins a race. */
export function readOrCreateOnce(dir: string, name: string, make: () => string): string {
  const file = join(dir, name);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  const content = make();
  try {
    writeFileSync(file, content, { flag: 'wx', mode: 0o600 });
    return content;
  } catch (error) {
    if (isAlreadyExists(error)) return readFileSync(file, 'utf8');
    throw error;
  }
}

/** Replaces a file atomically (write to a temporary name, then rename) so readers never see half a file. */
export function writeAtomically(dir: string, name: string, content: string, mode = 0o644): string {
  const file = join(dir, name);
  const temporary = join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  writeFileSync(temporary, content, { mode });
  renameSync(temporary, file);
  return file;
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT';
}

function isAlreadyExists(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'EEXIST';
}

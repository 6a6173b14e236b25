import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface LaunchPage {
  /** The file to hand to the system browser. */
  file: string;
  remove(): Promise<void>;
}

/**
 * `--open` hands the browser a private redirect file rather than the tokenised URL: a command
 * line is visible to every local user (ps, /proc), a file in a 0700 folder is not.
 */
export async function writeLaunchPage(url: string): Promise<LaunchPage> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cirrus-open-'));
  const file = path.join(dir, 'open-cirrus.html');
  const href = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const html = `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${href}">` +
    `<title>Opening Cirrus</title></head><body><p><a href="${href}">Open Cirrus</a></p></body></html>\n`;
  await writeFile(file, html, { mode: 0o600 });
  return { file, remove: () => rm(dir, { recursive: true, force: true }) };
}

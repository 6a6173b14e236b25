import { spawn as nodeSpawn, type SpawnOptions } from 'node:child_process';

export interface OpenerCommand {
  command: string;
  args: string[];
}

/**
 * The OS command that hands a URL or file to the user's default handler. Always an argument
 * vector, never a shell string. Windows deliberately avoids `cmd /c start`: cmd re-parses the
 * argument, and `&`, `|` or `^` in a query string would run commands.
 */
export function openerFor(platform: NodeJS.Platform, target: string): OpenerCommand {
  if (platform === 'darwin') return { command: 'open', args: [target] };
  if (platform === 'win32') return { command: 'rundll32.exe', args: ['url.dll,FileProtocolHandler', target] };
  return { command: 'xdg-open', args: [target] };
}

export type SpawnFn = (command: string, args: string[], options: SpawnOptions) => {
  once(event: 'spawn' | 'error', listener: (...args: unknown[]) => void): unknown;
  unref(): void;
};

/** Starts the opener detached; resolves false when it is not installed (headless servers). */
export function createSystemOpener(platform: NodeJS.Platform, spawn: SpawnFn = nodeSpawn) {
  return (target: string): Promise<boolean> =>
    new Promise((resolve) => {
      const { command, args } = openerFor(platform, target);
      const child = spawn(command, args, { stdio: 'ignore', detached: true });
      child.once('spawn', () => {
        child.unref();
        resolve(true);
      });
      child.once('error', () => resolve(false));
    });
}

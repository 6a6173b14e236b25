import { describe, expect, it } from 'vitest';
import { parseBrowserModeArgs } from './cli-args.js';

describe('parseBrowserModeArgs', () => {
  it('defaults to a random port and no browser', () => {
    expect(parseBrowserModeArgs([])).toEqual({ kind: 'run', args: { port: 0, open: false } });
  });

  it('reads every option', () => {
    const parsed = parseBrowserModeArgs(['--port', '8417', '--cases-dir', 'c', '--config-dir', 'k', '--renderer-dir', 'r', '--open']);
    expect(parsed).toEqual({ kind: 'run', args: { port: 8417, casesDir: 'c', configDir: 'k', rendererDir: 'r', open: true } });
  });

  it('refuses bad ports, unknown options and positionals', () => {
    for (const argv of [['--port', '70000'], ['--port', 'abc'], ['--port', ''], ['--port', '-1'], ['--verbose'], ['extra']]) {
      expect(parseBrowserModeArgs(argv).kind, argv.join(' ')).toBe('error');
    }
    expect(parseBrowserModeArgs(['--port', 'abc'])).toMatchObject({ message: expect.stringContaining('--port') });
  });

  it('reads the demo-tenant options, which only make sense together', () => {
    expect(parseBrowserModeArgs(['--demo-tenant'])).toEqual({ kind: 'run', args: { port: 0, open: false, demo: { profile: 'e5', seed: 1 } } });
    expect(parseBrowserModeArgs(['--demo-tenant', '--demo-profile', 'free', '--demo-seed', '9'])).toMatchObject({ args: { demo: { profile: 'free', seed: 9 } } });
    expect(parseBrowserModeArgs(['--demo-tenant', '--demo-profile', 'gold'])).toMatchObject({ kind: 'error', message: expect.stringContaining('--demo-profile') });
    expect(parseBrowserModeArgs(['--demo-profile', 'e3'])).toMatchObject({ kind: 'error', message: expect.stringContaining('need --demo-tenant') });
  });

  it('reads --no-system-browser, which rules out --open', () => {
    expect(parseBrowserModeArgs(['--no-system-browser'])).toEqual({ kind: 'run', args: { port: 0, open: false, systemBrowser: false } });
    expect(parseBrowserModeArgs(['--no-system-browser', '--demo-tenant'])).toMatchObject({ args: { systemBrowser: false, demo: { profile: 'e5' } } });
    expect(parseBrowserModeArgs(['--no-system-browser', '--open'])).toMatchObject({ kind: 'error', message: expect.stringContaining('--no-system-browser') });
  });

  it('answers --help', () => {
    expect(parseBrowserModeArgs(['--help'])).toEqual({ kind: 'help' });
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAppVersion, findRendererDir } from './renderer-location.js';

describe('findRendererDir', () => {
  const root = path.resolve('/repo');
  it('finds dist/renderer beside the bundle and from the source tree', () => {
    const has = (dir: string) => (file: string) => file === path.join(dir, 'index.html');
    const built = path.join(root, 'dist', 'renderer');
    expect(findRendererDir(path.join(root, 'dist', 'main'), has(built))).toBe(built);
    expect(findRendererDir(path.join(root, 'src-main', 'browser-host'), has(built))).toBe(built);
    expect(findRendererDir(path.join(root, 'src-main', 'browser-host'), () => false)).toBeNull();
  });
});

describe('findAppVersion', () => {
  it('reads the nearest cirrus package.json and ignores others', () => {
    const files: Record<string, string> = {
      [path.join('/repo', 'dist', 'package.json')]: '{"name":"other","version":"9.9.9"}',
      [path.join('/repo', 'package.json')]: '{"name":"cirrus","version":"1.2.3"}',
    };
    expect(findAppVersion(path.join('/repo', 'dist', 'main'), (f) => files[f] ?? null)).toBe('1.2.3');
    expect(findAppVersion(path.join('/elsewhere', 'x'), () => null)).toBe('0.0.0-unknown');
  });
});

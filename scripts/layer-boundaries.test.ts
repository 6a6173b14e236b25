import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layers are only as separate as the lint rules that keep them so: prove the rules bite.
const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });
async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer boundaries', () => {
  it('allow electron only in src-main/electron', async () => {
    const code = "import { app } from 'electron';\nexport const x = app;\n";
    expect(await restrictedImports('src-main/electron/probe.ts', code)).toEqual([]);
    for (const file of ['src-main/core/probe.ts', 'src-main/browser-host/probe.ts', 'src-main/cli/probe.ts', 'src-shared/probe.ts', 'src-renderer/probe.ts']) {
      expect(await restrictedImports(file, code), file).toHaveLength(1);
    }
  });

  it('keep Node and the core out of the renderer, and src-shared universal', async () => {
    expect(await restrictedImports('src-renderer/probe.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toHaveLength(1);
    expect(await restrictedImports('src-renderer/probe.ts', "import { createCore } from '../src-main/core/create-core.js';\nexport const x = createCore;\n")).toHaveLength(1);
    expect(await restrictedImports('src-shared/probe.ts', "import path from 'path';\nexport const x = path;\n")).toHaveLength(1);
    expect(await restrictedImports('src-renderer/probe.ts', "import { commands } from '../src-shared/ipc/contract.js';\nexport const x = commands;\n")).toEqual([]);
  });
});

/**
 * The layer rules of eslint.config.mjs fire: small snippets, linted as if they lived in each
 * folder, must be refused for the import that breaks the layer and accepted otherwise. Without
 * this a typo in a glob or a regex would switch a rule off and `npm run lint` would stay green.
 */
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
let eslint: ESLint;

beforeAll(async () => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'eslint.config.mjs') });
  // Loading the config, the plugins and the TypeScript parser takes seconds on a busy machine:
  // do it here, under the hook's timeout, not in the first test.
  await eslint.lintText('export {};\n', { filePath: path.join(root, 'shared/warmup.ts') });
});

/** Lints `code` as the file `file` (relative to the repository) and returns its messages. */
async function lint(file: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  if (!result) throw new Error(`no lint result for ${file}`);
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(`${file} did not parse: ${fatal.map((m) => m.message).join('; ')}`);
  return result.messages;
}

/** The rules that fired, one entry per message. */
async function rulesFired(file: string, code: string): Promise<Array<string | null>> {
  return (await lint(file, code)).map((m) => m.ruleId);
}

describe('shared/ is pure', () => {
  it.each([
    ["import fs from 'node:fs';", '@typescript-eslint/no-restricted-imports'],
    ["import path from 'path';", '@typescript-eslint/no-restricted-imports'],
    ["import { readFile } from 'fs/promises';", '@typescript-eslint/no-restricted-imports'],
    ["import { app } from 'electron';", '@typescript-eslint/no-restricted-imports'],
    ["import type { App } from 'electron';", '@typescript-eslint/no-restricted-imports'],
    ["import { writeFileAtomic } from '../../electron/services/atomicWrite';", 'wengao/layer-paths'],
    ["import { api } from '../../renderer/api';", 'wengao/layer-paths'],
    ["export { api } from '../../renderer/api';", 'wengao/layer-paths'],
    ["export const lazy = () => import('../../electron/main/ipc');", 'wengao/layer-paths'],
    ["const fs = require('fs');", 'no-restricted-syntax'],
    ["import fs = require('node:fs');", '@typescript-eslint/no-restricted-imports'],
    ["import api = require('../../renderer/api');", 'wengao/layer-paths'],
    ["export const load = () => import('node:fs');", 'no-restricted-syntax'],
  ])('refuses %s', async (code, rule) => {
    expect(await rulesFired('shared/model/x.ts', `${code}\nexport const used = 1;\n`)).toContain(rule);
  });

  it.each([
    ['document.title = "x";'],
    ['window.alert("x");'],
    ['export const home = process.env.HOME;'],
    ['export const b = Buffer.from("x");'],
    ['export const dir = __dirname;'],
  ])('has no DOM or Node globals: %s', async (code) => {
    expect(await rulesFired('shared/text/x.ts', code)).toContain('no-undef');
  });

  it('accepts pure code that imports shared modules and libraries', async () => {
    const code = [
      "import { z } from 'zod';",
      "import { windowTitle } from '../app';",
      "import type { Document } from './schema';",
      'export const schema = z.string();',
      'export const copy = (d: Document) => structuredClone(d);',
      "export const title = windowTitle('x', false);",
      'export const ints = new Map<string, Uint8Array>([["a", new TextEncoder().encode("a")]]);',
    ].join('\n');
    const fired = await rulesFired('shared/model/x.ts', code);
    // TextEncoder/TextDecoder are not ECMAScript: shared/ reaches them through shared/text/codec.ts.
    expect(fired).toEqual(['no-undef']);
  });
});

describe('electron/: only main and preload import electron', () => {
  it.each(['electron/services/x.ts', 'electron/services/suggest/x.ts', 'electron/cli/commands/x.ts', 'electron/harness/x.ts'])('%s may not', async (file) => {
    expect(await rulesFired(file, "import { app } from 'electron';\nexport const a = app;")).toEqual(['@typescript-eslint/no-restricted-imports']);
    expect(await rulesFired(file, "import type { App } from 'electron';\nexport type A = App;")).toEqual(['@typescript-eslint/no-restricted-imports']);
    expect(await rulesFired(file, "export const e = require('electron');")).toContain('no-restricted-syntax');
    expect(await rulesFired(file, "export const e = () => import('electron/main');")).toEqual(['no-restricted-syntax']);
  });

  it('resolves relative paths: services, CLI and harness may not import the shell (but may share its security rules)', async () => {
    expect(await rulesFired('electron/services/x.ts', "import { bindApi } from '../main/ipc';\nexport const b = bindApi;")).toEqual(['wengao/layer-paths']);
    expect(await rulesFired('electron/cli/commands/x.ts', "export { CloseGuard } from '../../main/closeGuard';")).toEqual(['wengao/layer-paths']);
    expect(await rulesFired('electron/harness/x.ts', "export const p = require('../preload/preload');")).toContain('wengao/layer-paths');
    expect(await rulesFired('electron/services/x.ts', "import ipc = require('../main/ipc');\nexport const b = ipc;")).toContain('wengao/layer-paths');
    expect(await rulesFired('electron/services/x.ts', "import e = require('electron');\nexport const b = e;")).toContain('@typescript-eslint/no-restricted-imports');
    expect(await rulesFired('electron/harness/x.ts', "import { assetHeaders } from '../main/security';\nexport const a = assetHeaders;")).toEqual([]);
    // A folder merely named like a layer is not that layer.
    expect(await rulesFired('electron/services/suggest/x.ts', "import { m } from './main/x';\nexport const a = m;")).toEqual([]);
  });

  it('services may use Node and shared/', async () => {
    const code = "import { promises as fs } from 'node:fs';\nimport { defaultSettings } from '../../shared/settings';\nexport const x = [fs, defaultSettings];";
    expect(await rulesFired('electron/services/x.ts', code)).toEqual([]);
  });

  it.each(['electron/main/x.ts', 'electron/preload/x.ts'])('%s may', async (file) => {
    expect(await rulesFired(file, "import { app } from 'electron';\nimport path from 'node:path';\nexport const a = [app, path];")).toEqual([]);
  });
});

describe('renderer/ reaches the main side only through the API', () => {
  it.each([
    ["import fs from 'node:fs';", '@typescript-eslint/no-restricted-imports'],
    ["import { EventEmitter } from 'events';", '@typescript-eslint/no-restricted-imports'],
    ["import { ipcRenderer } from 'electron';", '@typescript-eslint/no-restricted-imports'],
    ["import { readDocumentFile } from '../../electron/services/documentFiles';", 'wengao/layer-paths'],
    ["import { bindApi } from '../../electron/main/ipc';", 'wengao/layer-paths'],
    ["export * from '../../electron/services/handlers';", 'wengao/layer-paths'],
    ["export const send = () => window.wengao?.invoke('getSettings', []);", 'no-restricted-syntax'],
    ["export const drop = (f: File) => window.wengaoFiles?.pathForFile(f);", 'no-restricted-syntax'],
    ["export const io = () => import('node:fs');", 'no-restricted-syntax'],
    ["export const save = () => fetch('./api/saveDocument', { method: 'POST' });", 'no-restricted-globals'],
    ["export const events = () => new EventSource('./events');", 'no-restricted-globals'],
  ])('refuses %s', async (code, rule) => {
    expect(await rulesFired('renderer/components/X.tsx', `${code}\nexport const used = 1;\n`)).toContain(rule);
  });

  it('lets renderer/api.ts read the bridge, but not import electron', async () => {
    expect(await rulesFired('renderer/api.ts', "export const b = [window.wengao, () => fetch('./api/x'), () => new EventSource('./events')];")).toEqual([]);
    expect(await rulesFired('renderer/api.ts', "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;")).toEqual(['@typescript-eslint/no-restricted-imports']);
  });

  it('accepts the API, shared/ and the DOM', async () => {
    const code = "import { api } from '../api';\nimport { windowTitle } from '../../shared/app';\nexport const t = () => { document.title = windowTitle('x', true); return api; };";
    expect(await rulesFired('renderer/app/x.ts', code)).toEqual([]);
  });
});

describe('React hooks rules in renderer/', () => {
  it('reports a missing effect dependency', async () => {
    const code = [
      "import { useEffect, useState } from 'react';",
      'export function Counter({ step }: { step: number }) {',
      '  const [n, setN] = useState(0);',
      '  useEffect(() => { setN(n + step); }, []);',
      '  return n;',
      '}',
    ].join('\n');
    const messages = await lint('renderer/components/Counter.tsx', code);
    expect(messages.map((m) => m.ruleId)).toEqual(['react-hooks/exhaustive-deps']);
    expect(messages[0]?.message).toMatch(/'n' and 'step'/);
  });

  it('reports a hook called conditionally', async () => {
    const code = [
      "import { useState } from 'react';",
      'export function Maybe({ on }: { on: boolean }) {',
      '  if (on) { const [v] = useState(0); return v; }',
      '  return 0;',
      '}',
    ].join('\n');
    expect(await rulesFired('renderer/components/Maybe.tsx', code)).toEqual(['react-hooks/rules-of-hooks']);
  });
});

describe('test/ and bench/ never import electron', () => {
  it.each(['test/unit/electron/x.test.ts', 'test/support/x.ts', 'bench/x.ts'])('%s', async (file) => {
    expect(await rulesFired(file, "import { app } from 'electron';\nexport const a = app;")).toEqual(['@typescript-eslint/no-restricted-imports']);
    expect(await rulesFired(file, "export const e = require('electron');")).toContain('no-restricted-syntax');
    // Node, the services and the shell's plain modules are fine in tests.
    const ok = "import fs from 'node:fs';\nimport { bindApi } from '../../electron/main/ipc';\nexport const x = [fs, bindApi];";
    expect(await rulesFired(file, ok)).toEqual([]);
  });
});


// ESLint (flat config): typescript-eslint's recommended rules, the React hooks rules for the
// renderer, and the layer rules of the architecture (README "Structure", docs/design.md):
//   shared/    pure domain: no Node built-ins, no electron, no DOM, nothing from electron/ or renderer/
//   electron/  only main/ and preload/ may import `electron`; services, CLI and harness never do
//   renderer/  no Node built-ins, no electron, nothing from electron/; the main side only through
//              the API (renderer/api.ts over shared/api/contract.ts)
//   test/, bench/  never import `electron` (test/unit/electron/mainBundle.test.ts hands the built
//              main bundle a recording stand-in instead)
// test/unit/lint/layers.test.ts lints small snippets against this file, so the rules cannot
// silently stop working.
import { builtinModules } from 'node:module';
import path from 'node:path';
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
const builtins = builtinModules.filter((m) => !m.startsWith('_')).map(escape).join('|');
const root = import.meta.dirname;

/** Packages a layer may not import, as regexes matched against the specifier. */
const NODE = { regex: `^(node:.*|(${builtins})(/.*)?)$`, message: 'Node built-ins belong in electron/ (services), not in this layer.' };
const ELECTRON = { regex: '^electron(/.*)?$', message: 'Only electron/main and electron/preload may import electron.' };

/** Folders a layer may not import from; relative specifiers are resolved, so '../main/ipc' counts. */
const RENDERER_DIR = { dir: 'renderer', message: 'This layer may not import the renderer.' };
const ELECTRON_DIR = { dir: 'electron', message: 'This layer may not reach into electron/: the renderer talks to services through renderer/api.ts.' };
const SHELL_DIRS = ['electron/main', 'electron/preload'].map((dir) => ({ dir, message: 'Only the Electron shell may import electron/main and electron/preload.' }));

/**
 * wengao/layer-paths: resolves each relative import (`import`, `export … from`, `import()`,
 * `require()`) against the importing file and refuses targets inside the forbidden folders.
 */
const layerPaths = {
  meta: {
    type: 'problem',
    schema: [
      {
        type: 'object',
        properties: {
          forbid: { type: 'array', items: { type: 'object', properties: { dir: { type: 'string' }, message: { type: 'string' } } } },
          allow: { type: 'array', items: { type: 'string' } },
        },
      },
    ],
  },
  create(context) {
    const forbid = context.options[0]?.forbid ?? [];
    const allow = new Set(context.options[0]?.allow ?? []);
    const check = (node) => {
      const spec = node?.type === 'Literal' && typeof node.value === 'string' ? node.value : null;
      if (!spec || !spec.startsWith('.')) return;
      const target = path.relative(root, path.resolve(path.dirname(context.filename), spec)).split(path.sep).join('/');
      if (allow.has(target.replace(/\.[cm]?[jt]sx?$/, ''))) return;
      const hit = forbid.find((f) => target === f.dir || target.startsWith(`${f.dir}/`));
      if (hit) context.report({ node, message: `${hit.message} ('${spec}' is ${target})` });
    };
    return {
      ImportDeclaration: (n) => check(n.source),
      ExportNamedDeclaration: (n) => check(n.source),
      ExportAllDeclaration: (n) => check(n.source),
      ImportExpression: (n) => check(n.source),
      'CallExpression[callee.name="require"]': (n) => check(n.arguments[0]),
      TSExternalModuleReference: (n) => check(n.expression), // import x = require('…')
    };
  },
};

const WENGAO_PLUGIN = { rules: { 'layer-paths': layerPaths } };

/**
 * One layer's rules. no-restricted-imports covers `import`/`export … from` of packages (and TS's
 * `import x = require()`);
 * no-restricted-syntax covers `require()` and `import()`, so a dynamic import cannot slip past.
 */
function layer(files, { packages = [], dirs = [], allow = [], syntax = [] }) {
  const dynamic = packages.flatMap((f) => {
    const re = f.regex.replaceAll('/', '\\x2F'); // esquery's /regex/ cannot hold a slash
    return [
      { selector: `CallExpression[callee.name='require'][arguments.0.value=/${re}/]`, message: f.message },
      { selector: `ImportExpression[source.value=/${re}/]`, message: f.message },
    ];
  });
  return {
    files,
    plugins: { wengao: WENGAO_PLUGIN },
    rules: {
      // typescript-eslint's version also sees `import x = require('…')`.
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: packages.map(({ regex, message }) => ({ regex, message })) }],
      'no-restricted-syntax': ['error', ...dynamic, ...syntax],
      'wengao/layer-paths': ['error', { forbid: dirs, allow }],
    },
  };
}

const BRIDGE = {
  // The preload's bridge (window.wengao, window.wengaoFiles) is read in renderer/api.ts only.
  selector: 'MemberExpression[object.name=/^(window|globalThis|self)$/][property.name=/^wengao(Files)?$/]',
  message: 'Use the API of renderer/api.ts, not the preload bridge directly.',
};
const RENDERER = { packages: [NODE, ELECTRON], dirs: [ELECTRON_DIR] };

export default tseslint.config(
  {
    ignores: ['build/app/**', 'build/release/**', 'build/bench/**', 'node_modules/**', '.vitest-cache/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts}'],
    rules: {
      // Unused names are reported, except the deliberate `_name` and `...rest` omissions.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // Text cleaning and validation match control characters on purpose (/[\u0000-\u001f]/).
      'no-control-regex': 'off',
      // Chinese text is full of U+3000 (全角空格) and other wide spaces: allowed inside strings,
      // templates, regexes, comments and JSX text, still refused between tokens.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipRegExps: true, skipComments: true, skipJSXText: true }],
    },
  },
  // Plain JS build scripts and this config run in Node.
  {
    files: ['**/*.{js,mjs,cjs}', 'build/**/*.mts'],
    languageOptions: { globals: { ...globals.node } },
  },

  // shared/: pure. Only ECMAScript's globals (no window, document, process, Buffer); no-undef is
  // on here, because shared/'s tsconfig has no DOM or Node types to catch them.
  {
    files: ['shared/**/*.ts'],
    // structuredClone is not ECMAScript but exists wherever shared/ runs (Node ≥ 17, Chromium, workers).
    languageOptions: { globals: { ...globals.es2021, structuredClone: 'readonly' }, parserOptions: { lib: ['es2023'] } },
    rules: { 'no-undef': 'error' },
  },
  layer(['shared/**'], { packages: [NODE, ELECTRON], dirs: [{ dir: 'electron', message: 'shared/ is pure: it may not import electron/.' }, RENDERER_DIR] }),

  // electron/: services, CLI and harness never import electron (they run in plain Node and tests).
  // They may share the shell's pure security rules (CSP, static assets), whose electron imports are types only.
  layer(['electron/services/**', 'electron/cli/**', 'electron/harness/**'], { packages: [ELECTRON], dirs: [RENDERER_DIR, ...SHELL_DIRS], allow: ['electron/main/security'] }),
  layer(['electron/main/**', 'electron/preload/**'], { dirs: [RENDERER_DIR] }),

  // renderer/: the browser side. The main side only through renderer/api.ts.
  {
    files: ['renderer/**/*.{ts,tsx}', 'bench/bare/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  layer(['renderer/**'], { ...RENDERER, syntax: [BRIDGE] }),
  {
    // Requests to the main side (the harness's HTTP API and its events) go through renderer/api.ts.
    files: ['renderer/**'],
    ignores: ['renderer/api.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['fetch', 'EventSource', 'XMLHttpRequest', 'WebSocket'].map((name) => ({ name, message: 'The renderer reaches the main side only through renderer/api.ts.' })),
      ],
    },
  },
  layer(['renderer/api.ts'], RENDERER),

  // test/, bench/: Node programs that drive the services and the built app, never electron.
  {
    files: ['test/**', 'bench/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  layer(['test/**', 'bench/**'], { packages: [ELECTRON] }),
);

#!/usr/bin/env node
// Builds everything the app, the CLI and the web harness run from, into build/app/:
//   main.cjs (Electron main), preload.cjs, harness.cjs, suggestWorker.cjs, shardWorker.cjs, corpusReadWorker.cjs,
//   documentWorker.cjs,
//   cli.cjs with cli/ (the CLI, split by command), vendor/ (libraries loaded only when needed),
//   renderer/ (Vite).
// Runs on `npm install` (prepare), so `npx wengao` works right after install.
// --quiet: only errors, on stderr (keeps `npm run web` stdout to the one URL line).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = path.join(root, 'build', 'app');
const quiet = process.argv.includes('--quiet');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const log = (s) => {
  if (!quiet) process.stderr.write(`${s}\n`);
};

const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

/**
 * Libraries a bundle loads only when it needs them, each built once into build/app/vendor/ and
 * required from there, so a bundle that does not need them does not even parse them (the code
 * asks for them with require() where it needs them: shared/text/decode.ts, services/textEncoding.ts;
 * zod, in the document worker, where a .wgd is read or written).
 */
const VENDOR = { jschardet: 'jschardet', 'iconv-lite': 'iconv-lite', zod: 'zod' };

/** Resolves the given vendor libraries to their file in build/app/vendor/ (required relative to build/app/). */
function vendorExternals(names) {
  const filter = new RegExp(`^(${names.map((n) => n.replace(/[-/]/g, '\\$&')).join('|')})$`);
  return {
    name: 'vendor-externals',
    setup(b) {
      b.onResolve({ filter }, (a) => ({ path: `./vendor/${a.path}.cjs`, external: true }));
    },
  };
}

const vendor = () =>
  Promise.all(
    Object.entries(VENDOR).map(([name, entry]) =>
      esbuild({ ...node, sourcemap: false, stdin: { contents: `module.exports = require(${JSON.stringify(entry)});`, resolveDir: root, loader: 'js' }, outfile: path.join(out, 'vendor', `${name}.cjs`) }),
    ),
  );

/**
 * The CLI as ES modules split by command (esbuild splits only ES modules): build/app/cli/main.mjs
 * starts the document worker and imports the command the command line names (electron/cli/);
 * build/app/cli.cjs, the `wengao` binary, loads it. Every module sees build/app as its __dirname,
 * as in the other bundles, and requires relative to it (the vendor libraries, the workers).
 */
const ESM_BANNER = [
  "import { createRequire as __wgCreateRequire } from 'node:module';",
  "import { dirname as __wgDirname } from 'node:path';",
  "import { fileURLToPath as __wgFileURLToPath } from 'node:url';",
  'const __dirname = __wgDirname(__wgDirname(__wgFileURLToPath(import.meta.url)));',
  "const require = __wgCreateRequire(__dirname + '/');",
].join('\n');

const CLI_BIN = `#!/usr/bin/env node
// The \`wengao\` binary. The CLI itself is ES modules split by command (build/app/cli/): only
// what the command line asks for is loaded (build/scripts/build.mjs).
import('./cli/main.mjs');
`;

const targets = {
  main: () => esbuild({ ...node, entryPoints: [path.join(root, 'electron/main/main.ts')], outfile: path.join(out, 'main.cjs'), external: ['electron'] }),
  preload: () =>
    esbuild({ ...node, entryPoints: [path.join(root, 'electron/preload/preload.ts')], outfile: path.join(out, 'preload.cjs'), external: ['electron'], target: 'chrome130', platform: 'browser', sourcemap: false }),
  harness: () => esbuild({ ...node, entryPoints: [path.join(root, 'electron/harness/main.ts')], outfile: path.join(out, 'harness.cjs') }),
  // The suggestion worker (worker_threads): started by main, the harness and the CLI alike.
  suggestWorker: () => esbuild({ ...node, entryPoints: [path.join(root, 'electron/services/suggest/worker.ts')], outfile: path.join(out, 'suggestWorker.cjs') }),
  // The phrase index build's second core (worker_threads), started by the suggestion worker.
  shardWorker: () => esbuild({ ...node, entryPoints: [path.join(root, 'electron/services/suggest/shardWorker.ts')], outfile: path.join(out, 'shardWorker.cjs') }),
  // The phrase index build's second reader of .txt corpus files (worker_threads), started by the suggestion worker.
  corpusReadWorker: () =>
    esbuild({ ...node, entryPoints: [path.join(root, 'electron/services/suggest/corpusReadWorker.ts')], outfile: path.join(out, 'corpusReadWorker.cjs'), plugins: [vendorExternals(['jschardet', 'iconv-lite', 'zod'])] }),
  // The document worker (worker_threads): reads, saves and exports documents with time and memory limits.
  // zod only for .wgd files; jschardet and iconv-lite only for GBK/Big5 text: all three in vendor/.
  documentWorker: () =>
    esbuild({ ...node, entryPoints: [path.join(root, 'electron/services/documents/worker.ts')], outfile: path.join(out, 'documentWorker.cjs'), plugins: [vendorExternals(['jschardet', 'iconv-lite', 'zod'])] }),
  vendor,
  cli: async () => {
    await rm(path.join(out, 'cli'), { recursive: true, force: true });
    await esbuild({
      ...node,
      format: 'esm',
      splitting: true,
      entryPoints: { main: path.join(root, 'electron/cli/main.ts') },
      outdir: path.join(out, 'cli'),
      outExtension: { '.js': '.mjs' },
      chunkNames: '[name]-[hash]',
      banner: { js: ESM_BANNER },
      plugins: [vendorExternals(['jschardet', 'iconv-lite'])],
    });
    const bin = path.join(out, 'cli.cjs');
    await writeFile(bin, CLI_BIN);
    await chmod(bin, 0o755);
  },
  renderer: () =>
    viteBuild({
      configFile: path.join(root, 'build', 'vite.config.mts'),
      logLevel: quiet ? 'error' : 'warn',
    }),
};

await mkdir(out, { recursive: true });
const started = Date.now();
const names = only ? only.split(',') : Object.keys(targets);
try {
  await Promise.all(names.map((n) => targets[n]()));
} catch (e) {
  process.stderr.write(`build failed: ${e?.message ?? e}\n`);
  process.exit(1);
}
log(`built ${names.join(', ')} in ${Date.now() - started} ms → ${path.relative(root, out)}/`);

#!/usr/bin/env node
// Builds everything the app, the CLI and the web harness run from, into build/app/:
//   main.cjs (Electron main), preload.cjs, harness.cjs, cli.cjs, suggestWorker.cjs, shardWorker.cjs, documentWorker.cjs,
//   renderer/ (Vite).
// Runs on `npm install` (prepare), so `npx wengao` works right after install.
// --quiet: only errors, on stderr (keeps `npm run web` stdout to the one URL line).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { chmod, mkdir } from 'node:fs/promises';
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

const targets = {
  main: () => esbuild({ ...node, entryPoints: [path.join(root, 'electron/main/main.ts')], outfile: path.join(out, 'main.cjs'), external: ['electron'] }),
  preload: () =>
    esbuild({ ...node, entryPoints: [path.join(root, 'electron/preload/preload.ts')], outfile: path.join(out, 'preload.cjs'), external: ['electron'], target: 'chrome130', platform: 'browser', sourcemap: false }),
  harness: () => esbuild({ ...node, entryPoints: [path.join(root, 'electron/harness/main.ts')], outfile: path.join(out, 'harness.cjs') }),
  // The suggestion worker (worker_threads): started by main, the harness and the CLI alike.
  suggestWorker: () => esbuild({ ...node, entryPoints: [path.join(root, 'electron/services/suggest/worker.ts')], outfile: path.join(out, 'suggestWorker.cjs') }),
  // The phrase index build's second core (worker_threads), started by the suggestion worker.
  shardWorker: () => esbuild({ ...node, entryPoints: [path.join(root, 'electron/services/suggest/shardWorker.ts')], outfile: path.join(out, 'shardWorker.cjs') }),
  // The document worker (worker_threads): reads, saves and exports documents with time and memory limits.
  documentWorker: () => esbuild({ ...node, entryPoints: [path.join(root, 'electron/services/documents/worker.ts')], outfile: path.join(out, 'documentWorker.cjs') }),
  cli: async () => {
    const outfile = path.join(out, 'cli.cjs');
    await esbuild({ ...node, entryPoints: [path.join(root, 'electron/cli/main.ts')], outfile, banner: { js: '#!/usr/bin/env node' } });
    await chmod(outfile, 0o755);
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

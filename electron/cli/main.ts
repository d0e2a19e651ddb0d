/** Entry of the `wengao` binary (build/app/cli.cjs, which loads the bundle in build/app/cli/). */
// First, and alone: starts the document worker (see prewarm.ts). Everything else is loaded after
// it, with dynamic import(), so the worker boots on the other core while the commands load.
import './prewarm';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };

import('./program')
  .then(({ runCli }) => runCli(process.argv.slice(2), pkg.version))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`wengao: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 70;
    },
  );

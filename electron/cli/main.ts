/** Entry of the `wengao` binary (build/app/cli.cjs). */
// First: starts the document worker while the rest loads (see prewarm.ts).
import './prewarm';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from './program';

const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };

runCli(process.argv.slice(2), pkg.version).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`wengao: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 70;
  },
);

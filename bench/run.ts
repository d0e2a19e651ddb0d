/**
 * `npm run bench [-- name…]`: runs the benchmarks and prints a table of figures, each against a
 * baseline measured in the same run. Numbers, never pass/fail.
 */
import os from 'node:os';
import { benchOpen } from './open';
import { benchSaveDocx } from './saveDocx';
import { benchExport } from './export';
import { benchSuggestIndex } from './suggestIndex';
import { benchIndexBuild } from './indexBuild';
import { benchSuggestQuality } from './suggestQuality';
import { benchSuggestTune } from './suggestTune';
import { benchSuggestGhost } from './suggestGhost';
import { benchSuggestDocument } from './suggestDocument';
import { benchOutline } from './outline';
import { benchTyping } from './typing';
import { benchLongLine } from './longLine';
import { benchStartup } from './startup';
import { benchProofread } from './proofread';

const BENCHES: Record<string, () => Promise<void>> = {
  typing: benchTyping,
  'long-line': benchLongLine,
  startup: benchStartup,
  open: benchOpen,
  'save-docx': benchSaveDocx,
  export: benchExport,
  'suggest-index': benchSuggestIndex,
  'index-build': benchIndexBuild,
  'suggest-quality': benchSuggestQuality,
  'suggest-tune': benchSuggestTune,
  'suggest-ghost': benchSuggestGhost,
  'suggest-document': benchSuggestDocument,
  outline: benchOutline,
  proofread: benchProofread,
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const names = wanted.length > 0 ? wanted : Object.keys(BENCHES);
  for (const n of names) if (!BENCHES[n]) throw new Error(`unknown benchmark "${n}"; have: ${Object.keys(BENCHES).join(', ')}`);
  process.stdout.write(`# Wengao benchmarks — ${new Date().toISOString()} — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}\n`);
  for (const n of names) await BENCHES[n]!();
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});

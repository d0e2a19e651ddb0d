/**
 * Export time of a 200,000-character document (generated from ../shared/corpus), against pandoc
 * (Debian's package) converting the same text, as markdown paragraphs, to .docx in the same run.
 *
 * Wengao is measured end to end as `wengao export` does it, in process: read the .txt into the
 * model (readDocumentFile), lay it out and write the .docx to disk. pandoc runs as a process, so
 * its figure includes its start-up (≈ 0.1 s); the in-process figures below show where our time goes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeDocx } from '../shared/docx/write/writeDocx';
import { layoutDocument } from '../shared/export/layout';
import { DEFAULT_EXPORT_SETTINGS } from '../shared/settings';
import { readDocumentFile } from '../electron/services/documentFiles';
import { exportDocumentFile } from '../electron/services/exportFiles';
import { generateDocumentText } from './corpus';
import { fmtMs, median, printTable, ratio } from './table';

const CHARS = 200_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

async function time(runs: number, fn: () => Promise<unknown> | unknown): Promise<number[]> {
  await fn(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

export async function benchExport(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wengao-bench-export-'));
  const text = generateDocumentText(CHARS);
  const txt = path.join(dir, 'doc.txt');
  const md = path.join(dir, 'doc.md');
  await fs.writeFile(txt, text, 'utf8');
  await fs.writeFile(md, text.split('\n').join('\n\n'), 'utf8');
  const options = { ...DEFAULT_EXPORT_SETTINGS, template: 'gbt9704' as const };

  let pandoc: number[] = [];
  let pandocVersion = 'not installed';
  try {
    pandocVersion = execFileSync('pandoc', ['--version'], { encoding: 'utf8' }).split('\n')[0]!;
    pandoc = await time(RUNS, () => execFileSync('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', path.join(dir, 'pandoc.docx'), md]));
  } catch {
    /* reported as — */
  }
  const ours = await time(RUNS, async () => {
    const { doc } = await readDocumentFile(txt);
    await exportDocumentFile(doc, path.join(dir, 'wengao.docx'), 'docx', options);
  });
  const plain = await time(RUNS, async () => {
    const { doc } = await readDocumentFile(txt);
    await exportDocumentFile(doc, path.join(dir, 'plain.docx'), 'docx', { ...options, template: 'plain' });
  });
  const { doc } = await readDocumentFile(txt);
  const layout = await time(RUNS, () => layoutDocument(doc.blocks, options));
  const write = await time(RUNS, () => writeDocx(doc, options));
  const gb = await time(RUNS, () => exportDocumentFile(doc, path.join(dir, 'doc-gb.txt'), 'txt', { ...options, textEncoding: 'gb18030' }));
  const p = median(pandoc);
  printTable(`export of a ${CHARS.toLocaleString('en')}-character document (${doc.blocks.length} paragraphs), median of ${RUNS}; baseline: ${pandocVersion}, markdown → .docx`, [
    { figure: '.txt → 公文 .docx on disk (read, lay out, write)', ours: fmtMs(median(ours)), baseline: fmtMs(p), ratio: ratio(median(ours), p) },
    { figure: '.txt → 通用 .docx on disk', ours: fmtMs(median(plain)), baseline: fmtMs(p), ratio: ratio(median(plain), p) },
    { figure: '  of which: layout plan (roles, headings, title)', ours: fmtMs(median(layout)) },
    { figure: '  of which: writeDocx (docx package + zip)', ours: fmtMs(median(write)) },
    { figure: 'model → GB18030 .txt on disk', ours: fmtMs(median(gb)) },
  ]);
  await fs.rm(dir, { recursive: true, force: true });
}

/**
 * Typing in a 1 MB .txt that is one line (a web page copied without its line breaks): keydown →
 * next frame in Wengao, which opens the line as paragraphs of a few thousand characters, against
 * a bare Lexical editor holding the same line as one paragraph (what the line costs unsplit) and
 * the same editor holding the same pieces as paragraphs (what the split itself costs).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, startWebHarness } from '../test/support/browser';
import { oneLineText } from '../test/support/longLine';
import { splitLongLine } from '../shared/text/plainText';
import { buildBare, caretToMiddle, measureTyping, pasteDocument, serveStatic } from './typing';
import { fmtMs, median, percentile, printTable, ratio } from './table';

const KEYS = Number(process.env.BENCH_LONG_KEYS ?? 40);
/** Keys in the unsplit line, where each costs about a second. */
const SLOW_KEYS = Number(process.env.BENCH_LONG_SLOW_KEYS ?? 8);

async function typeIn(page: Page, keys: number): Promise<number[]> {
  await caretToMiddle(page);
  return (await measureTyping(page, keys + 3)).slice(3);
}

export async function benchLongLine(): Promise<void> {
  const line = oneLineText(1024 * 1024, '');
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'wengao-bench-longline-')), 'line.txt');
  writeFileSync(file, line);
  const bare = await serveStatic(await buildBare());
  const harness = await startWebHarness(['--open', file]);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, '--disable-frame-rate-limit', '--disable-gpu-vsync'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(harness.url);
    await page.locator('[data-testid=status-long-lines]').waitFor({ timeout: 120_000 });
    const ours = await typeIn(page, KEYS);
    if (process.env.BENCH_DUMP) console.log(ours.map((x) => Math.round(x)).join(" "));
    await page.close();

    const run = async (text: string, keys: number) => {
      const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await p.goto(bare.url);
      await p.waitForSelector('[data-testid=editor]');
      await pasteDocument(p, text);
      const lat = await typeIn(p, keys);
      await p.close();
      return lat;
    };
    const pieces = splitLongLine(line);
    const bareSplit = await run(pieces.join('\n'), KEYS);
    const bareLine = await run(line, SLOW_KEYS);
    printTable(`Typing in a 1 MB one-line .txt (${line.length.toLocaleString()} characters; Wengao shows ${pieces.length} paragraphs), keydown → next frame`, [
      { figure: 'median, against the line unsplit', ours: fmtMs(median(ours)), baseline: `${fmtMs(median(bareLine))} (bare, 1 paragraph)`, ratio: ratio(median(ours), median(bareLine)), goal: '≤ 50 ms' },
      { figure: 'max, against the line unsplit', ours: fmtMs(Math.max(...ours)), baseline: `${fmtMs(Math.max(...bareLine))} (bare, 1 paragraph)`, ratio: ratio(Math.max(...ours), Math.max(...bareLine)), goal: '≤ 50 ms' },
      { figure: 'median, against bare with the same paragraphs', ours: fmtMs(median(ours)), baseline: fmtMs(median(bareSplit)), ratio: ratio(median(ours), median(bareSplit)) },
      { figure: 'p95, against bare with the same paragraphs', ours: fmtMs(percentile(ours, 95)), baseline: fmtMs(percentile(bareSplit, 95)), ratio: ratio(percentile(ours, 95), percentile(bareSplit, 95)) },
    ]);
  } finally {
    await browser.close();
    await harness.stop();
    bare.close();
  }
}

/**
 * The current-document boost's cost in the 200,000-character document (issue #14):
 * - the page's main thread: the suggestion plugin's pass after a pause in typing (the task its
 *   1.5 s timer runs: reading what changed and sending it), typing in one paragraph and after
 *   the caret moved to another, against the pass that sends the whole document (after the paste);
 * - the suggestion worker: updating the open document's index after one paragraph changed,
 *   against rebuilding it from every paragraph (what it did before).
 */
import { chromium, type Page } from 'playwright-core';
import os from 'node:os';
import { CHROMIUM, CHROMIUM_ARGS, closeApp, startWebHarness } from '../test/support/browser';
import { CurrentDocumentIndex, DocumentLines } from '../shared/suggest/currentDocument';
import { buildPhraseIndex } from '../shared/suggest/phraseIndex';
import { generateDocumentText } from './corpus';
import { fmtMs, median, printTable, ratio } from './table';
import { caretToMiddle, pasteDocument } from './typing';

const DOC_CHARS = 200_000;
/** The plugin's DOCUMENT_DELAY_MS: its timer's tasks are the passes measured. */
const PASS_DELAY_MS = 1500;
const ROUNDS = Number(process.env.BENCH_PASSES ?? 6);

/** Times every task of a timer set for PASS_DELAY_MS (installed before the app's scripts run). */
function timePasses(delay: number): void {
  const w = window as unknown as { __passes: number[] };
  w.__passes = [];
  const setTimeoutBefore = window.setTimeout;
  window.setTimeout = ((fn: TimerHandler, ms?: number, ...rest: unknown[]) => {
    if (ms !== delay || typeof fn !== 'function') return setTimeoutBefore(fn, ms, ...rest);
    return setTimeoutBefore(() => {
      const t = performance.now();
      try {
        (fn as (...a: unknown[]) => void)(...rest);
      } finally {
        w.__passes.push(performance.now() - t);
      }
    }, ms);
  }) as typeof window.setTimeout;
}

const passes = (page: Page) => page.evaluate(() => (window as unknown as { __passes: number[] }).__passes.length);
const lastPass = (page: Page) => page.evaluate(() => (window as unknown as { __passes: number[] }).__passes.at(-1)!);

/** Types a few letters, then waits for the pass that follows the pause; its main-thread time. */
async function typeAndPause(page: Page): Promise<number> {
  const before = await passes(page);
  for (const k of 'abcde') await page.keyboard.press(k);
  await page.waitForFunction((n) => (window as unknown as { __passes: number[] }).__passes.length > n, before, { timeout: 60_000 });
  return lastPass(page);
}

async function inPage(): Promise<{ whole: number[]; sameParagraph: number[]; moved: number[] }> {
  const text = generateDocumentText(DOC_CHARS);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const out = { whole: [] as number[], sameParagraph: [] as number[], moved: [] as number[] };
  try {
    for (let round = 0; round < 2; round++) {
      // A harness of its own each round: no backup of the previous round to restore.
      const harness = await startWebHarness();
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.addInitScript(timePasses, PASS_DELAY_MS);
      await page.goto(harness.url);
      await page.waitForSelector('[data-testid=editor][contenteditable=true]');
      const start = await passes(page);
      await pasteDocument(page, text);
      await page.waitForFunction((n) => (window as unknown as { __passes: number[] }).__passes.length > n, start, { timeout: 120_000 });
      out.whole.push(await lastPass(page));
      await caretToMiddle(page);
      for (let i = 0; i < ROUNDS; i++) {
        out.sameParagraph.push(await typeAndPause(page));
        // The caret goes to another paragraph: the one typed in is sent, the new one left out.
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('End');
        out.moved.push(await typeAndPause(page));
      }
      await closeApp(page);
      await harness.stop();
    }
  } finally {
    await browser.close();
  }
  return out;
}

/** The worker's side, in this process: one paragraph changed in the 200k document. */
function inWorker(): { merged: number[]; rebuilt: number[] } {
  const paragraphs = generateDocumentText(DOC_CHARS).split('\n');
  const keys = paragraphs.map((_, i) => String(i + 1));
  const lines = new DocumentLines();
  lines.apply({ reset: true, order: keys, blocks: keys.map((k, i) => [k, [paragraphs[i]!]]) });
  const index = new CurrentDocumentIndex(2_000_000);
  index.update(lines.entries());
  const merged: number[] = [];
  const rebuilt: number[] = [];
  for (let i = 0; i < 30; i++) {
    const at = Math.floor((paragraphs.length * (i + 0.5)) / 30);
    const edited = `${paragraphs[at]!}（第${i}次修改）`;
    let t = performance.now();
    lines.apply({ reset: false, order: keys, blocks: [[keys[at]!, [edited]]] });
    index.update(lines.entries());
    merged.push(performance.now() - t);
    if (index.lastUpdate !== 'merged') throw new Error(`expected a merge, got ${index.lastUpdate}`);
    t = performance.now();
    buildPhraseIndex(lines.entries().flatMap(([, l]) => l.map((p) => ({ name: '当前文档', kind: 'current' as const, paragraphs: [p] }))));
    rebuilt.push(performance.now() - t);
  }
  return { merged: merged.slice(5), rebuilt: rebuilt.slice(5) };
}

export async function benchSuggestDocument(): Promise<void> {
  const worker = inWorker();
  const page = await inPage();
  printTable(`Current-document boost, ${DOC_CHARS.toLocaleString()}-character document (load average ${os.loadavg()[0]!.toFixed(1)}; medians)`, [
    { figure: 'page: pass after a pause, typing in one paragraph', ours: fmtMs(median(page.sameParagraph)), baseline: `${fmtMs(median(page.whole))} (whole document)`, ratio: ratio(median(page.sameParagraph), median(page.whole)) },
    { figure: 'page: pass after a pause, caret moved to another paragraph', ours: fmtMs(median(page.moved)), baseline: `${fmtMs(median(page.whole))} (whole document)`, ratio: ratio(median(page.moved), median(page.whole)) },
    { figure: 'worker: index after one paragraph changed', ours: fmtMs(median(worker.merged)), baseline: `${fmtMs(median(worker.rebuilt))} (rebuilt)`, ratio: ratio(median(worker.merged), median(worker.rebuilt)) },
  ]);
}

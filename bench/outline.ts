/**
 * Outline cost in a 200,000-character document, in the app (web harness, Chromium), against
 * what Lexical itself spends on the same keystroke:
 * - a keystroke in body text (the common case: only section counts change);
 * - a keystroke in a heading's title (the outline is rebuilt from the cached block records);
 * - the outline's frame work (counts, tree, caret section) per keystroke;
 * - a full re-outline (every block re-read) against Lexical reading the whole document's text;
 * - the same full outline in Node from the shared code (describe, build, check);
 * - the anatomy pass (every paragraph's part) in Node, full and incremental, against the full re-outline.
 *
 * "Lexical" is the time from the keydown to the outline's update listener: Chromium's editing,
 * Lexical's update and reconciliation, and the plugins registered before the outline (history,
 * word count, selection info), which are light.
 */
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, startWebHarness } from '../test/support/browser';
import { describeParagraph } from '../shared/outline/blocks';
import { checkOutline } from '../shared/outline/check';
import { buildOutline } from '../shared/outline/outline';
import { analyzeAnatomy, anatomyOfOutline } from '../shared/anatomy/anatomy';
import { frameOf } from '../shared/anatomy/frame';
import { paragraph } from '../shared/model/document';
import { generateDocumentText } from './corpus';
import { caretToMiddle, pasteDocument } from './typing';
import { fmtMs, median, percentile, printTable, ratio, type Row } from './table';

const DOC_CHARS = 200_000;
const KEYS = Number(process.env.BENCH_KEYS ?? 200);

interface PerfSample {
  outline: number;
  frames: number;
  lexical: number;
}

/** Types KEYS keys; with `erase`, every other key is Backspace (a heading's title stays a heading's). */
async function measureKeys(page: Page, erase = false): Promise<PerfSample[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __wengaoOutlinePerf: { updates: number[]; frames: number[]; lexical: number[]; keyAt?: number } };
    w.__wengaoOutlinePerf = { updates: [], frames: [], lexical: [] };
    document.addEventListener('keydown', (e) => (w.__wengaoOutlinePerf.keyAt = e.timeStamp), true);
  });
  const samples: PerfSample[] = [];
  const letters = 'abcdefghij';
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.press(erase && i % 2 === 1 ? 'Backspace' : letters[i % letters.length]!);
    // Two frames: the keystroke's frame and the outline's publishing.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.waitForTimeout(30);
    samples.push(
      await page.evaluate(() => {
        const p = (window as unknown as { __wengaoOutlinePerf: { updates: number[]; frames: number[]; lexical: number[] } }).__wengaoOutlinePerf;
        // (no helper functions in here: the bundler would wrap them in a helper the page lacks)
        const s = { outline: p.updates.reduce((a, b) => a + b, 0), frames: p.frames.reduce((a, b) => a + b, 0), lexical: p.lexical[0] ?? NaN };
        p.updates = [];
        p.frames = [];
        p.lexical = [];
        return s;
      }),
    );
  }
  return samples.slice(10); // the first keys warm the JIT
}

async function measureFull(page: Page): Promise<{ outline: number[]; lexical: number[] }> {
  return page.evaluate(() => {
    const p = (window as unknown as { __wengaoOutlinePerf: { reoutline?: () => number } }).__wengaoOutlinePerf;
    interface Ed {
      getEditorState(): { read<T>(fn: () => T): T; _nodeMap: Map<string, { getChildren(): Array<{ getTextContent(): string }> }> };
    }
    const editor = (document.querySelector('[data-testid=editor]') as unknown as { __lexicalEditor: Ed }).__lexicalEditor;
    const outline: number[] = [];
    const lexical: number[] = [];
    for (let i = 0; i < 12; i++) {
      outline.push(p.reoutline!());
      // Lexical reading every block's text (the root caches its own, so ask each block).
      const t0 = performance.now();
      const state = editor.getEditorState();
      state.read(() => {
        let n = 0;
        for (const block of state._nodeMap.get('root')!.getChildren()) n += block.getTextContent().length;
        return n;
      });
      lexical.push(performance.now() - t0);
    }
    return { outline: outline.slice(2), lexical: lexical.slice(2) };
  });
}

function nodeFullOutline(text: string): { describe: number[]; build: number[]; check: number[]; entries: number } {
  const lines = text.split('\n');
  const out = { describe: [] as number[], build: [] as number[], check: [] as number[], entries: 0 };
  for (let i = 0; i < 12; i++) {
    let t = performance.now();
    const infos = lines.map((l) => describeParagraph(l, null));
    out.describe.push(performance.now() - t);
    t = performance.now();
    const outline = buildOutline(infos);
    out.build.push(performance.now() - t);
    out.entries = outline.entries.length;
    t = performance.now();
    checkOutline(outline);
    out.check.push(performance.now() - t);
  }
  return { describe: out.describe.slice(2), build: out.build.slice(2), check: out.check.slice(2), entries: out.entries };
}

/**
 * The anatomy pass (every paragraph's part) in Node: from the blocks (describe, frame, outline,
 * parts) against the full re-outline (describe, build); and the editor's incremental path after an
 * edit that changes the structure (one block re-described, the outline rebuilt from the cached
 * records with its frame, the parts joined), with the frame and the join alone.
 */
export function nodeAnatomy(text: string): { full: number[]; reoutline: number[]; incremental: number[]; frame: number[]; join: number[]; parts: number } {
  const lines = text.split('\n');
  const blocks = lines.map((l) => paragraph(l));
  const out = { full: [] as number[], reoutline: [] as number[], incremental: [] as number[], frame: [] as number[], join: [] as number[], parts: 0 };
  const infos = lines.map((l) => describeParagraph(l, null));
  const middle = Math.floor(lines.length / 2);
  for (let i = 0; i < 12; i++) {
    let t = performance.now();
    const a = analyzeAnatomy(blocks);
    out.full.push(performance.now() - t);
    out.parts = a.parts.filter((p) => p !== 'body').length;
    t = performance.now();
    buildOutline(lines.map((l) => describeParagraph(l, null)));
    out.reoutline.push(performance.now() - t);
    // A heading typed in the middle of the document: one block re-described, then the rebuild.
    t = performance.now();
    infos[middle] = describeParagraph(i % 2 ? lines[middle]! : `${i}、新的标题`, null);
    anatomyOfOutline(buildOutline(infos));
    out.incremental.push(performance.now() - t);
    t = performance.now();
    frameOf(infos);
    out.frame.push(performance.now() - t);
    const outline = buildOutline(infos);
    t = performance.now();
    anatomyOfOutline(outline);
    out.join.push(performance.now() - t);
  }
  const warm = (xs: number[]) => xs.slice(2);
  return { full: warm(out.full), reoutline: warm(out.reoutline), incremental: warm(out.incremental), frame: warm(out.frame), join: warm(out.join), parts: out.parts };
}

export function anatomyRows(text: string): Row[] {
  const a = nodeAnatomy(text);
  return [
    { figure: `anatomy in Node, full (${a.parts} paragraphs not body text)`, ours: fmtMs(median(a.full)), baseline: fmtMs(median(a.reoutline)), ratio: ratio(median(a.full), median(a.reoutline)), goal: 'baseline: full re-outline' },
    { figure: 'anatomy in Node, incremental (a heading typed)', ours: fmtMs(median(a.incremental)), baseline: fmtMs(median(a.reoutline)), ratio: ratio(median(a.incremental), median(a.reoutline)), goal: 'baseline: full re-outline' },
    { figure: 'anatomy in Node: frame pass alone', ours: fmtMs(median(a.frame)) },
    { figure: 'anatomy in Node: parts joined with the outline', ours: fmtMs(median(a.join)) },
  ];
}

function rows(label: string, samples: PerfSample[]): Row[] {
  const ours = samples.map((s) => s.outline);
  const lex = samples.map((s) => s.lexical).filter(Number.isFinite);
  const frames = samples.map((s) => s.frames);
  return [
    { figure: `${label}: outline update, median`, ours: fmtMs(median(ours)), baseline: fmtMs(median(lex)), ratio: ratio(median(ours), median(lex)), goal: '≤ 0.1× Lexical' },
    { figure: `${label}: outline update, p95`, ours: fmtMs(percentile(ours, 95)), baseline: fmtMs(percentile(lex, 95)), ratio: ratio(percentile(ours, 95), percentile(lex, 95)) },
    { figure: `${label}: outline frame work, median`, ours: fmtMs(median(frames)), baseline: fmtMs(median(lex)), ratio: ratio(median(frames), median(lex)) },
    { figure: `${label}: outline frame work, p95`, ours: fmtMs(percentile(frames, 95)), baseline: fmtMs(percentile(lex, 95)), ratio: ratio(percentile(frames, 95), percentile(lex, 95)) },
  ];
}

export async function benchOutline(): Promise<void> {
  const text = generateDocumentText(DOC_CHARS);
  const harness = await startWebHarness();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, '--disable-frame-rate-limit', '--disable-gpu-vsync'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(harness.url);
    await page.waitForSelector('[data-testid=editor]');
    await pasteDocument(page, text);
    await page.waitForSelector('[data-testid=outline-item]');

    await caretToMiddle(page, '^.{60,}$'); // a long body paragraph
    const body = await measureKeys(page);
    await caretToMiddle(page, '^[一二三四五六七八九十]+、.{2,20}$'); // a 一、 heading on its own line
    const heading = await measureKeys(page, true);
    const full = await measureFull(page);
    const node = nodeFullOutline(text);

    printTable(`Outline, ${text.length.toLocaleString()}-character document (${text.split('\n').length} paragraphs, ${node.entries} outline entries, ${body.length} keys each); baseline: Lexical on the same keystroke`, [
      ...rows('body keystroke', body),
      ...rows('heading keystroke', heading),
      { figure: 'full re-outline in the app, median', ours: fmtMs(median(full.outline)), baseline: fmtMs(median(full.lexical)), ratio: ratio(median(full.outline), median(full.lexical)), goal: 'baseline: reading every block' },
      { figure: 'full outline in Node: describe blocks', ours: fmtMs(median(node.describe)) },
      { figure: 'full outline in Node: build outline', ours: fmtMs(median(node.build)) },
      { figure: 'full outline in Node: check numbering', ours: fmtMs(median(node.check)) },
      ...anatomyRows(text),
    ]);
  } finally {
    await browser.close();
    await harness.stop();
  }
}

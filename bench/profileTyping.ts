/**
 * `npx tsx bench/profileTyping.ts [200k|long-line] [keys] [pauses]` (after `npm run build`): where the
 * renderer's main thread spends its time while typing, from a Chromium CPU profile taken over
 * CDP. Types in the middle of the 200,000-character document (or of the 1 MB one-line .txt),
 * then prints the requests the page sent and the sampled self time by source file (through the
 * build's source maps) and by native function (fetch, postMessage, the garbage collector…).
 * A diagnostic, not a benchmark: it prints no baseline.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SourceMapConsumer } from 'source-map-js';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, startWebHarness } from '../test/support/browser';
import { oneLineText } from '../test/support/longLine';
import { generateDocumentText } from './corpus';
import { caretToMiddle, measureTyping, pasteDocument } from './typing';
import { fmtMs, median, percentile } from './table';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const ASSETS = path.resolve(__dirname, '..', 'build', 'app', 'renderer', 'assets');

const maps = new Map<string, SourceMapConsumer>();

/** Where a frame's function is in the sources (through the build's source maps), when it is in the bundle. */
function originalOf(callFrame: ProfileNode['callFrame']): { source: string; line: number } | null {
  const file = callFrame.url.split('/').pop() ?? '';
  if (!file.endsWith('.js')) return null;
  let map = maps.get(file);
  if (!map) maps.set(file, (map = new SourceMapConsumer(JSON.parse(readFileSync(path.join(ASSETS, `${file}.map`), 'utf8')))));
  const pos = map.originalPositionFor({ line: callFrame.lineNumber + 1, column: callFrame.columnNumber });
  return { source: (pos.source ?? '?').replace(/.*node_modules\//, 'npm:').replace(/^(\.\.\/)+/, ''), line: pos.line ?? 0 };
}

/** The source file (through the build's source maps) of a frame, or the native function's name. */
function sourceOf(callFrame: ProfileNode['callFrame']): string {
  const at = originalOf(callFrame);
  if (!at) return callFrame.url ? 'other script' : callFrame.functionName;
  return at.source.replace(/^(npm:(@[^/]+\/)?[^/]+).*/, '$1');
}

function selfTimes(profile: Profile): Map<number, number> {
  const self = new Map<number, number>();
  profile.samples.forEach((s, i) => self.set(s, (self.get(s) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  return self;
}

/** Self time (µs) by source file of the renderer bundle, or by native function name. */
function selfTimeBySource(profile: Profile): Map<string, number> {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const out = new Map<string, number>();
  for (const [id, t] of selfTimes(profile)) {
    const source = sourceOf(nodes.get(id)!.callFrame);
    out.set(source, (out.get(source) ?? 0) + t);
  }
  return out;
}

/**
 * Inclusive time (µs) of the app's own functions (renderer/ and shared/), each counted once per
 * sample however deep it recurs: which of our entry points the time under Lexical, fetch or the
 * garbage collector belongs to.
 */
function inclusiveTimeOfOwnFunctions(profile: Profile): Map<string, number> {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = new Map<number, string | null>();
  const labelOf = (id: number): string | null => {
    if (!label.has(id)) {
      const { callFrame } = nodes.get(id)!;
      const at = originalOf(callFrame);
      label.set(id, at && /^(renderer|shared)\//.test(at.source) ? `${at.source}:${at.line} (${callFrame.functionName || 'anonymous'})` : null);
    }
    return label.get(id)!;
  };
  const out = new Map<string, number>();
  for (const [id, t] of selfTimes(profile)) {
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const l = labelOf(n);
      if (l && !seen.has(l)) {
        seen.add(l);
        out.set(l, (out.get(l) ?? 0) + t);
      }
    }
  }
  return out;
}

/**
 * The longest runs of samples without an idle one (about the page's long tasks), each with the
 * app's outermost functions and the native ones that took most of it.
 */
function longStretches(profile: Profile, count = 8): string[] {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stretches: Array<{ ms: number; parts: Map<string, number> }> = [];
  let cur: { ms: number; parts: Map<string, number> } | null = null;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const { callFrame } = nodes.get(id)!;
    if (callFrame.functionName === '(idle)') {
      if (cur) stretches.push(cur);
      cur = null;
      return;
    }
    cur ??= { ms: 0, parts: new Map() };
    cur.ms += dt;
    // The outermost of the app's frames, else the sample's own function.
    let label = callFrame.url ? sourceOf(callFrame) : callFrame.functionName;
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const at = originalOf(nodes.get(n)!.callFrame);
      if (at && /^(renderer|shared)\//.test(at.source)) label = `${at.source}:${at.line}`;
    }
    cur.parts.set(label, (cur.parts.get(label) ?? 0) + dt);
  });
  if (cur) stretches.push(cur);
  return stretches
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count)
    .map((st) => `${st.ms.toFixed(1).padStart(7)} ms: ${[...st.parts].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
}

async function main(): Promise<void> {
  const mode = process.argv[2] ?? '200k';
  const keys = Number(process.argv[3] ?? 60);
  // `pauses`: a pause of 1.5 s after every 20 keys, so the work that waits for one (校对) shows too.
  const pause = process.argv[4] === 'pauses' ? { every: 20, ms: 1500 } : undefined;
  const args: string[] = [];
  if (mode === 'long-line') {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'wengao-profile-')), 'line.txt');
    writeFileSync(file, oneLineText(1024 * 1024, ''));
    args.push('--open', file);
  }
  const harness = await startWebHarness(args);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, '--disable-frame-rate-limit', '--disable-gpu-vsync'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(harness.url);
    if (mode === 'long-line') await page.locator('[data-testid=status-long-lines]').waitFor({ timeout: 120_000 });
    else {
      await page.waitForSelector('[data-testid=editor]');
      await pasteDocument(page, generateDocumentText(200_000));
    }
    await caretToMiddle(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const lat = await measureTyping(page, keys, pause);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    const requests = await page.evaluate(() => (window as unknown as { __wengaoRequests?: { sent: Record<string, number> } }).__wengaoRequests?.sent ?? {});
    process.stdout.write(`${keys} keys (${mode}${pause ? `, a pause of ${pause.ms} ms every ${pause.every}` : ''}): keydown → next frame median ${fmtMs(median(lat))}, p95 ${fmtMs(percentile(lat, 95))}, max ${fmtMs(Math.max(...lat))}\n`);
    process.stdout.write(`requests sent: ${JSON.stringify(requests)}\n`);
    const rows = [...selfTimeBySource(profile)].sort((a, b) => b[1] - a[1]).slice(0, 30);
    process.stdout.write(`self time by source:\n${rows.map(([k, v]) => `${(v / 1000).toFixed(1).padStart(9)} ms  ${k}`).join('\n')}\n`);
    process.stdout.write(`longest stretches without idle time (the app's outermost function or the native one, ms):\n${longStretches(profile).join('\n')}\n`);
    const own = [...inclusiveTimeOfOwnFunctions(profile)].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.PROFILE_ROWS ?? 30));
    process.stdout.write(`inclusive time of the app's functions:\n${own.map(([k, v]) => `${(v / 1000).toFixed(1).padStart(9)} ms  ${k}`).join('\n')}\n`);
  } finally {
    await browser.close();
    await harness.stop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`profile failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});

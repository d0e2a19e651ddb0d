/**
 * `npx tsx bench/traceTyping.ts [keys] [wengao|bare|both]` (after `npm run build`): what the
 * renderer's main thread did between each keydown and the end of its next frame, from a Chromium
 * trace (devtools.timeline), in Wengao (web harness) and in the bare Lexical page of the typing
 * bench, typing as that bench does in the middle of the same 200,000-character document. Prints,
 * for the median keys and for the slowest 5%, the time by trace event (self time: style, layout,
 * paint, script by function, GC…, and "(no event)" when the thread ran nothing traced, i.e.
 * waited or was not scheduled). A diagnostic, not a benchmark: tracing slows every key.
 */
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, closeApp, openApp, startWebHarness } from '../test/support/browser';
import { generateDocumentText } from './corpus';
import { breakdown, jsSamples, jsTime, mainThread, meanTimes, readTrace, SourceMaps, TRACE_CATEGORIES, type SampleLabels, type TraceEvent } from './trace';
import { buildBare, caretToMiddle, measureTyping, pasteDocument, serveStatic } from './typing';
import { fmtMs, median, percentile } from './table';

const CATEGORIES = [
  ...TRACE_CATEGORIES,
  'cc',
  'disabled-by-default-devtools.timeline.frame',
  ...(process.env.TRACE_INVALIDATIONS ? ['disabled-by-default-devtools.timeline.invalidationTracking'] : []),
];

const SOURCES = new SourceMaps();

/**
 * JavaScript samples are labelled by the app's function with its line; TRACE_JS_INNER: by the
 * innermost of the app's functions instead; TRACE_JS_LEAF=regex: samples so labelled are told apart
 * by their leaf function and its caller.
 */
const SAMPLE_LABELS: SampleLabels = {
  sources: SOURCES,
  appLine: true,
  innermost: Boolean(process.env.TRACE_JS_INNER),
  leafDetail: process.env.TRACE_JS_LEAF ? new RegExp(process.env.TRACE_JS_LEAF) : undefined,
};

/** A trace event's label in the breakdown: its name, with the function and its place for a call, the event type for a dispatch. */
function eventLabel(e: TraceEvent): string {
  const d = e.args?.data ?? {};
  // The trace's positions count columns from 1.
  if (e.name === 'FunctionCall') return `FunctionCall ${String(d.functionName || '?')} ${SOURCES.where(String(d.url ?? ''), Number(d.lineNumber ?? 0), Number(d.columnNumber ?? 0) - 1)}`;
  if (e.name === 'EventDispatch') return `EventDispatch ${String(d.type ?? '')}`;
  return e.name;
}

async function traceOne(browser: Browser, name: string, url: string, text: string, keys: number): Promise<void> {
  const page = name === 'wengao' ? (await openApp(browser, url)).page : await browser.newPage({ viewport: { width: 1280, height: 900 } });
  if (name === 'bare') await page.goto(url);
  await page.waitForSelector('[data-testid=editor]');
  // TRACE_CSS_WENGAO / TRACE_CSS_BARE: a style sheet added to that page first (to try a change).
  const css = process.env[`TRACE_CSS_${name.toUpperCase()}`];
  if (css)
    await page.evaluate((c) => {
      const sheet = new CSSStyleSheet(); // the page's CSP refuses a <style>, not a constructed sheet
      sheet.replaceSync(c);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }, css);
  await pasteDocument(page, text);
  await caretToMiddle(page);
  // TRACE_EVAL_WENGAO / TRACE_EVAL_BARE: a script run in that page before typing (to try a change).
  const script = process.env[`TRACE_EVAL_${name.toUpperCase()}`];
  if (script) await page.evaluate(script);
  await browser.startTracing(page, { categories: CATEGORIES });
  const lat = await measureTyping(page, keys);
  const buf = await browser.stopTracing();
  if (name === 'wengao') await closeApp(page);
  else await page.close();
  const traceEvents = readTrace(buf);
  const marks = traceEvents.filter((e) => /^fe\d+$/.test(e.name) && e.cat.includes('blink.user_timing'));
  const pid = marks[0]!.pid;
  const { tid: mainTid, events: main } = mainThread(traceEvents, pid);
  const ends = new Map<number, number>();
  for (const m of marks) if (!ends.has(Number(m.name.slice(2)))) ends.set(Number(m.name.slice(2)), m.ts);
  const samples = lat.map((l, i) => ({ i, lat: l, to: ends.get(i)!, from: ends.get(i)! - l * 1000 })).filter((s) => s.to !== undefined).slice(10);
  const sorted = [...samples].sort((a, b) => a.lat - b.lat);
  const p95 = percentile(samples.map((s) => s.lat), 95);
  const slow = sorted.filter((s) => s.lat >= p95);
  const mid = sorted.slice(Math.floor(sorted.length * 0.4), Math.ceil(sorted.length * 0.6));
  process.stdout.write(`\n## ${name}: ${samples.length} keys traced, median ${fmtMs(median(samples.map((s) => s.lat)))}, p95 ${fmtMs(p95)}, max ${fmtMs(sorted[sorted.length - 1]!.lat)}\n`);
  const keyEvents = (s: (typeof samples)[number]) => breakdown(main, s.from, s.to, eventLabel);
  const avg = (group: typeof samples) => meanTimes(group.map(keyEvents)).map(([k, v]): [string, number] => [k, v / 1000]);
  const js = jsSamples(traceEvents, pid, mainTid, SAMPLE_LABELS);
  const jsAvg = (group: typeof samples) => meanTimes(group.map((s) => jsTime(js, s.from, s.to))).map(([k, v]): [string, number] => [k, v / 1000]);
  for (const [title, group] of [
    ['keys between the 40th and 60th percentile', mid],
    ['slowest 5% (≥ p95)', slow],
  ] as const) {
    const rows = avg(group);
    process.stdout.write(`### ${title} (${group.length} keys, mean ${fmtMs(group.reduce((a, s) => a + s.lat, 0) / group.length)}): mean ms per key by event (self time)\n`);
    for (const [k, v] of rows.slice(0, Number(process.env.TRACE_ROWS ?? 22))) process.stdout.write(`${v.toFixed(2).padStart(8)}  ${k}\n`);
    const jsRows = jsAvg(group);
    if (jsRows.length) process.stdout.write(`  JavaScript samples by the app's outermost function, else package (mean ms per key):\n`);
    for (const [k, v] of jsRows.slice(0, Number(process.env.TRACE_JS_ROWS ?? 12))) process.stdout.write(`  ${v.toFixed(2).padStart(8)}  ${k}\n`);
  }
  if (process.env.TRACE_INVALIDATIONS) {
    // What was invalidated (style, layout, paint) per key, by event and node, over the traced keys.
    const counts = new Map<string, number>();
    for (const e of traceEvents) {
      if (!/Invalidation|Invalidate/.test(e.name) || e.pid !== pid) continue;
      const d = (e.args?.data ?? {}) as Record<string, unknown>;
      const k = `${e.name} ${String(d.nodeName ?? '')} ${String(d.reason ?? d.invalidationSet ?? '')}`.slice(0, 120);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    process.stdout.write(`### invalidations per key\n`);
    for (const [k, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 25)) process.stdout.write(`${(n / lat.length).toFixed(1).padStart(8)}  ${k}\n`);
  }
  process.stdout.write(`### the 6 slowest keys\n`);
  for (const s of sorted.slice(-Number(process.env.TRACE_SLOWEST ?? 6)).reverse()) {
    const rows = [...keyEvents(s)].sort((a, b) => b[1] - a[1]).slice(0, 7);
    process.stdout.write(`${fmtMs(s.lat)} (key ${s.i}): ${rows.map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(', ')}\n`);
    const jsRows = jsAvg([s]).slice(0, 5);
    if (jsRows.length) process.stdout.write(`    JavaScript: ${jsRows.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}\n`);
  }
}

async function main(): Promise<void> {
  const keys = Number(process.argv[2] ?? 150);
  const which = process.argv[3] ?? 'both';
  const text = generateDocumentText(200_000);
  const bare = await serveStatic(await buildBare());
  const harness = await startWebHarness();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, '--disable-frame-rate-limit', '--disable-gpu-vsync'] });
  try {
    if (which !== 'bare') await traceOne(browser, 'wengao', harness.url, text, keys);
    if (which !== 'wengao') await traceOne(browser, 'bare', bare.url, text, keys);
  } finally {
    await browser.close();
    await harness.stop();
    bare.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`trace failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});

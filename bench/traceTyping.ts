/**
 * `npx tsx bench/traceTyping.ts [keys] [wengao|bare|both]` (after `npm run build`): what the
 * renderer's main thread did between each keydown and the end of its next frame, from a Chromium
 * trace (devtools.timeline), in Wengao (web harness) and in the bare Lexical page of the typing
 * bench, typing as that bench does in the middle of the same 200,000-character document. Prints,
 * for the median keys and for the slowest 5%, the time by trace event (self time: style, layout,
 * paint, script by function, GC…, and "(no event)" when the thread ran nothing traced, i.e.
 * waited or was not scheduled). A diagnostic, not a benchmark: tracing slows every key.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SourceMapConsumer } from 'source-map-js';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, closeApp, openApp, startWebHarness } from '../test/support/browser';
import { generateDocumentText } from './corpus';
import { buildBare, caretToMiddle, measureTyping, pasteDocument, serveStatic } from './typing';
import { fmtMs, median, percentile } from './table';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { name?: string; data?: Record<string, unknown> };
}

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

/**
 * The main thread's JavaScript samples (from the trace's V8 CPU profile), each with its time and
 * label: the outermost of the app's own functions (renderer/, shared/) on its stack, else the
 * package or native function it was in.
 */
function jsSamples(events: TraceEvent[], pid: number, tid: number): Array<{ ts: number; label: string }> {
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  if (!profile) return [];
  const nodes = new Map<number, { frame: CallFrame; parent?: number }>();
  const out: Array<{ ts: number; label: string }> = [];
  let ts = Number((profile.args?.data as { startTime?: number } | undefined)?.startTime ?? 0);
  const label = new Map<number, string>();
  const labelOf = (id: number): string => {
    let l = label.get(id);
    if (l !== undefined) return l;
    const leaf = nodes.get(id)!.frame;
    l = leaf.url ? sourceLabel(leaf).replace(/^(npm:(@[^/]+\/)?[^/]+).*/, '$1').replace(/:\d+$/, '') : leaf.functionName;
    for (let n: number | undefined = id; n !== undefined; n = nodes.get(n)?.parent) {
      const f = nodes.get(n)!.frame;
      const at = f.url ? sourceLabel(f) : '';
      if (/^(renderer|shared)\//.test(at)) {
        l = `${at} ${f.functionName || ''}`.trim();
        if (process.env.TRACE_JS_INNER) break; // the innermost of the app's functions instead
      }
    }
    // TRACE_JS_LEAF=regex: samples so labelled are told apart by their leaf function and its caller.
    if (process.env.TRACE_JS_LEAF && new RegExp(process.env.TRACE_JS_LEAF).test(l)) {
      const parent = nodes.get(nodes.get(id)!.parent ?? -1)?.frame;
      l = `${l} ← ${leaf.functionName} ${leaf.url ? sourceLabel(leaf) : ''} ← ${parent ? `${parent.functionName} ${parent.url ? sourceLabel(parent) : ''}` : ''}`;
    }
    label.set(id, l);
    return l;
  };
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.pid !== pid || e.id !== profile.id) continue;
    const data = e.args?.data as { cpuProfile?: { nodes?: Array<{ id: number; parent?: number; callFrame: CallFrame }>; samples?: number[] }; timeDeltas?: number[] };
    for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, { frame: n.callFrame, parent: n.parent });
    (data.cpuProfile?.samples ?? []).forEach((id, i) => {
      ts += data.timeDeltas?.[i] ?? 0;
      out.push({ ts, label: labelOf(id) });
    });
  }
  return out;
}

function sourceLabel(f: CallFrame): string {
  return whereIs(f.url, f.lineNumber + 1, f.columnNumber + 1);
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8',
  'toplevel',
  'blink',
  'cc',
  'disabled-by-default-devtools.timeline.frame',
  'disabled-by-default-v8.cpu_profiler',
  ...(process.env.TRACE_INVALIDATIONS ? ['disabled-by-default-devtools.timeline.invalidationTracking'] : []),
];

/** Self time (µs) by event label within [from, to] of the main thread's complete events. */
function breakdown(events: TraceEvent[], from: number, to: number): Map<string, number> {
  const inWindow = events.filter((e) => e.ts < to && e.ts + (e.dur ?? 0) > from).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const out = new Map<string, number>();
  const add = (k: string, v: number) => v > 0 && out.set(k, (out.get(k) ?? 0) + v);
  // A stack walk: each event's self time is its clipped duration minus its children's.
  const stack: Array<{ e: TraceEvent; end: number; label: string; childTime: number }> = [];
  let covered = 0;
  const close = (upTo: number) => {
    while (stack.length && stack[stack.length - 1]!.end <= upTo) {
      const top = stack.pop()!;
      const d = Math.min(top.end, to) - Math.max(top.e.ts, from);
      add(top.label, d - top.childTime);
      if (stack.length) stack[stack.length - 1]!.childTime += d;
      else covered += d;
    }
  };
  for (const e of inWindow) {
    close(e.ts);
    stack.push({ e, end: e.ts + (e.dur ?? 0), label: labelOf(e), childTime: 0 });
  }
  close(Infinity);
  add('(no event)', to - from - covered);
  return out;
}

const ASSET_DIRS = [path.resolve(__dirname, '..', 'build', 'app', 'renderer', 'assets'), path.resolve(__dirname, '..', 'build', 'bench', 'bare', 'assets')];
const maps = new Map<string, SourceMapConsumer | null>();

/** A script's place in the sources (through the build's source maps), else its file and line. */
function whereIs(url: string, line: number, column: number): string {
  const file = url.split('/').pop() ?? '';
  if (!maps.has(file)) {
    const dir = ASSET_DIRS.find((d) => existsSync(path.join(d, `${file}.map`)));
    maps.set(file, dir ? new SourceMapConsumer(JSON.parse(readFileSync(path.join(dir, `${file}.map`), 'utf8'))) : null);
  }
  const pos = maps.get(file)?.originalPositionFor({ line, column: Math.max(0, column - 1) }); // the trace's positions are 1-based
  if (!pos?.source) return `${file}:${line}`;
  return `${pos.source.replace(/.*node_modules\//, 'npm:').replace(/^(\.\.\/)+/, '')}:${pos.line}`;
}

function labelOf(e: TraceEvent): string {
  const d = e.args?.data ?? {};
  if (e.name === 'FunctionCall') return `FunctionCall ${String(d.functionName || '?')} ${whereIs(String(d.url ?? ''), Number(d.lineNumber ?? 0), Number(d.columnNumber ?? 0))}`;
  if (e.name === 'EventDispatch') return `EventDispatch ${String(d.type ?? '')}`;
  if (e.name === 'TimerFire' || e.name === 'FireAnimationFrame') return e.name;
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
  const { traceEvents } = JSON.parse(buf.toString('utf8')) as { traceEvents: TraceEvent[] };
  const marks = traceEvents.filter((e) => /^fe\d+$/.test(e.name) && e.cat.includes('blink.user_timing'));
  const pid = marks[0]!.pid;
  const mainTid = traceEvents.find((e) => e.ph === 'M' && e.pid === pid && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')!.tid;
  const main = traceEvents.filter((e) => e.pid === pid && e.tid === mainTid && e.ph === 'X' && e.dur !== undefined);
  const ends = new Map<number, number>();
  for (const m of marks) if (!ends.has(Number(m.name.slice(2)))) ends.set(Number(m.name.slice(2)), m.ts);
  const samples = lat.map((l, i) => ({ i, lat: l, to: ends.get(i)!, from: ends.get(i)! - l * 1000 })).filter((s) => s.to !== undefined).slice(10);
  const sorted = [...samples].sort((a, b) => a.lat - b.lat);
  const p95 = percentile(samples.map((s) => s.lat), 95);
  const slow = sorted.filter((s) => s.lat >= p95);
  const mid = sorted.slice(Math.floor(sorted.length * 0.4), Math.ceil(sorted.length * 0.6));
  process.stdout.write(`\n## ${name}: ${samples.length} keys traced, median ${fmtMs(median(samples.map((s) => s.lat)))}, p95 ${fmtMs(p95)}, max ${fmtMs(sorted[sorted.length - 1]!.lat)}\n`);
  const avg = (group: typeof samples): Array<[string, number]> => {
    const sum = new Map<string, number>();
    for (const s of group) for (const [k, v] of breakdown(main, s.from, s.to)) sum.set(k, (sum.get(k) ?? 0) + v);
    return [...sum].map(([k, v]): [string, number] => [k, v / group.length / 1000]).sort((a, b) => b[1] - a[1]);
  };
  const js = jsSamples(traceEvents, pid, mainTid).filter((x) => x.label !== '(idle)' && x.label !== '(program)');
  const jsAvg = (group: typeof samples): Array<[string, number]> => {
    const sum = new Map<string, number>();
    for (const s of group) {
      const inWin = js.filter((x) => x.ts >= s.from && x.ts < s.to);
      for (let i = 0; i < inWin.length; i++) {
        const x = inWin[i]!;
        const dt = Math.min((inWin[i + 1]?.ts ?? x.ts + 200) - x.ts, 1000); // the sampling interval, capped
        sum.set(x.label, (sum.get(x.label) ?? 0) + dt);
      }
    }
    return [...sum].map(([k, v]): [string, number] => [k, v / group.length / 1000]).sort((a, b) => b[1] - a[1]);
  };
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
    const rows = [...breakdown(main, s.from, s.to)].sort((a, b) => b[1] - a[1]).slice(0, 7);
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

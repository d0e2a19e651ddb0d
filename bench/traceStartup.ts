/**
 * `npx tsx bench/traceStartup.ts [launches] [wengao|bare|both]` (after `npm run build`): where the
 * page's time goes from navigation to the first typed character shown, from a Chromium trace of
 * the startup bench's own steps (bench/startup.ts firstCharacter). Prints, per launch, the page's
 * milestones (bundle received, bundle run, editor editable, character shown) and each request the
 * page made (API calls by name, assets) with its start and end, then, averaged over the launches,
 * the main thread's self time by trace event and its JavaScript samples by package or by the app's
 * outermost function, for two spans: navigation → editor editable, editable → character shown.
 * "(no event)" is time the main thread ran nothing traced: it waited (network, the harness, a
 * timer) or was not scheduled. A diagnostic, not a benchmark: tracing slows the page.
 * TRACE_BUILD=<build/app folder of another build> traces that build (to compare before/after).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SourceMapConsumer } from 'source-map-js';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, startWebHarness } from '../test/support/browser';
import { firstCharacter } from './startup';
import { buildBare, serveStatic } from './typing';

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

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8',
  'v8.execute',
  'toplevel',
  'blink',
  'loading',
  'disabled-by-default-v8.cpu_profiler',
];

/** TRACE_BUILD=<another build's build/app folder>: trace that build's harness instead (e.g. main's, to compare). */
const BUILD = path.resolve(process.env.TRACE_BUILD ?? path.join(__dirname, '..', 'build', 'app'));
const ASSET_DIRS = [path.join(BUILD, 'renderer', 'assets'), path.resolve(__dirname, '..', 'build', 'bench', 'bare', 'assets')];
const maps = new Map<string, SourceMapConsumer | null>();

/** A script position's package (npm:name) or app source file, through the build's source maps. */
function sourceOf(url: string, line: number, column: number): string {
  const file = url.split('/').pop() ?? '';
  if (!maps.has(file)) {
    const dir = ASSET_DIRS.find((d) => existsSync(path.join(d, `${file}.map`)));
    maps.set(file, dir ? new SourceMapConsumer(JSON.parse(readFileSync(path.join(dir, `${file}.map`), 'utf8'))) : null);
  }
  const pos = maps.get(file)?.originalPositionFor({ line, column: Math.max(0, column) });
  if (!pos?.source) return file;
  return pos.source
    .replace(/.*node_modules\//, 'npm:')
    .replace(/^(npm:(@[^/]+\/)?[^/]+).*/, '$1')
    .replace(/^(\.\.\/)+/, '');
}

/** The main thread's JavaScript samples: the app's outermost function (renderer/, shared/) on the stack, else the leaf's package. */
function jsSamples(events: TraceEvent[], pid: number, tid: number): Array<{ ts: number; label: string }> {
  const out: Array<{ ts: number; label: string }> = [];
  for (const profile of events.filter((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid)) {
    const nodes = new Map<number, { frame: CallFrame; parent?: number }>();
    const labels = new Map<number, string>();
    const labelOf = (id: number): string => {
      let l = labels.get(id);
      if (l !== undefined) return l;
      const leaf = nodes.get(id)!.frame;
      l = leaf.url ? sourceOf(leaf.url, leaf.lineNumber + 1, leaf.columnNumber) : leaf.functionName;
      for (let n: number | undefined = id; n !== undefined; n = nodes.get(n)?.parent) {
        const f = nodes.get(n)!.frame;
        if (f.lineNumber === 0 && f.columnNumber === 0) continue; // a bundle's top level: all its modules' bodies at once
        const at = f.url ? sourceOf(f.url, f.lineNumber + 1, f.columnNumber) : '';
        if (/^(renderer|shared)\//.test(at)) l = `${at} ${f.functionName}`.trim();
      }
      labels.set(id, l);
      return l;
    };
    let ts = Number((profile.args?.data as { startTime?: number } | undefined)?.startTime ?? 0);
    for (const e of events) {
      if (e.name !== 'ProfileChunk' || e.pid !== pid || e.id !== profile.id) continue;
      const data = e.args?.data as { cpuProfile?: { nodes?: Array<{ id: number; parent?: number; callFrame: CallFrame }>; samples?: number[] }; timeDeltas?: number[] };
      for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, { frame: n.callFrame, parent: n.parent });
      (data.cpuProfile?.samples ?? []).forEach((id, i) => {
        ts += data.timeDeltas?.[i] ?? 0;
        out.push({ ts, label: labelOf(id) });
      });
    }
  }
  return out.sort((a, b) => a.ts - b.ts);
}

/** Self time (µs) by event name within [from, to] of the main thread's complete events; "(no event)" for the rest. */
function breakdown(events: TraceEvent[], from: number, to: number): Map<string, number> {
  const inWindow = events.filter((e) => e.ts < to && e.ts + (e.dur ?? 0) > from).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const out = new Map<string, number>();
  const add = (k: string, v: number) => v > 0 && out.set(k, (out.get(k) ?? 0) + v);
  const stack: Array<{ e: TraceEvent; end: number; childTime: number }> = [];
  let covered = 0;
  const close = (upTo: number) => {
    while (stack.length && stack[stack.length - 1]!.end <= upTo) {
      const top = stack.pop()!;
      const d = Math.min(top.end, to) - Math.max(top.e.ts, from);
      add(top.e.name, d - top.childTime);
      if (stack.length) stack[stack.length - 1]!.childTime += d;
      else covered += d;
    }
  };
  for (const e of inWindow) {
    close(e.ts);
    stack.push({ e, end: e.ts + (e.dur ?? 0), childTime: 0 });
  }
  close(Infinity);
  add('(no event)', to - from - covered);
  return out;
}

/** JavaScript sample time (µs) by label within [from, to]. */
function jsTime(samples: Array<{ ts: number; label: string }>, from: number, to: number): Map<string, number> {
  const out = new Map<string, number>();
  const inWin = samples.filter((x) => x.ts >= from && x.ts < to);
  inWin.forEach((x, i) => {
    if (x.label === '(idle)' || x.label === '(program)') return;
    const dt = Math.min((inWin[i + 1]?.ts ?? x.ts + 200) - x.ts, 1000); // the sampling interval, capped
    out.set(x.label, (out.get(x.label) ?? 0) + dt);
  });
  return out;
}

type Spans = Record<'toEditable' | 'toChar', { events: Map<string, number>; js: Map<string, number>; ms: number }>;

const ms = (us: number) => (us / 1000).toFixed(0).padStart(5);

async function traceLaunch(browser: Browser, url: string): Promise<Spans> {
  let trace: Buffer = Buffer.alloc(0);
  const shownAt = await firstCharacter(browser, url, {
    before: async (page) => {
    // The moment the editor takes input, in the page's timeline.
    await page.addInitScript(() => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector('[data-testid=editor][contenteditable=true]')) return;
        window.performance.mark('wg-editable');
        observer.disconnect();
      });
      observer.observe(document, { subtree: true, childList: true, attributes: true });
    });
    await browser.startTracing(page, { categories: CATEGORIES });
    },
    after: async () => {
      trace = await browser.stopTracing();
    },
  });
  const { traceEvents } = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] };
  const mark = (name: string) => traceEvents.find((e) => e.name === name && e.cat.includes('blink.user_timing'));
  const shown = mark('wg-char-shown')!;
  const pid = shown.pid;
  const nav = shown.ts - shownAt * 1000;
  const editable = mark('wg-editable')?.ts ?? shown.ts;
  const mainTid = traceEvents.find((e) => e.ph === 'M' && e.pid === pid && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')!.tid;
  const main = traceEvents.filter((e) => e.pid === pid && e.tid === mainTid && e.ph === 'X' && e.dur !== undefined);
  const at = (ts: number) => ms(ts - nav);

  // Requests: start (ResourceSendRequest) → finish (ResourceFinish), by request id.
  const sent = new Map<string, { name: string; ts: number }>();
  const lines: string[] = [];
  for (const e of traceEvents) {
    const d = (e.args?.data ?? {}) as { requestId?: string; url?: string };
    if (e.pid !== pid) continue;
    if (e.name === 'ResourceSendRequest' && d.requestId && d.url?.startsWith('http://127.0.0.1')) {
      const u = new URL(d.url);
      sent.set(d.requestId, { name: u.pathname.includes('/api/') ? `api ${u.pathname.split('/').pop()}` : (u.pathname.split('/').pop() || 'page'), ts: e.ts });
    }
    if (e.name === 'ResourceFinish' && d.requestId && sent.has(d.requestId)) {
      const s = sent.get(d.requestId)!;
      lines.push(`${at(s.ts)} → ${at(e.ts)} ms  ${s.name}`);
      sent.delete(d.requestId);
    }
  }
  for (const s of sent.values()) lines.push(`${at(s.ts)} →   ... ms  ${s.name} (open)`);
  // The bundle's run: the longest module evaluation (v8.evaluateModule / EvaluateScript) on the main thread.
  const runs = main.filter((e) => e.name === 'v8.evaluateModule' || e.name === 'EvaluateScript').sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0));
  if (runs[0]) lines.push(`${at(runs[0].ts)} → ${at(runs[0].ts + runs[0].dur!)} ms  (main thread) the bundle's module run`);
  lines.push(`        ${at(editable)} ms  editor editable`, `        ${at(shown.ts)} ms  character shown`);
  process.stdout.write(`${lines.sort().join('\n')}\n\n`);
  const js = jsSamples(traceEvents, pid, mainTid);
  return {
    toEditable: { events: breakdown(main, nav, editable), js: jsTime(js, nav, editable), ms: (editable - nav) / 1000 },
    toChar: { events: breakdown(main, editable, shown.ts), js: jsTime(js, editable, shown.ts), ms: (shown.ts - editable) / 1000 },
  };
}

function printMean(title: string, runs: Spans[], key: keyof Spans): void {
  const mean = (pick: (s: Spans) => Map<string, number>) => {
    const sum = new Map<string, number>();
    for (const r of runs) for (const [k, v] of pick(r)) sum.set(k, (sum.get(k) ?? 0) + v / runs.length);
    return [...sum].sort((a, b) => b[1] - a[1]);
  };
  const span = runs.reduce((a, r) => a + r[key].ms, 0) / runs.length;
  process.stdout.write(`### ${title}: mean ${span.toFixed(0)} ms — main thread self time by event (ms)\n`);
  for (const [k, v] of mean((r) => r[key].events).slice(0, Number(process.env.TRACE_ROWS ?? 14))) process.stdout.write(`${ms(v)}  ${k}\n`);
  process.stdout.write(`  JavaScript samples by the app's outermost function, else package (ms):\n`);
  for (const [k, v] of mean((r) => r[key].js).slice(0, Number(process.env.TRACE_JS_ROWS ?? 14))) process.stdout.write(`  ${ms(v)}  ${k}\n`);
}

async function main(): Promise<void> {
  const launches = Number(process.argv[2] ?? 3);
  const which = process.argv[3] ?? 'both';
  const bare = await serveStatic(await buildBare());
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    await firstCharacter(browser, bare.url); // warm the browser's caches alike for both, as the bench does
    for (const name of ['wengao', 'bare'] as const) {
      if (which !== 'both' && which !== name) continue;
      const runs: Spans[] = [];
      for (let i = 0; i < launches; i++) {
        process.stdout.write(`## ${name}, launch ${i + 1}: page clock (ms from navigation)\n`);
        if (name === 'bare') runs.push(await traceLaunch(browser, bare.url));
        else {
          const harness = await startWebHarness([], undefined, path.join(BUILD, 'harness.cjs'));
          try {
            runs.push(await traceLaunch(browser, harness.url));
          } finally {
            await harness.stop();
          }
        }
      }
      printMean(`${name}, navigation → editor editable`, runs, 'toEditable');
      printMean(`${name}, editor editable → character shown`, runs, 'toChar');
      process.stdout.write('\n');
    }
  } finally {
    await browser.close();
    bare.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`trace failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});

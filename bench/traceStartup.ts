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
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, startWebHarness } from '../test/support/browser';
import { firstCharacter } from './startup';
import { breakdown, jsSamples, jsTime, mainThread, meanTimes, readTrace, SourceMaps, TRACE_CATEGORIES } from './trace';
import { buildBare, serveStatic } from './typing';

const CATEGORIES = [...TRACE_CATEGORIES, 'v8.execute', 'loading'];

/** TRACE_BUILD=<another build's build/app folder>: trace that build's harness instead (e.g. main's, to compare). */
const BUILD = path.resolve(process.env.TRACE_BUILD ?? path.join(__dirname, '..', 'build', 'app'));
/** Script positions are looked up in the traced build's source maps. */
const SOURCES = new SourceMaps(BUILD);

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
  const traceEvents = readTrace(trace);
  const mark = (name: string) => traceEvents.find((e) => e.name === name && e.cat.includes('blink.user_timing'));
  const shown = mark('wg-char-shown')!;
  const pid = shown.pid;
  const nav = shown.ts - shownAt * 1000;
  const editable = mark('wg-editable')?.ts ?? shown.ts;
  const { tid: mainTid, events: main } = mainThread(traceEvents, pid);
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
  const js = jsSamples(traceEvents, pid, mainTid, { sources: SOURCES });
  return {
    toEditable: { events: breakdown(main, nav, editable), js: jsTime(js, nav, editable), ms: (editable - nav) / 1000 },
    toChar: { events: breakdown(main, editable, shown.ts), js: jsTime(js, editable, shown.ts), ms: (shown.ts - editable) / 1000 },
  };
}

function printMean(title: string, runs: Spans[], key: keyof Spans): void {
  const mean = (pick: (s: Spans) => Map<string, number>) => meanTimes(runs.map(pick));
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

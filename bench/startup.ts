/**
 * Startup: from launch to a typed character on screen, Wengao (web harness, every plugin) against
 * a bare Lexical page. Two figures: the page's own time (navigation start → the editor takes a
 * character and shows it, in the page's clock), and the whole launch for Wengao (spawning the
 * harness process → the character shown, wall clock), against the bare page's whole launch
 * (its static server is already up, so only the page counts there).
 */
import path from 'node:path';
import { performance as clock } from 'node:perf_hooks';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, startWebHarness, type RunningHarness } from '../test/support/browser';
import { buildBare, serveStatic } from './typing';
import { fmtMs, median, printTable, ratio } from './table';

const ROUNDS = Number(process.env.BENCH_STARTUP_ROUNDS ?? 5);
/** A typed character not shown after this long was dropped. */
const LOST_AFTER_MS = 5_000;
let lostCharacters = 0;
let droppedBy = '';

/**
 * Opens `url` in a new page, types one character as soon as the editor takes input; the page's time
 * to show it (also marked `wg-char-shown` in the page's timeline, for bench/traceStartup.ts).
 * `hooks.before` runs on the new page before it navigates (a trace started there covers the whole
 * start), `hooks.after` once the character is shown, before the page closes.
 */
export async function firstCharacter(
  browser: Browser,
  url: string | (() => Promise<string>),
  hooks: { before?: (page: Page) => Promise<void>; after?: () => Promise<void> } = {},
): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await hooks.before?.(page);
    await page.goto(typeof url === 'string' ? url : await url(), { waitUntil: 'commit' });
    // Checked in every animation frame and focused there and then: Playwright's waitForSelector
    // polls ever more slowly (up to every 500 ms) and a locator's focus() is a round trip more,
    // which measured Playwright more than the page.
    await page.waitForFunction(
      () => {
        const editor = document.querySelector<HTMLElement>('[data-testid=editor][contenteditable=true]');
        editor?.focus();
        return editor !== null;
      },
      undefined,
      { timeout: 60_000, polling: 'raf' },
    );
    await page.keyboard.insertText('文');
    const shown = (timeout: number) =>
      page.waitForFunction(() => document.querySelector('[data-testid=editor]')?.textContent?.includes('文') && window.performance.mark('wg-char-shown').startTime, undefined, {
        timeout,
        polling: 'raf',
      });
    // A character typed in the very first frames may be dropped (counted, then typed again).
    const first = await shown(LOST_AFTER_MS).catch(() => null);
    if (!first) {
      lostCharacters++;
      await page.keyboard.insertText('文');
    }
    const at = (await (first ?? (await shown(60_000))).jsonValue()) as number;
    await hooks.after?.();
    return at;
  } finally {
    await page.close();
  }
}

/**
 * One launch of a build's web harness: the page's time and the whole launch's (the browser's tab
 * is opened first, as a window is there when an app starts: the harness is spawned after).
 */
async function launchOnce(browser: Browser, harnessPath: string | undefined): Promise<{ page: number; launch: number }> {
  let [spawned, shown] = [0, 0];
  let harness: RunningHarness | null = null;
  try {
    const page = await firstCharacter(
      browser,
      async () => {
        spawned = clock.now();
        harness = await startWebHarness([], undefined, harnessPath);
        return harness.url;
      },
      { after: async () => void (shown = clock.now()) },
    );
    return { page, launch: shown - spawned };
  } finally {
    await (harness as RunningHarness | null)?.stop();
  }
}

/**
 * BENCH_STARTUP_BEFORE=<another build's build/app folder> (e.g. main's, built elsewhere): that
 * build is launched too, alternately with this one, so a change is measured against its
 * predecessor under the same load.
 */
export async function benchStartup(): Promise<void> {
  const bare = await serveStatic(await buildBare());
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const beforeDir = process.env.BENCH_STARTUP_BEFORE;
  const ours: Array<{ page: number; launch: number }> = [];
  const before: Array<{ page: number; launch: number }> = [];
  const base: number[] = [];
  try {
    await firstCharacter(browser, bare.url); // warm the browser's caches alike for both
    const dropped = { before: 0, ours: 0, bare: 0 };
    const counting = async <T>(key: keyof typeof dropped, run: () => Promise<T>): Promise<T> => {
      const was = lostCharacters;
      const out = await run();
      dropped[key] += lostCharacters - was;
      return out;
    };
    for (let r = 0; r < ROUNDS; r++) {
      if (beforeDir) before.push(await counting('before', () => launchOnce(browser, path.resolve(beforeDir, 'harness.cjs'))));
      ours.push(await counting('ours', () => launchOnce(browser, undefined)));
      base.push(await counting('bare', () => firstCharacter(browser, bare.url)));
    }
    droppedBy = `Wengao ${dropped.ours}, bare ${dropped.bare}${beforeDir ? `, build before ${dropped.before}` : ''}`;
  } finally {
    await browser.close();
    bare.close();
  }
  const page = median(ours.map((o) => o.page));
  const launch = median(ours.map((o) => o.launch));
  const rows = [
    { figure: 'page: navigation → character shown', ours: fmtMs(page), baseline: `${fmtMs(median(base))} (bare Lexical page)`, ratio: ratio(page, median(base)) },
    { figure: 'launch: harness spawned → character shown', ours: fmtMs(launch), baseline: `${fmtMs(median(base))} (bare page, server up)`, ratio: ratio(launch, median(base)) },
  ];
  if (beforeDir) {
    const [bp, bl] = [median(before.map((o) => o.page)), median(before.map((o) => o.launch))];
    rows.push(
      { figure: 'page, against the build before', ours: fmtMs(page), baseline: `${fmtMs(bp)} (${ratio(bp, median(base))} bare)`, ratio: ratio(page, bp) },
      { figure: 'launch, against the build before', ours: fmtMs(launch), baseline: fmtMs(bl), ratio: ratio(launch, bl) },
    );
  }
  printTable(`Startup to a typed character (${ROUNDS} launches each, median; first characters dropped: ${droppedBy})`, rows);
}

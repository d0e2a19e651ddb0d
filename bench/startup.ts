/**
 * Startup: from launch to a typed character on screen, Wengao (web harness, every plugin) against
 * a bare Lexical page. Two figures: the page's own time (navigation start → the editor takes a
 * character and shows it, in the page's clock), and the whole launch for Wengao (spawning the
 * harness process → the character shown, wall clock), against the bare page's whole launch
 * (its static server is already up, so only the page counts there).
 */
import { performance as clock } from 'node:perf_hooks';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, startWebHarness } from '../test/support/browser';
import { buildBare, serveStatic } from './typing';
import { fmtMs, median, printTable, ratio } from './table';

const ROUNDS = Number(process.env.BENCH_STARTUP_ROUNDS ?? 5);

/** Opens `url` in a new page, types one character as soon as the editor takes input; the page's time to show it. */
async function firstCharacter(browser: Browser, url: string): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForSelector('[data-testid=editor][contenteditable=true]', { timeout: 60_000 });
    await page.locator('[data-testid=editor]').focus();
    await page.keyboard.insertText('文');
    await page.waitForFunction(() => document.querySelector('[data-testid=editor]')?.textContent?.includes('文'), undefined, { timeout: 60_000, polling: 'raf' });
    return await page.evaluate(() => window.performance.now());
  } finally {
    await page.close();
  }
}

export async function benchStartup(): Promise<void> {
  const bare = await serveStatic(await buildBare());
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const ours: number[] = [];
  const oursLaunch: number[] = [];
  const base: number[] = [];
  try {
    await firstCharacter(browser, bare.url); // warm the browser's caches alike for both
    for (let r = 0; r < ROUNDS; r++) {
      const t0 = clock.now();
      const harness = await startWebHarness();
      try {
        ours.push(await firstCharacter(browser, harness.url));
        oursLaunch.push(clock.now() - t0);
      } finally {
        await harness.stop();
      }
      base.push(await firstCharacter(browser, bare.url));
    }
  } finally {
    await browser.close();
    bare.close();
  }
  printTable(`Startup to a typed character (${ROUNDS} launches each, median)`, [
    { figure: 'page: navigation → character shown', ours: fmtMs(median(ours)), baseline: `${fmtMs(median(base))} (bare Lexical page)`, ratio: ratio(median(ours), median(base)) },
    { figure: 'launch: harness spawned → character shown', ours: fmtMs(median(oursLaunch)), baseline: `${fmtMs(median(base))} (bare page, server up)`, ratio: ratio(median(oursLaunch), median(base)) },
  ]);
}

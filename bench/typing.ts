/**
 * Typing latency: time from a keydown to the end of the next frame, in a 200,000-character
 * document, in Wengao (web harness, all plugins) and in a bare Lexical editor with no plugins.
 *
 * Chromium runs with the frame-rate limit off, so "the next frame" is produced as soon as the
 * work is done instead of at the next 60 Hz vsync (which would add 0–16.7 ms of waiting to
 * every sample, the same for both editors, and drown the difference). A frame's end is taken
 * as the first task after its requestAnimationFrame callbacks (a MessageChannel message).
 */
import http from 'node:http';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { build } from 'vite';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, closeApp, openApp, pasteText, startWebHarness } from '../test/support/browser';
import { generateDocumentText } from './corpus';
import { fmtMs, median, percentile, printTable, ratio } from './table';

const ROOT = path.resolve(__dirname, '..');
const DOC_CHARS = 200_000;
const KEYS = Number(process.env.BENCH_KEYS ?? 300);

export function buildBare(): Promise<string> {
  return buildPage('bare');
}

/** Builds the page in bench/<name> (an index.html and its script) into build/bench/<name>. */
export async function buildPage(name: string): Promise<string> {
  const outDir = path.join(ROOT, 'build', 'bench', name);
  await build({
    configFile: false,
    root: path.join(__dirname, name),
    base: './',
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, target: 'chrome130', modulePreload: { polyfill: false } },
  });
  return outDir;
}

export function serveStatic(dir: string): Promise<{ url: string; close(): void }> {
  const server = http.createServer(async (req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.join(dir, rel);
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    try {
      const body = await fs.readFile(file);
      res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html; charset=utf-8' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() })),
  );
}

/** Pastes the document as a user would (Ctrl+V of plain text). */
export async function pasteDocument(page: Page, text: string): Promise<void> {
  await page.locator('[data-testid=editor]').click();
  await pasteText(page, text);
  await page.waitForFunction((n) => (document.querySelector('[data-testid=editor]')?.textContent?.length ?? 0) >= n, text.length * 0.95, { timeout: 120_000 });
}

/** Puts the caret at the end of the paragraph nearest the middle (that matches `pattern`, if given) of the `blocks`. */
export async function caretToMiddle(page: Page, pattern = '', blocks = '[data-testid=editor] > p, [data-testid=editor] > .wg-blocks > p'): Promise<void> {
  await page.evaluate(([src, selector]) => {
    const re = new RegExp(src);
    const ps = [...document.querySelectorAll<HTMLElement>(selector)];
    const mid = Math.floor(ps.length / 2);
    let p = ps[mid]!;
    for (let d = 0; d < ps.length; d++) {
      const c = ps[mid + d] ?? ps[mid - d];
      if (c && re.test(c.textContent ?? '')) {
        p = c;
        break;
      }
    }
    p.scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.selectNodeContents(p);
    range.collapse(false);
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
  }, [pattern, blocks] as const);
  await page.waitForTimeout(200);
}

/**
 * Keydown → next frame for `keys` letters typed at a brisk pace; with `pause`, the typist stops
 * for `pause.ms` after every `pause.every` keys (the work that waits for a pause then runs).
 */
export async function measureTyping(page: Page, keys = KEYS, pause?: { every: number; ms: number }): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __lat: number[] };
    w.__lat = [];
    document.addEventListener(
      'keydown',
      (e) => {
        const t0 = e.timeStamp;
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => {
            const lat = performance.now() - t0;
            // A user-timing mark per frame end (after the figure is taken), for bench/traceTyping.ts.
            performance.mark(`fe${w.__lat.length}`, { detail: lat });
            w.__lat.push(lat);
          };
          ch.port2.postMessage(0);
        });
      },
      true,
    );
  });
  const letters = 'abcdefghij';
  for (let i = 0; i < keys; i++) {
    await page.keyboard.press(letters[i % letters.length]!);
    await page.waitForFunction((n) => (window as unknown as { __lat: number[] }).__lat.length >= n, i + 1);
    await page.waitForTimeout(30); // a brisk typist: 20-30 keys a second at most
    if (pause && (i + 1) % pause.every === 0) await page.waitForTimeout(pause.ms);
  }
  return page.evaluate(() => (window as unknown as { __lat: number[] }).__lat);
}

export async function benchTyping(): Promise<void> {
  const text = generateDocumentText(DOC_CHARS);
  const bareDir = await buildBare();
  const bare = await serveStatic(bareDir);
  const harness = await startWebHarness();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, '--disable-frame-rate-limit', '--disable-gpu-vsync'] });
  try {
    const results: Record<string, number[]> = {};
    // Alternate the two editors so that machine noise hits both alike.
    for (let round = 0; round < 2; round++) {
      for (const [name, url] of [
        ['wengao', harness.url],
        ['bare', bare.url],
      ] as const) {
        // Wengao's page opens without the backup the previous round's typing left (openApp
        // discards it) and closes with nothing in flight (closeApp), so no restore dialog.
        const page = name === 'wengao' ? (await openApp(browser, url)).page : await browser.newPage({ viewport: { width: 1280, height: 900 } });
        if (name === 'bare') await page.goto(url);
        await page.waitForSelector('[data-testid=editor]');
        await pasteDocument(page, text);
        await caretToMiddle(page);
        const lat = await measureTyping(page);
        (results[name] ??= []).push(...lat.slice(20)); // each round opens a fresh page: its first keys warm the JIT
        if (name === 'wengao') await closeApp(page);
        else await page.close();
      }
    }
    const ours = results.wengao!;
    const base = results.bare!;
    printTable(`Typing latency, keydown → next frame, ${text.length.toLocaleString()}-character document (${ours.length} keys each)`, [
      { figure: 'median', ours: fmtMs(median(ours)), baseline: fmtMs(median(base)), ratio: ratio(median(ours), median(base)), goal: '≤ 1.1× bare' },
      { figure: 'p95', ours: fmtMs(percentile(ours, 95)), baseline: fmtMs(percentile(base, 95)), ratio: ratio(percentile(ours, 95), percentile(base, 95)), goal: '< 16 ms' },
      { figure: 'max', ours: fmtMs(Math.max(...ours)), baseline: fmtMs(Math.max(...base)), ratio: ratio(Math.max(...ours), Math.max(...base)) },
    ]);
  } finally {
    await browser.close();
    await harness.stop();
    bare.close();
  }
}

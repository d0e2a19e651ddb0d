/**
 * End-to-end support: the built web harness as a child process and Debian's Chromium driven by
 * playwright-core (never a downloaded browser).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CHROMIUM = process.env.WENGAO_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface RunningHarness {
  url: string;
  userData: string;
  process: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `node build/app/harness.cjs` (or the harness of another build: `harness`) and resolves with the URL it prints. */
export function startWebHarness(extraArgs: string[] = [], userData = mkdtempSync(path.join(os.tmpdir(), 'wengao-e2e-')), harness = path.join(ROOT, 'build/app/harness.cjs')): Promise<RunningHarness> {
  const child = spawn(process.execPath, [harness, '--port', '0', '--user-data', userData, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`harness did not start: ${stderr}`)), 20_000);
    child.stdout!.on('data', (d) => {
      out += d;
      const line = out.split('\n')[0]!;
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve({
          url: line.trim(),
          userData,
          process: child,
          stop: (signal = 'SIGTERM') =>
            new Promise<void>((r) => {
              if (child.exitCode !== null || child.signalCode !== null) return r();
              child.once('exit', () => r());
              child.kill(signal);
            }),
        });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`harness exited (${code}): ${stderr}`));
    });
  });
}

export function launchChromium(env?: NodeJS.ProcessEnv): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, ...(env ? { env } : {}) });
}

/** Opens the app and waits until the editor is ready; collects console errors and CSP violations. */
/** Calls the harness's API from the test (the token is in the URL). */
export async function callApi(url: string, name: string, args: unknown[] = []): Promise<unknown> {
  const u = new URL(url);
  const res = await fetch(new URL(`./api/${name}`, u), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wengao-token': u.searchParams.get('token') ?? '' },
    body: JSON.stringify(args),
  });
  const env = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!env.ok) throw new Error(`${name}: ${env.error?.message}`);
  return env.value;
}

/**
 * Opens the app and waits until the editor is ready; collects console errors and CSP violations.
 * Unless `keepBackups`, first discards the backups an earlier page on the same backend left
 * (a closed page is a "crash" to the app, which would offer to restore them).
 */
export async function openApp(browser: Browser, url: string, opts: { keepBackups?: boolean; beforeLoad?: (page: Page) => Promise<void> } = {}): Promise<{ page: Page; errors: string[] }> {
  if (!opts.keepBackups) {
    for (const b of (await callApi(url, 'listBackups')) as Array<{ id: string }>) await callApi(url, 'discardBackup', [b.id]);
  }
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await opts.beforeLoad?.(page); // e.g. routes that hold a request back
  await page.goto(url);
  await page.waitForSelector('[data-testid=editor][contenteditable=true]');
  return { page, errors };
}

/**
 * Closes a page of the app so that nothing it started can reach the backend afterwards: it may
 * send no new request (a backup timer firing now is refused in the page), and every request it
 * sent has been answered. Without this, a backup still in flight when the page closed could be
 * written after the next page's `openApp` discarded the backups, and greet that page with
 * "上次没有正常关闭".
 */
export async function closeApp(page: Page): Promise<void> {
  if (page.isClosed()) return;
  await page.evaluate(() => {
    window.fetch = () => Promise.reject(new Error('the page is closing'));
  });
  await page.waitForFunction(() => {
    const r = (window as unknown as { __wengaoRequests?: Requests }).__wengaoRequests;
    return r === undefined || Object.keys(r.sent).every((k) => r.sent[k] === r.answered[k]);
  });
  await page.close();
}

export const editor = (page: Page) => page.locator('[data-testid=editor]');

/** The document's blocks (paragraphs and tables) on the page; the editor holds them in groups (.wg-blocks). */
export const BLOCK = '[data-testid=editor] > .wg-blocks > *';
/** The document's top-level paragraphs on the page. */
export const PARAGRAPH = '[data-testid=editor] > .wg-blocks > p';

/** Plain text of the document as the user sees it, one entry per paragraph. */
export function paragraphs(page: Page): Promise<string[]> {
  return page.$$eval(BLOCK, (els) => els.map((e) => (e as HTMLElement).innerText.replace(/\n$/, '')));
}

/**
 * Types through a simulated IME: a composition is updated step by step, then committed with
 * insertText, as a Chinese Pinyin IME does.
 */
export async function imeType(page: Page, steps: string[], commit: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  for (const s of steps) {
    await cdp.send('Input.imeSetComposition', { text: s, selectionStart: s.length, selectionEnd: s.length });
  }
  await cdp.send('Input.insertText', { text: commit });
  await cdp.detach();
}

/** Pastes plain text into the editor as Ctrl+V does (one paragraph per line). */
export async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    document.querySelector('[data-testid=editor]')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

export async function wordCount(page: Page): Promise<number> {
  const text = await page.locator('[data-testid=status-wordcount]').innerText();
  return Number(/(\d+)/.exec(text)![1]);
}

/** The web harness's count of requests by call name (renderer/api.ts). */
interface Requests {
  sent: Record<string, number>;
  answered: Record<string, number>;
  /** Requests the page will make once a pause has passed (renderer/api.ts requestWhenQuiet). */
  waiting: Record<string, number>;
}

/**
 * Waits until the page has painted a frame and run the task queued behind it (where the app
 * starts work after a keystroke), the requests it makes once typing pauses are made, every request
 * it sent is answered, and once more a frame has been painted with the answers. Then whatever that
 * work could have shown is on the page: the signal to wait for before checking that something did
 * NOT appear.
 */
export async function settled(page: Page): Promise<void> {
  const frameAndTask = () =>
    new Promise<void>((resolve) =>
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve();
        ch.port2.postMessage(null);
      }),
    );
  await page.evaluate(frameAndTask);
  await page.waitForFunction(() => {
    const r = (window as unknown as { __wengaoRequests?: Requests }).__wengaoRequests;
    return r !== undefined && Object.values(r.waiting).every((n) => n === 0) && Object.keys(r.sent).every((k) => r.sent[k] === r.answered[k]);
  });
  await page.evaluate(frameAndTask);
}

/** How many requests of one API call the page has had answered. */
export function answeredRequests(page: Page, name: string): Promise<number> {
  return page.evaluate((n) => (window as unknown as { __wengaoRequests?: Requests }).__wengaoRequests?.answered[n] ?? 0, name);
}

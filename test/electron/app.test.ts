/**
 * The packaged-shell behaviour that only a real Electron can show: the sandboxed window, the
 * app:// protocol with its CSP, the preload's API, the Chinese menu and the close handshake.
 * Runs where an Electron binary exists (WENGAO_ELECTRON_PATH, or node_modules/electron/dist);
 * elsewhere it is reported as skipped, with the reason. Never `require('electron')` here: that
 * would try to download the binary.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

function electronBinary(): string | null {
  if (process.env.WENGAO_ELECTRON_PATH) return existsSync(process.env.WENGAO_ELECTRON_PATH) ? process.env.WENGAO_ELECTRON_PATH : null;
  const dir = path.join(root, 'node_modules/electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const exe = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? exe : null;
}

const exe = electronBinary();
const skipReason = exe ? '' : ' [skipped: no Electron binary here (offline machine); set WENGAO_ELECTRON_PATH to run]';
if (!exe) console.warn(`electron e2e${skipReason}`);

describe.skipIf(!exe)(`Electron shell${skipReason}`, () => {
  let app: ElectronApplication;
  let win: Page;

  beforeAll(async () => {
    const userData = mkdtempSync(path.join(os.tmpdir(), 'wengao-electron-'));
    app = await electron.launch({
      executablePath: exe!,
      args: [root, `--user-data-dir=${userData}`],
      env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
    });
    win = await app.firstWindow();
    await win.waitForSelector('[data-testid=editor]');
  });

  afterAll(async () => {
    await app?.close().catch(() => {});
  });

  it('loads the app from app:// in a sandboxed, isolated renderer', async () => {
    expect(win.url()).toBe('app://wengao/index.html');
    expect(await win.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await win.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    const calls = await win.evaluate(() => Object.keys((window as unknown as { wengao?: object }).wengao ?? {}).sort());
    expect(calls).toContain('getSettings');
    expect(calls).toContain('on');
  });

  it('serves the strict CSP and blocks inline script', async () => {
    const blocked = await win.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.head.append(s);
      return (window as unknown as { __inline?: number }).__inline === undefined;
    });
    expect(blocked).toBe(true);
  });

  it('denies navigation and new windows', async () => {
    // Denied at once: window.open gives nothing back.
    expect(await win.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    // The navigation is asked for (the signal), then refused by the app's handler.
    const asked = app.evaluate(({ BrowserWindow }) => new Promise<string>((resolve) => BrowserWindow.getAllWindows()[0]!.webContents.once('will-navigate', (_e, url) => resolve(url))));
    await win.evaluate(() => {
      location.href = 'https://example.com/';
    });
    expect(await asked).toBe('https://example.com/');
    expect(app.windows()).toHaveLength(1);
    expect(win.url()).toBe('app://wengao/index.html');
  });

  it('has the Chinese menu with Word shortcuts', async () => {
    const labels = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((i) => i.label));
    expect(labels).toEqual(['文件(&F)', '编辑(&E)', '格式(&O)', '视图(&V)', '帮助(&H)']);
  });

  it('asks before closing a window with unsaved changes', async () => {
    await win.click('[data-testid=editor]');
    await win.keyboard.insertText('未保存的内容');
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle())).toBe('*未命名文稿 - 文稿');
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
    await win.waitForSelector('[data-testid=dialog]');
    expect(await win.locator('[data-testid=dialog]').innerText()).toContain('是否保存');
    await win.click('[data-testid=dialog-cancel]');
    expect(app.windows()).toHaveLength(1);
  });
});

/**
 * The built main process (build/app/main.cjs, exactly as `npm start` and the installers run it),
 * loaded in plain Node with a recording stand-in for `electron` (test/support/fakeElectron.ts).
 * Checks the wiring end to end: the sandboxed window, the app:// handler and its CSP, every call
 * of the API contract bound to ipcMain and validated, the session's guards, the menu, the close
 * handshake, the single-instance lock and a second launch with a file; and the built preload
 * (build/app/preload.cjs) in the same stand-in, its window.wengao reaching main's handlers.
 * The pieces (security.ts, ipc.ts, closeGuard.ts) have their own tests; this one proves main.ts
 * puts them together. Needs `npm run build` (npm test builds first).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNEL_PREFIX, IPC_EVENT_PREFIX, apiCalls, type ApiCallName, type Envelope } from '../../../shared/api/contract';
import { defaultSettings } from '../../../shared/settings';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/security';
import { createFakeElectron, fakeEvent, loadBundle, type FakeElectron, type FakeWebContents, type FakeWindow } from '../../support/fakeElectron';

const root = path.resolve(__dirname, '../../..');
const appDir = path.join(root, 'build', 'app');
const bundle = path.join(appDir, 'main.cjs');
/** The contract's calls, from the contract itself: a call added there is covered here. */
const CALLS = Object.keys(apiCalls) as ApiCallName[];

const appFrame = { url: 'app://wengao/index.html', parent: null };
const FOREIGN_FRAMES = {
  'a web page': { url: 'https://evil.example/', parent: null },
  'an iframe of the app': { url: 'app://wengao/index.html', parent: appFrame },
  'another app:// host': { url: 'app://evil/index.html', parent: null },
  'a file:// page': { url: `file://${appDir}/renderer/index.html`, parent: null },
  'no frame (destroyed)': null,
};

function requireBuilt(): void {
  for (const f of [bundle, path.join(appDir, 'preload.cjs'), path.join(appDir, 'renderer', 'index.html')]) {
    if (!existsSync(f)) throw new Error(`${path.relative(root, f)} is missing: run \`npm run build\` first`);
  }
}

interface Launch {
  fake: FakeElectron;
  userData: string;
  documents: string;
}

const tmpDirs: string[] = [];
function tmp(prefix: string): string {
  const d = mkdtempSync(path.join(os.tmpdir(), prefix));
  tmpDirs.push(d);
  return d;
}

/** Loads the bundle as a launch with `args` on its command line (in a new user-data folder unless given). */
function launch(args: string[], singleInstanceLock = true, userData = tmp('wengao-main-ud-')): Launch {
  requireBuilt();
  const documents = tmp('wengao-main-docs-');
  const fake = createFakeElectron({ userData, documents, singleInstanceLock });
  loadBundle(bundle, fake, [process.execPath, appDir, ...args]);
  return { fake, userData, documents };
}

/** Makes the app ready and waits for its window (created at the end of start()). */
async function startApp(l: Launch, timeout = 20_000): Promise<FakeWindow> {
  l.fake.ready();
  await vi.waitFor(() => expect(l.fake.windows).toHaveLength(1), { timeout, interval: 20 });
  return l.fake.windows[0]!;
}

async function invoke(fake: FakeElectron, name: string, frame: unknown, ...args: unknown[]): Promise<Envelope<unknown>> {
  const handler = fake.ipcHandlers.get(IPC_CHANNEL_PREFIX + name);
  if (!handler) throw new Error(`no ipcMain handler for ${name}`);
  return (await handler({ senderFrame: frame as typeof appFrame }, ...args)) as Envelope<unknown>;
}

async function call(fake: FakeElectron, name: ApiCallName, ...args: unknown[]): Promise<unknown> {
  const r = await invoke(fake, name, appFrame, ...args);
  if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/** Arguments the contract refuses for `name`: a wrong type, or one argument too many. */
function badArguments(name: ApiCallName): unknown[] {
  const schema = apiCalls[name].args;
  const candidates: unknown[][] = [[42], ['relative/报告.docx'], [null], [{ unexpected: true }], ['extra argument']];
  const bad = candidates.find((args) => !schema.safeParse(args).success);
  if (!bad) throw new Error(`no bad argument found for ${name}`);
  return bad;
}

const events = (wc: FakeWebContents, event: string) => wc.sent.filter(([ch]) => ch === IPC_EVENT_PREFIX + event).map(([, p]) => p);

/** The recorded listener of a webContents event (the first one main.ts added). */
function listener(wc: FakeWebContents, event: string): (...a: unknown[]) => void {
  const l = wc.listeners(event)[0];
  if (!l) throw new Error(`no '${event}' listener on the window's webContents`);
  return l as (...a: unknown[]) => void;
}

/** The first launch's user-data folder, for the next launch to find what it remembered. */
let firstUserData: string | null = null;

afterAll(() => {
  for (const d of tmpDirs) rmSync(d, { recursive: true, force: true });
});

describe('the main bundle, launched with a document on its command line', () => {
  let l: Launch;
  let win: FakeWindow;
  let launchFile: string;
  let beforeReady: { apis: string[]; windows: number; ipcHandlers: number; protocolHandlers: number; schemes: unknown[] };
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

  beforeAll(async () => {
    const dir = tmp('wengao-main-files-');
    launchFile = path.join(dir, '启动时打开.txt');
    writeFileSync(launchFile, '关于开展安全生产检查的通知\n一、检查范围\n', 'utf8');
    l = launch(['--no-sandbox', launchFile, 'not-a-document.exe']);
    firstUserData = l.userData;
    beforeReady = {
      apis: l.fake.calls.map((c) => c.api),
      windows: l.fake.windows.length,
      ipcHandlers: l.fake.ipcHandlers.size,
      protocolHandlers: l.fake.protocolHandlers.size,
      schemes: [...l.fake.module.protocol.privilegedSchemes],
    };
    // Starting (settings, the suggestion worker) can take a while on a busy machine: here, under the hook's timeout.
    win = await startApp(l, 50_000);
  });

  afterAll(async () => {
    // Closing the (clean) window ends the app: the settings are flushed, the suggestion worker stopped.
    if (win && !win.isDestroyed()) {
      await call(l.fake, 'setWindowState', { documentName: 'x', dirty: false });
      win.close();
      await vi.waitFor(() => expect(l.fake.module.app.quitCalls).toBeGreaterThan(0), { timeout: 20_000 });
    }
    warn.mockRestore();
  });

  it('before ready: registers app:// as a privileged standard scheme and takes the single-instance lock, nothing else', () => {
    expect(beforeReady.apis).toContain('app.requestSingleInstanceLock');
    expect(beforeReady.schemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: false, corsEnabled: false }) },
    ]);
    expect(beforeReady).toMatchObject({ windows: 0, ipcHandlers: 0, protocolHandlers: 0 });
  });

  it('opens one hidden, sandboxed, context-isolated window with the built preload, then loads app://', () => {
    expect(l.fake.windows).toHaveLength(1);
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      navigateOnDragDrop: false,
      preload: path.join(appDir, 'preload.cjs'),
    });
    expect(existsSync(prefs.preload as string)).toBe(true);
    expect(win.options).toMatchObject({ show: false, title: '文稿' });
    expect(win.loadedUrl).toBe('app://wengao/index.html');
    expect(win.visible).toBe(false);
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
  });

  describe('app:// protocol', () => {
    const get = (url: string, method = 'GET') => l.fake.protocolHandlers.get('app')!({ url, method });

    it('serves the built index.html with the strict CSP', async () => {
      for (const url of ['app://wengao/index.html', 'app://wengao/']) {
        const res = await get(url);
        expect(res.status, url).toBe(200);
        expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
        expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(await res.text()).toBe(readFileSync(path.join(appDir, 'renderer', 'index.html'), 'utf8'));
      }
    });

    it('serves the renderer’s scripts with the CSP too', async () => {
      const html = readFileSync(path.join(appDir, 'renderer', 'index.html'), 'utf8');
      const script = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(html)?.[1];
      expect(script, 'index.html names its script').toBeTruthy();
      const res = await get(`app://wengao/${script}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    });

    // main.cjs and preload.cjs sit right beside renderer/: a traversal that worked would serve them.
    it.each([
      'app://wengao/..%2fmain.cjs',
      'app://wengao/%2e%2e%2fmain.cjs',
      'app://wengao/%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
      'app://wengao/..%5cmain.cjs',
      'app://wengao/%2Fetc%2Fpasswd',
      `app://wengao/${encodeURIComponent(path.join(appDir, 'main.cjs'))}`,
      'app://wengao//etc/passwd',
      'app://wengao/index.html%00.js',
      'app://wengao/%E0%A4%A',
      'app://evil/index.html',
      'app://wengao/no-such-file.js',
    ])('refuses %s', async (url) => {
      const res = await get(url);
      expect(res.status).toBe(404);
      expect(await res.text()).toBe('Not found');
    });

    it('refuses anything but GET', async () => {
      expect((await get('app://wengao/index.html', 'POST')).status).toBe(404);
    });
  });

  describe('IPC: the API contract', () => {
    it('binds exactly one ipcMain handler per contract call, and nothing else', () => {
      expect([...l.fake.ipcHandlers.keys()].sort()).toEqual(CALLS.map((n) => IPC_CHANNEL_PREFIX + n).sort());
      expect(l.fake.module.ipcMain.eventNames()).toEqual([]); // no fire-and-forget ipcMain.on channels
    });

    it.each(CALLS)('%s: refuses a bad argument before any service sees it', async (name) => {
      warn.mockClear();
      const r = await invoke(l.fake, name, appFrame, ...badArguments(name));
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid-call' } });
      expect(warn.mock.calls.flat().join('\n')).toContain(`invalid arguments for ${name}`);
    });

    it.each(CALLS)('%s: refuses every sender but the app’s own top frame', async (name) => {
      for (const [what, frame] of Object.entries(FOREIGN_FRAMES)) {
        const r = await invoke(l.fake, name, frame);
        expect(r, what).toEqual({ ok: false, error: { code: 'forbidden', message: 'forbidden sender' } });
      }
    });

    it('a refused call changes nothing: a bad settings patch leaves the settings as they were', async () => {
      const before = await call(l.fake, 'getSettings');
      expect(await invoke(l.fake, 'updateSettings', appFrame, { zoom: 'huge' })).toMatchObject({ ok: false, error: { code: 'invalid-call' } });
      expect(await invoke(l.fake, 'updateSettings', { url: 'https://evil.example/', parent: null }, { zoom: 150 })).toMatchObject({ ok: false });
      expect(await call(l.fake, 'getSettings')).toEqual(before);
    });

    it('runs valid calls against the real services, in the user-data folder Electron gives', async () => {
      expect(await call(l.fake, 'getAppInfo')).toEqual({
        name: 'wengao',
        version: '0.1.0-test',
        shell: 'electron',
        platform: process.platform,
        userDataDir: l.userData,
        documentsDir: l.documents,
      });
      expect(await call(l.fake, 'getSettings')).toEqual(defaultSettings());
      const updated = (await call(l.fake, 'updateSettings', { zoom: 125 })) as { zoom: number };
      expect(updated.zoom).toBe(125);
      // The launch's document (not the switch, not the .exe) waits for the renderer, once.
      expect(await call(l.fake, 'takeStartupFiles')).toEqual([launchFile]);
      expect(await call(l.fake, 'takeStartupFiles')).toEqual([]);
      const opened = (await call(l.fake, 'openDocument', launchFile)) as { name: string; doc: unknown };
      expect(opened.name).toBe('启动时打开.txt');
      expect(JSON.stringify(opened.doc)).toContain('一、检查范围');
    });

    it('asks the native dialogs with the window as their parent', async () => {
      l.fake.dialogAnswers.open = { canceled: false, filePaths: [launchFile] };
      expect(await call(l.fake, 'chooseOpenPath', {})).toBe(launchFile);
      const [parent, options] = l.fake.calls.filter((c) => c.api === 'dialog.showOpenDialog').at(-1)!.args as [unknown, { title: string }];
      expect(parent).toBe(win);
      expect(options.title).toBe('打开');
      l.fake.dialogAnswers.open = { canceled: true, filePaths: [] };
      expect(await call(l.fake, 'chooseOpenPath', {})).toBeNull();
    });
  });

  it('prints the window’s page to PDF for 导出 PDF, only to a .pdf path', async () => {
    const pdf = path.join(l.documents, '通知.pdf');
    expect(await call(l.fake, 'exportPdf', { path: pdf })).toEqual({ path: pdf, bytes: 15 });
    expect(readFileSync(pdf, 'latin1')).toMatch(/^%PDF-/);
    const wrong = await invoke(l.fake, 'exportPdf', appFrame, { path: path.join(l.documents, '通知.docx') });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'bad-extension' } });
    expect(existsSync(path.join(l.documents, '通知.docx'))).toBe(false);
  });

  it('remembers where the window was moved, for the next start', async () => {
    win.bounds = { x: 120, y: 80, width: 1100, height: 760 };
    win.emit('move');
    win.emit('resize');
    const stateFile = path.join(l.userData, 'state.json');
    await vi.waitFor(
      () => {
        const state = existsSync(stateFile) ? (JSON.parse(readFileSync(stateFile, 'utf8')) as { windowBounds?: unknown }) : {};
        expect(state.windowBounds).toEqual({ x: 120, y: 80, width: 1100, height: 760, maximized: false });
      },
      { timeout: 20_000, interval: 50 },
    );
  });

  describe('the preload bundle, in the same stand-in', () => {
    type Bridge = Record<string, (...a: unknown[]) => Promise<Envelope<unknown>>> & {
      on(event: string, listener: (payload: unknown) => void): () => void;
    };
    let bridge: Bridge;

    beforeAll(() => {
      loadBundle(path.join(appDir, 'preload.cjs'), l.fake);
      bridge = l.fake.exposed.get('wengao') as Bridge;
    });

    it('exposes window.wengao with exactly the contract’s calls and `on`, and window.wengaoFiles', () => {
      expect([...l.fake.exposed.keys()].sort()).toEqual(['wengao', 'wengaoFiles']);
      expect(Object.keys(bridge).sort()).toEqual([...CALLS, 'on'].sort());
      expect(Object.keys(l.fake.exposed.get('wengaoFiles') as object)).toEqual(['pathForFile']);
    });

    it('each call reaches its main-process handler over IPC and comes back as an envelope', async () => {
      expect(await bridge.getAppInfo!()).toMatchObject({ ok: true, value: { shell: 'electron', userDataDir: l.userData } });
      expect(await bridge.listRecentFiles!()).toMatchObject({ ok: true });
      expect(await bridge.statDocument!(launchFile)).toMatchObject({ ok: true, value: { size: expect.any(Number) } });
      expect(await bridge.updateSettings!({ zoom: 'huge' })).toMatchObject({ ok: false, error: { code: 'invalid-call' } });
      expect(await bridge.openDocument!('relative.txt')).toMatchObject({ ok: false, error: { code: 'invalid-call' } });
    });

    it('delivers the events main sends, until unsubscribed; unknown events are refused', () => {
      const got: unknown[] = [];
      const off = bridge.on('openFile', (p) => got.push(p));
      win.webContents.loading = false;
      l.fake.module.app.emit('open-file', fakeEvent(), '/home/u/一.docx');
      off();
      l.fake.module.app.emit('open-file', fakeEvent(), '/home/u/二.docx');
      expect(got).toEqual([{ path: '/home/u/一.docx' }]);
      expect(() => bridge.on('runShell', () => {})).toThrow(/unknown event/);
    });
  });

  describe('session guards', () => {
    it('denies every permission request and check', () => {
      const granted: boolean[] = [];
      for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
        l.fake.sessionGuards.permissionRequest!(win.webContents, p, (g) => granted.push(g));
      }
      expect(granted).toEqual([false, false, false, false, false]);
      expect(l.fake.sessionGuards.permissionCheck!(win.webContents, 'media')).toBe(false);
    });

    it('cancels every request that is not the app’s own', () => {
      const cancel = (url: string) => {
        let r: { cancel: boolean } | undefined;
        l.fake.sessionGuards.beforeRequest!({ url }, (x) => (r = x));
        return r?.cancel;
      };
      expect(cancel('app://wengao/assets/index.js')).toBe(false);
      expect(cancel('data:image/png;base64,AA==')).toBe(false);
      expect(cancel('https://cdn.example/font.woff2')).toBe(true);
      expect(cancel('http://127.0.0.1:8080/api')).toBe(true);
      expect(cancel('file:///etc/passwd')).toBe(true);
      expect(cancel('app://evil/x.js')).toBe(true);
    });

    it('keeps the window on the app: navigation, redirects, webviews and new windows are refused', () => {
      const wc = win.webContents;
      for (const event of ['will-navigate', 'will-redirect']) {
        const away = fakeEvent();
        listener(wc, event)(away, 'https://evil.example/');
        expect(away.defaultPrevented, event).toBe(true);
        const file = fakeEvent();
        listener(wc, event)(file, 'file:///home/u/报告.docx');
        expect(file.defaultPrevented, event).toBe(true);
        const home = fakeEvent();
        listener(wc, event)(home, 'app://wengao/index.html');
        expect(home.defaultPrevented, event).toBe(false);
      }
      const webview = fakeEvent();
      listener(wc, 'will-attach-webview')(webview, {}, {});
      expect(webview.defaultPrevented).toBe(true);
      expect(wc.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
      expect(wc.windowOpenHandler?.({ url: 'app://wengao/index.html' })).toEqual({ action: 'deny' });
    });
  });

  describe('menu', () => {
    it('sets the Chinese application menu; its items send commands to the renderer', () => {
      const template = l.fake.menu.application!.template;
      expect(template.map((m) => m.label)).toEqual(expect.arrayContaining(['文件(&F)', '编辑(&E)', '帮助(&H)']));
      const save = template[0]!.submenu!.find((i) => i.label?.startsWith('保存'));
      expect(save?.accelerator).toBe('CmdOrCtrl+S');
      win.webContents.sent.length = 0;
      save!.click!();
      expect(events(win.webContents, 'command')).toEqual([{ command: 'file.save' }]);
    });

    it('rebuilds the menu when the recent files change', async () => {
      const before = l.fake.calls.filter((c) => c.api === 'Menu.setApplicationMenu').length;
      await call(l.fake, 'clearRecentFiles');
      expect(l.fake.calls.filter((c) => c.api === 'Menu.setApplicationMenu').length).toBeGreaterThan(before);
    });
  });

  describe('a second launch', () => {
    it('while the page loads: its file waits for the renderer to ask', async () => {
      win.webContents.loading = true;
      const other = path.join(l.documents, '第二份.docx');
      l.fake.module.app.emit('second-instance', fakeEvent(), ['/opt/文稿/wengao', '--flag', '第二份.docx'], l.documents);
      expect(events(win.webContents, 'openFile')).toEqual([]);
      expect(await call(l.fake, 'takeStartupFiles')).toEqual([other]);
    });

    it('once loaded: opens its file (resolved against its working folder) and brings the window back', () => {
      win.webContents.loading = false;
      win.minimize();
      win.focused = false;
      win.webContents.sent.length = 0;
      l.fake.module.app.emit('second-instance', fakeEvent(), ['/opt/文稿/wengao', 'sub/通知.txt', 'readme.md'], '/home/u/公文');
      expect(events(win.webContents, 'openFile')).toEqual([{ path: path.resolve('/home/u/公文', 'sub/通知.txt') }]);
      expect(win.isMinimized()).toBe(false);
      expect(win.focused).toBe(true);
    });

    it('a second launch without a file only brings the window back', () => {
      win.webContents.sent.length = 0;
      win.focused = false;
      l.fake.module.app.emit('second-instance', fakeEvent(), ['/opt/文稿/wengao'], '/');
      expect(win.webContents.sent).toEqual([]);
      expect(win.focused).toBe(true);
    });

    it('macOS open-file is taken by the app, not the OS', () => {
      win.webContents.sent.length = 0;
      const e = fakeEvent();
      l.fake.module.app.emit('open-file', e, '/Users/u/报告.wgd');
      expect(e.defaultPrevented).toBe(true);
      expect(events(win.webContents, 'openFile')).toEqual([{ path: '/Users/u/报告.wgd' }]);
    });
  });

  describe('close handshake', () => {
    it('with unsaved changes: the close is held and the renderer asked (保存 / 不保存 / 取消)', async () => {
      await call(l.fake, 'setWindowState', { documentName: '通知.docx', dirty: true });
      expect(win.title).toBe('*通知.docx - 文稿');
      expect(win.documentEdited).toBe(true);
      win.webContents.sent.length = 0;
      win.close();
      expect(win.isDestroyed()).toBe(false);
      expect(events(win.webContents, 'closeRequested')).toEqual([{}]);
    });

    it('退出 in the menu goes through the same question', () => {
      win.webContents.sent.length = 0;
      const quit = l.fake.menu.application!.template[0]!.submenu!.find((i) => i.label?.startsWith('退出'));
      quit!.click!();
      expect(win.isDestroyed()).toBe(false);
      expect(events(win.webContents, 'closeRequested')).toEqual([{}]);
    });

    it('取消 (the renderer does not confirm): the window stays, and the next close asks again', () => {
      win.webContents.sent.length = 0;
      win.close();
      expect(win.isDestroyed()).toBe(false);
      expect(events(win.webContents, 'closeRequested')).toEqual([{}]);
      expect(l.fake.module.app.quitCalls).toBe(0);
    });

    it('保存 or 不保存 (the renderer saved or discarded, then confirms): the window closes and the app quits', async () => {
      win.webContents.sent.length = 0;
      expect(await call(l.fake, 'confirmClose')).toBeNull();
      expect(win.isDestroyed()).toBe(true);
      expect(events(win.webContents, 'closeRequested')).toEqual([]);
      await vi.waitFor(() => expect(l.fake.module.app.quitCalls).toBe(1), { timeout: 20_000 });
      // The settings changed above were flushed to the user-data folder before quitting.
      expect(JSON.parse(readFileSync(path.join(l.userData, 'settings.json'), 'utf8'))).toMatchObject({ zoom: 125 });
    });
  });
});

describe('the main bundle, started again', () => {
  it('puts the window back where it was, and a window without unsaved changes closes at once, without asking', async () => {
    if (!firstUserData) throw new Error('the first launch did not run');
    const l = launch([], true, firstUserData);
    const win = await startApp(l, 50_000);
    expect(win.options).toMatchObject({ x: 120, y: 80, width: 1100, height: 760 });
    expect(await call(l.fake, 'takeStartupFiles')).toEqual([]);
    await call(l.fake, 'setWindowState', { documentName: '未命名文稿', dirty: false });
    expect(win.title).toBe('未命名文稿 - 文稿');
    win.close();
    expect(win.isDestroyed()).toBe(true);
    expect(events(win.webContents, 'closeRequested')).toEqual([]);
    await vi.waitFor(() => expect(l.fake.module.app.quitCalls).toBe(1), { timeout: 20_000 });
  }, 90_000);
});

describe('the main bundle, as a second instance', () => {
  it('quits at once when another instance holds the lock: no window, no IPC, no protocol', () => {
    const l = launch(['/home/u/报告.docx'], false);
    l.fake.ready();
    const apis = l.fake.calls.map((c) => c.api);
    expect(apis).toContain('app.quit');
    expect(apis).not.toContain('app.whenReady');
    expect(l.fake.module.app.listenerCount('second-instance')).toBe(0);
    expect(l.fake.windows).toHaveLength(0);
    expect(l.fake.ipcHandlers.size).toBe(0);
    expect(l.fake.protocolHandlers.size).toBe(0);
  });
});

/**
 * A recording stand-in for the `electron` module, so that a test can load the real, built main
 * bundle (build/app/main.cjs) in plain Node and drive it: the app's lifecycle events, the window,
 * the app:// protocol handler, ipcMain's handlers, the session's guards, dialogs and the menu.
 * Every call the bundle makes is kept in `calls` (and in the objects' own fields) for the test
 * to check. It mimics what the main process relies on, not all of Electron: a window's close()
 * emits 'close' (which may be prevented) and then 'closed', as Electron does.
 *
 * loadBundle() hands the bundle this module for `require('electron')`; nothing else changes.
 */
import { EventEmitter } from 'node:events';
import Module, { createRequire } from 'node:module';

export interface Call {
  api: string;
  args: unknown[];
}

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function fakeEvent(): FakeEvent {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

type IpcHandler = (event: { senderFrame: { url: string; parent: unknown } | null }, ...args: unknown[]) => Promise<unknown>;
type ProtocolHandler = (request: { url: string; method: string }) => Promise<Response>;

export class FakeWebContents extends EventEmitter {
  /** Events sent to the renderer: [channel, payload]. */
  readonly sent: Array<[string, unknown]> = [];
  loading = true;
  windowOpenHandler: ((details: { url: string }) => unknown) | null = null;
  /** Delivers what main sends to the page's ipcRenderer (set by the fake). */
  deliver: (channel: string, payload: unknown) => void = () => {};

  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
    this.deliver(channel, payload);
  }
  isLoading(): boolean {
    return this.loading;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
    this.windowOpenHandler = handler;
  }
  async printToPDF(): Promise<Buffer> {
    return Buffer.from('%PDF-1.7\n%%EOF\n');
  }
}

export function createFakeElectron(opts: { userData: string; documents: string; singleInstanceLock?: boolean }) {
  const calls: Call[] = [];
  const record = (api: string, args: unknown[]) => void calls.push({ api, args });
  let resolveReady!: () => void;
  const ready = new Promise<void>((r) => (resolveReady = r));

  const windows: FakeBrowserWindow[] = [];

  class FakeBrowserWindow extends EventEmitter {
    readonly options: Record<string, unknown>;
    readonly webContents = new FakeWebContents();
    title = '';
    documentEdited = false;
    visible = false;
    minimized = false;
    maximized = false;
    focused = false;
    destroyed = false;
    loadedUrl: string | null = null;
    bounds = { x: 0, y: 0, width: 1280, height: 860 };

    constructor(options: Record<string, unknown>) {
      super();
      this.options = options;
      record('BrowserWindow', [options]);
      windows.push(this);
      this.webContents.deliver = (channel, payload) => ipcRenderer.emit(channel, { sender: null }, payload);
      app.emit('web-contents-created', fakeEvent(), this.webContents);
    }
    static getAllWindows(): FakeBrowserWindow[] {
      return windows.filter((w) => !w.destroyed);
    }
    async loadURL(url: string): Promise<void> {
      record('win.loadURL', [url]);
      this.loadedUrl = url;
      this.webContents.loading = true;
    }
    /** As Electron: 'close' (preventable), then, unless prevented, 'closed'. */
    close(): void {
      record('win.close', []);
      if (this.destroyed) return;
      const e = fakeEvent();
      this.emit('close', e);
      if (e.defaultPrevented) return;
      this.destroyed = true;
      this.emit('closed');
    }
    show(): void {
      this.visible = true;
    }
    focus(): void {
      this.focused = true;
    }
    restore(): void {
      this.minimized = false;
    }
    minimize(): void {
      this.minimized = true;
    }
    maximize(): void {
      this.maximized = true;
    }
    isMinimized(): boolean {
      return this.minimized;
    }
    isMaximized(): boolean {
      return this.maximized;
    }
    isFullScreen(): boolean {
      return false;
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    getBounds() {
      return { ...this.bounds };
    }
    getNormalBounds() {
      return this.getBounds();
    }
    setTitle(title: string): void {
      this.title = title;
    }
    setDocumentEdited(edited: boolean): void {
      this.documentEdited = edited;
    }
  }

  const app = Object.assign(new EventEmitter(), {
    quitCalls: 0,
    exitCodes: [] as number[],
    getName: () => 'wengao',
    getVersion: () => '0.1.0-test',
    getPath(name: string): string {
      if (name === 'userData') return opts.userData;
      if (name === 'documents') return opts.documents;
      throw new Error(`fake app.getPath: ${name}`);
    },
    requestSingleInstanceLock(): boolean {
      record('app.requestSingleInstanceLock', []);
      return opts.singleInstanceLock ?? true;
    },
    whenReady: () => (record('app.whenReady', []), ready),
    quit(): void {
      record('app.quit', []);
      app.quitCalls += 1;
    },
    exit(code: number): void {
      record('app.exit', [code]);
      app.exitCodes.push(code);
    },
  });

  const ipcHandlers = new Map<string, IpcHandler>();
  const ipcMain = Object.assign(new EventEmitter(), {
    handle(channel: string, handler: IpcHandler): void {
      record('ipcMain.handle', [channel]);
      if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      ipcHandlers.set(channel, handler);
    },
    removeHandler(channel: string): void {
      ipcHandlers.delete(channel);
    },
  });

  const protocolHandlers = new Map<string, ProtocolHandler>();
  const protocol = {
    privilegedSchemes: [] as unknown[],
    registerSchemesAsPrivileged(schemes: unknown[]): void {
      record('protocol.registerSchemesAsPrivileged', [schemes]);
      protocol.privilegedSchemes.push(...schemes);
    },
    handle(scheme: string, handler: ProtocolHandler): void {
      record('protocol.handle', [scheme]);
      protocolHandlers.set(scheme, handler);
    },
  };

  const sessionGuards = {
    permissionRequest: null as null | ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void),
    permissionCheck: null as null | ((...a: unknown[]) => boolean),
    beforeRequest: null as null | ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void),
  };
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (h: typeof sessionGuards.permissionRequest) => void (sessionGuards.permissionRequest = h),
      setPermissionCheckHandler: (h: typeof sessionGuards.permissionCheck) => void (sessionGuards.permissionCheck = h),
      webRequest: { onBeforeRequest: (h: typeof sessionGuards.beforeRequest) => void (sessionGuards.beforeRequest = h) },
    },
  };

  /** What the next native dialog answers; each call is recorded with its options. */
  const dialogAnswers = { open: { canceled: true, filePaths: [] as string[] }, save: { canceled: true, filePath: '' } };
  const dialog = {
    async showOpenDialog(...args: unknown[]) {
      record('dialog.showOpenDialog', args);
      return dialogAnswers.open;
    },
    async showSaveDialog(...args: unknown[]) {
      record('dialog.showSaveDialog', args);
      return dialogAnswers.save;
    },
    showMessageBox: async (...args: unknown[]) => (record('dialog.showMessageBox', args), { response: 0 }),
    showErrorBox: (...args: unknown[]) => record('dialog.showErrorBox', args),
  };

  interface MenuTemplateItem {
    label?: string;
    submenu?: MenuTemplateItem[];
    click?: () => void;
    [key: string]: unknown;
  }
  const menu = { application: null as null | { template: MenuTemplateItem[] } };
  const Menu = {
    buildFromTemplate: (template: MenuTemplateItem[]) => ({ template }),
    setApplicationMenu: (m: { template: MenuTemplateItem[] } | null) => {
      record('Menu.setApplicationMenu', [m]);
      menu.application = m;
    },
    getApplicationMenu: () => menu.application,
  };

  // The renderer side, for the preload bundle: the page is the app's own top frame.
  const exposed = new Map<string, unknown>();
  const contextBridge = {
    exposeInMainWorld(key: string, api: unknown): void {
      record('contextBridge.exposeInMainWorld', [key]);
      if (exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
      exposed.set(key, api);
    },
  };
  const pageFrame = { url: 'app://wengao/index.html', parent: null };
  const ipcRenderer = Object.assign(new EventEmitter(), {
    async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
      const handler = ipcHandlers.get(channel);
      if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
      // As over real IPC, arguments and results are copied (structured clone), never shared.
      return structuredClone(await handler({ senderFrame: pageFrame }, ...structuredClone(args)));
    },
  });
  const webUtils = { getPathForFile: (file: { path?: string }) => file.path ?? '' };

  const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] };
  const shell = {
    openExternal: async (...args: unknown[]) => void record('shell.openExternal', args),
    openPath: async (...args: unknown[]) => (record('shell.openPath', args), ''),
    showItemInFolder: (...args: unknown[]) => record('shell.showItemInFolder', args),
  };
  const webContents = { getAllWebContents: () => windows.map((w) => w.webContents) };

  const module = { app, BrowserWindow: FakeBrowserWindow, ipcMain, protocol, session, dialog, Menu, screen, shell, webContents, contextBridge, ipcRenderer, webUtils };

  return {
    module,
    calls,
    windows,
    ipcHandlers,
    protocolHandlers,
    sessionGuards,
    dialogAnswers,
    menu,
    /** What the preload exposed on the page's window (window.wengao, window.wengaoFiles). */
    exposed,
    /** Fires app.whenReady(), as Electron does once it has initialised. */
    ready: () => resolveReady(),
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
export type FakeWindow = FakeElectron['windows'][number];

type LoadFn = (request: string, parent: unknown, isMain: boolean) => unknown;

/**
 * Loads a fresh copy of the bundle at `file` (main.cjs or preload.cjs) with `fake` as its
 * `electron` module and `argv` as process.argv (read at load, as a launch's command line).
 * The bundle itself is not changed.
 */
export function loadBundle(file: string, fake: FakeElectron, argv: string[] = process.argv): void {
  const mod = Module as unknown as { _load: LoadFn };
  const realLoad = mod._load;
  const realArgv = process.argv;
  const req = createRequire(file);
  delete req.cache[file];
  mod._load = function (this: unknown, request, parent, isMain) {
    if (request === 'electron') return fake.module;
    return realLoad.call(this, request, parent, isMain);
  };
  process.argv = argv;
  try {
    req(file);
  } finally {
    mod._load = realLoad;
    process.argv = realArgv;
  }
}

/**
 * Electron main process: one window, the app:// protocol, the menu, IPC and the lifecycle
 * (single instance, close handshake, remembered bounds). Glue only: the work is done by
 * electron/services, which never import electron.
 */
import path from 'node:path';
import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, screen, session } from 'electron';
import { IPC_EVENT_PREFIX, type ApiEventName, type ApiEventPayload, type ApiHandlers } from '../../shared/api/contract';
import { windowTitle } from '../../shared/app';
import type { AppCommand } from '../../shared/commands';
import { writeFileAtomic } from '../services/atomicWrite';
import { EXPORT_EXTENSIONS, checkExportTarget } from '../services/exportFiles';
import { createServiceHandlers, type ShellCall } from '../services/handlers';
import { SettingsStore } from '../services/settingsStore';
import { SuggestService } from '../services/suggest/suggestService';
import { CloseGuard } from './closeGuard';
import { bindApi } from './ipc';
import { OPEN_DIALOG_FILTERS, documentPathsFromArgv, saveDialogFilters, visibleBounds } from './launchArgs';
import { buildNativeMenu } from './menu';
import { buildMenuModel } from './menuModel';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from './protocol';
import { APP_ENTRY_URL, isAppUrl, isNavigationAllowed, windowOptions } from './security';

const appRoot = __dirname; // build/app: main.cjs, preload.cjs, renderer/
const pendingFiles: string[] = documentPathsFromArgv(process.argv, process.cwd());
let mainWindow: BrowserWindow | null = null;
let store: SettingsStore;
let suggestions: SuggestService | null = null;
const closeGuard = new CloseGuard();

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    for (const file of documentPathsFromArgv(argv, workingDirectory)) openInWindow(file);
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('open-file', (event, file) => {
    // macOS file association; may arrive before the window exists.
    event.preventDefault();
    openInWindow(file);
  });
  app.whenReady().then(start, (e) => {
    console.error(e);
    app.exit(1);
  });
}

function send<E extends ApiEventName>(event: E, payload: ApiEventPayload<E>): void {
  mainWindow?.webContents.send(IPC_EVENT_PREFIX + event, payload);
}

function openInWindow(file: string): void {
  if (mainWindow && !mainWindow.webContents.isLoading()) send('openFile', { path: file });
  else pendingFiles.push(file);
}

function hardenSessions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // No remote content, ever: only the app's own pages and inline data.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const ok = isAppUrl(details.url) || details.url.startsWith('data:') || details.url.startsWith('blob:') || details.url.startsWith('devtools:');
    callback({ cancel: !ok });
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (e, url) => {
      if (!isNavigationAllowed(url)) e.preventDefault();
    });
    contents.on('will-redirect', (e, url) => {
      if (!isNavigationAllowed(url)) e.preventDefault();
    });
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

function refreshMenu(): void {
  const model = buildMenuModel({
    recentFiles: store.recentFiles(),
    showOutline: store.getSettings().showOutline,
    suggestions: store.getSettings().suggestions,
    platform: process.platform,
  });
  Menu.setApplicationMenu(
    buildNativeMenu(model, {
      command: (command: AppCommand) => send('command', { command }),
      open: (file) => send('openFile', { path: file }),
      clearRecent: () => void store.clearRecentFiles().then(refreshMenu),
      quit: () => mainWindow?.close(),
    }),
  );
}

const EXPORT_FILTERS: Record<'docx' | 'txt' | 'pdf', Electron.FileFilter> = {
  docx: { name: 'Word 文档', extensions: ['docx'] },
  txt: { name: '纯文本', extensions: ['txt'] },
  pdf: { name: 'PDF', extensions: ['pdf'] },
};

function shellHandlers(): Pick<ApiHandlers, ShellCall> {
  return {
    getAppInfo: () => ({
      name: app.getName(),
      version: app.getVersion(),
      shell: 'electron',
      platform: process.platform,
      userDataDir: app.getPath('userData'),
      documentsDir: app.getPath('documents'),
    }),
    setWindowState: ({ documentName, dirty }) => {
      closeGuard.setDirty(dirty);
      mainWindow?.setTitle(windowTitle(documentName, dirty));
      mainWindow?.setDocumentEdited(dirty);
      return null;
    },
    confirmClose: () => {
      closeGuard.confirm();
      mainWindow?.close();
      return null;
    },
    takeStartupFiles: () => pendingFiles.splice(0),
    chooseOpenPath: async ({ defaultPath }) => {
      const options = { title: '打开', defaultPath, properties: ['openFile' as const], filters: OPEN_DIALOG_FILTERS };
      const r = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    chooseSavePath: async ({ defaultPath, format }) => {
      // The native dialog asks before replacing an existing file.
      const options = { title: '另存为', defaultPath, filters: saveDialogFilters(format), properties: ['showOverwriteConfirmation' as const] };
      const r = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    // The renderer has rendered its print view (the 公文 layout, CSS @page rules): print it.
    exportPdf: async ({ path: file }) => {
      checkExportTarget(file, 'pdf');
      if (!mainWindow) throw new Error('no window');
      const pdf = await mainWindow.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true, generateTaggedPDF: true });
      await writeFileAtomic(file, pdf);
      return { path: file, bytes: pdf.length };
    },
    chooseExportPath: async ({ defaultPath, format }) => {
      const options: Electron.SaveDialogOptions = { title: '导出', defaultPath, filters: [EXPORT_FILTERS[format]], properties: ['showOverwriteConfirmation'] };
      const r = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      if (r.canceled || !r.filePath) return null;
      const ext = EXPORT_EXTENSIONS[format];
      return r.filePath.toLowerCase().endsWith(ext) ? r.filePath : r.filePath + ext;
    },
    chooseFolders: async () => {
      const options = { title: '选择素材文件夹', properties: ['openDirectory', 'multiSelections'] as Array<'openDirectory' | 'multiSelections'> };
      const r = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return r.canceled ? [] : r.filePaths;
    },
  };
}

async function start(): Promise<void> {
  // The settings and the suggestion worker (it indexes the corpus folders off the main thread)
  // are independent: started at once, the window waits for both.
  const settings = SettingsStore.open(app.getPath('userData'));
  const suggestService = SuggestService.start({ dataDir: app.getPath('userData'), onStatus: (status) => send('corpusStatus', status) });
  hardenSessions();
  registerAppProtocol(protocol, path.join(appRoot, 'renderer'));
  [store, suggestions] = await Promise.all([settings, suggestService]);
  void suggestions.setFolders(store.getSettings().corpusFolders);
  const services = createServiceHandlers({ store, suggestions, saveDocx: true, onRecentFilesChanged: refreshMenu });
  const handlers: ApiHandlers = {
    ...services,
    ...shellHandlers(),
    updateSettings: async (patch) => {
      const r = await services.updateSettings(patch);
      refreshMenu();
      return r;
    },
  };
  bindApi(ipcMain, handlers, (msg) => console.warn(`[ipc] ${msg}`));
  refreshMenu();
  createWindow();
}

function createWindow(): void {
  const workAreas = screen.getAllDisplays().map((d) => d.workArea);
  const saved = store.windowBounds();
  const bounds = visibleBounds(saved, workAreas);
  const win = new BrowserWindow(windowOptions(path.join(appRoot, 'preload.cjs'), bounds));
  mainWindow = win;
  if (saved?.maximized) win.maximize();
  win.on('page-title-updated', (e) => e.preventDefault());
  win.once('ready-to-show', () => win.show());

  let saveTimer: NodeJS.Timeout | undefined;
  const rememberBounds = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      if (win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return;
      const b = win.isMaximized() ? win.getNormalBounds() : win.getBounds();
      void store.setWindowBounds({ ...b, maximized: win.isMaximized() }).catch(() => {});
    }, 400);
  };
  win.on('resize', rememberBounds);
  win.on('move', rememberBounds);
  win.on('maximize', rememberBounds);
  win.on('unmaximize', rememberBounds);

  win.on('close', (e) => {
    if (closeGuard.onCloseAttempt() === 'ask') {
      e.preventDefault();
      send('closeRequested', {});
    }
  });
  win.on('closed', () => {
    mainWindow = null;
    void Promise.all([store.flush(), suggestions?.close()]).finally(() => app.quit());
  });
  void win.loadURL(APP_ENTRY_URL);
}

app.on('window-all-closed', () => app.quit());

/**
 * The API handlers that do not depend on the shell. Electron's main process and the web
 * harness both bind these, each adding its own handlers for the shell-specific calls
 * (window state, close handshake, app info).
 */
import type { ApiHandlers } from '../../shared/api/contract';
import { exportDocumentFile } from './exportFiles';
import type { SettingsStore } from './settingsStore';

export type ShellCall = 'getAppInfo' | 'setWindowState' | 'confirmClose' | 'takeStartupFiles' | 'exportPdf' | 'chooseExportPath';
export type ServiceHandlers = Omit<ApiHandlers, ShellCall>;

export interface ServiceContext {
  store: SettingsStore;
}

export function createServiceHandlers({ store }: ServiceContext): ServiceHandlers {
  return {
    getSettings: () => store.getSettings(),
    updateSettings: (patch) => store.updateSettings(patch),
    listRecentFiles: () => store.recentFiles(),
    clearRecentFiles: async () => {
      await store.clearRecentFiles();
      return null;
    },
    exportDocument: async (doc, request) => {
      const settings = store.getSettings().export;
      const bytes = await exportDocumentFile(doc, request.path, request.format, { ...settings, template: request.template ?? settings.template });
      return { path: request.path, bytes };
    },
  };
}

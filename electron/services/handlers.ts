/**
 * The API handlers that do not depend on the shell. Electron's main process and the web
 * harness both bind these, each adding its own handlers for the shell-specific calls
 * (window state, close handshake, app info).
 */
import type { ApiHandlers } from '../../shared/api/contract';
import type { SettingsStore } from './settingsStore';

export type ShellCall = 'getAppInfo' | 'setWindowState' | 'confirmClose' | 'takeStartupFiles';
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
  };
}

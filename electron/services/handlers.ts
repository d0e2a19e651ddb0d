/**
 * The API handlers that do not depend on the shell. Electron's main process and the web
 * harness both bind these, each adding its own handlers for the shell-specific calls
 * (window state, close handshake, app info).
 */
import type { ApiHandlers } from '../../shared/api/contract';
import type { SettingsStore } from './settingsStore';
import { addCorpusFolders, removeCorpusFolder } from './suggest/corpusFolders';
import { emptyStatus, type SuggestService } from './suggest/suggestService';

export type ShellCall = 'getAppInfo' | 'setWindowState' | 'confirmClose' | 'takeStartupFiles' | 'chooseFolders';
export type ServiceHandlers = Omit<ApiHandlers, ShellCall>;

export interface ServiceContext {
  store: SettingsStore;
  suggestions: SuggestService;
}

export function createServiceHandlers({ store, suggestions }: ServiceContext): ServiceHandlers {
  const reindex = (folders: string[]) => void suggestions.setFolders(folders);
  return {
    getSettings: () => store.getSettings(),
    updateSettings: (patch) => store.updateSettings(patch),
    suggest: (query) => suggestions.suggest(query),
    setSuggestionDocument: ({ paragraphs }) => {
      suggestions.setDocument(paragraphs);
      return null;
    },
    recordSuggestion: async ({ text, accepted }) => {
      await suggestions.recordFeedback(text, accepted);
      return null;
    },
    getCorpusStatus: () => suggestions.status ?? emptyStatus(),
    addCorpusFolders: async (folders) => {
      const s = await addCorpusFolders(store, folders);
      reindex(s.corpusFolders);
      return s;
    },
    removeCorpusFolder: async (folder) => {
      const s = await removeCorpusFolder(store, folder);
      reindex(s.corpusFolders);
      return s;
    },
    rebuildCorpusIndex: () => {
      void suggestions.setFolders(store.getSettings().corpusFolders, true);
      return null;
    },
    listRecentFiles: () => store.recentFiles(),
    clearRecentFiles: async () => {
      await store.clearRecentFiles();
      return null;
    },
  };
}

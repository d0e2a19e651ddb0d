/**
 * The API handlers that do not depend on the shell. Electron's main process and the web
 * harness both bind these, each adding its own handlers for the shell-specific calls
 * (window state, close handshake, app info, native file dialogs).
 */
import path from 'node:path';
import type { ApiHandlers } from '../../shared/api/contract';
import { BackupStore } from './backups';
import { readDocumentFile, saveDocumentFile, statDocumentFile, type DocxWriter } from './documentFiles';
import { exportDocumentFile } from './exportFiles';
import { SourcePackages } from './sourcePackages';
import type { SettingsStore } from './settingsStore';
import { addCorpusFolders, removeCorpusFolder } from './suggest/corpusFolders';
import { emptyStatus, type SuggestService } from './suggest/suggestService';

export type ShellCall =
  | 'getAppInfo'
  | 'setWindowState'
  | 'confirmClose'
  | 'takeStartupFiles'
  | 'chooseOpenPath'
  | 'chooseSavePath'
  | 'exportPdf'
  | 'chooseExportPath'
  | 'chooseFolders';
export type ServiceHandlers = Omit<ApiHandlers, ShellCall>;

export interface ServiceContext {
  store: SettingsStore;
  suggestions: SuggestService;
  /** The Word writer for saving .docx; null until one is plugged in (see electron/services/wordWriter.ts). */
  writeDocx?: DocxWriter | null;
  /** Called after the recent-files list changed (Electron rebuilds its menu). */
  onRecentFilesChanged?: () => void;
}

export function createServiceHandlers({ store, suggestions, writeDocx = null, onRecentFilesChanged = () => {} }: ServiceContext): ServiceHandlers {
  const reindex = (folders: string[]) => void suggestions.setFolders(folders);
  const backups = new BackupStore(path.join(store.dir, 'backups'));
  // Kept on disk so that a document restored from a backup still saves back faithfully.
  const sources = new SourcePackages(path.join(store.dir, 'sources'));
  const remember = async (file: string) => {
    await store.addRecentFile(file).catch(() => {});
    onRecentFilesChanged();
  };
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
      onRecentFilesChanged();
      return null;
    },
    openDocument: async (file, options = {}) => {
      try {
        const opened = await readDocumentFile(file, { ...options, sources });
        await remember(file);
        return { doc: opened.doc, source: opened.source, name: opened.name, notices: opened.notices };
      } catch (e) {
        // A recent file that is gone leaves the list.
        if ((e as { code?: string }).code === 'not-found' && store.recentFiles().includes(file)) {
          await store.removeRecentFile(file).catch(() => {});
          onRecentFilesChanged();
        }
        throw e;
      }
    },
    saveDocument: async (request) => {
      const outcome = await saveDocumentFile(request, { writeDocx, sources });
      if (outcome.status === 'saved') await remember(request.path);
      return outcome;
    },
    statDocument: (file) => statDocumentFile(file),
    writeBackup: async (backup) => {
      await backups.write(backup);
      return null;
    },
    listBackups: () => backups.list(),
    readBackup: (id) => backups.read(id),
    discardBackup: async (id) => {
      await backups.discard(id);
      return null;
    },
    exportDocument: async (doc, request) => {
      const settings = store.getSettings().export;
      const bytes = await exportDocumentFile(doc, request.path, request.format, { ...settings, template: request.template ?? settings.template });
      return { path: request.path, bytes };
    },
  };
}

/**
 * The API handlers that do not depend on the shell. Electron's main process and the web
 * harness both bind these, each adding its own handlers for the shell-specific calls
 * (window state, close handshake, app info, native file dialogs).
 */
import path from 'node:path';
import type { ApiHandlers } from '../../shared/api/contract';
import type { StoryMarks } from '../../shared/docx/elements/storyMarks';
import { BackupStore } from './backups';
import { statDocumentFile } from './documentFiles';
import { documentRunner, type DocumentRunner } from './documents/runner';
import { cleanUpSourcePackages } from './sourceCleanup';
import { USER_TIFA_FILE, readUserTifa } from './proofreadData';
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
  /** Save .docx with the Word writer (electron/services/wordWriter.ts) and the export settings; off: refused. */
  saveDocx?: boolean;
  /** Reads, saves and exports documents in a worker with time and memory limits (default: the process's). */
  documents?: DocumentRunner;
  /** Called after the recent-files list changed (Electron rebuilds its menu). */
  onRecentFilesChanged?: () => void;
  /** Given the start-up cleanup of source packages (resolves with the ids removed), for tests. */
  onSourcesCleaned?: (done: Promise<string[]>) => void;
}

/**
 * The sections and comment anchors recorded when recent .docx documents were opened, by package:
 * the stories panel asks for them later, and its reader then need not parse document.xml again.
 * A few are kept; a package opened longer ago (or from a .wgd or backup) is read again.
 */
class StoryMarksKept {
  private readonly kept = new Map<string, StoryMarks>();

  keep(id: string, marks: StoryMarks): void {
    this.kept.delete(id);
    this.kept.set(id, marks);
    while (this.kept.size > 8) this.kept.delete(this.kept.keys().next().value!);
  }

  get(id: string): StoryMarks | undefined {
    return this.kept.get(id);
  }
}

export function createServiceHandlers({ store, suggestions, saveDocx = false, documents = documentRunner(), onRecentFilesChanged = () => {}, onSourcesCleaned }: ServiceContext): ServiceHandlers {
  const reindex = (folders: string[]) => void suggestions.setFolders(folders);
  const backups = new BackupStore(path.join(store.dir, 'backups'));
  // Source .docx packages, on disk so that the document worker and a restored backup find them.
  const sourcesDir = path.join(store.dir, 'sources');
  // Packages no backup or recent file refers to, unused for weeks, are removed (in the background).
  const sourcesCleaned = cleanUpSourcePackages(sourcesDir, backups, store.recentFiles()).catch(() => [] as string[]);
  onSourcesCleaned?.(sourcesCleaned);
  const storyMarks = new StoryMarksKept();
  const remember = async (file: string) => {
    await store.addRecentFile(file).catch(() => {});
    onRecentFilesChanged();
  };
  return {
    getSettings: () => store.getSettings(),
    getProofreadData: () => readUserTifa(path.join(store.dir, USER_TIFA_FILE)),
    updateSettings: (patch) => store.updateSettings(patch),
    suggest: (query) => suggestions.suggest(query),
    updateSuggestionDocument: (change) => ({ applied: suggestions.updateDocument(change) }),
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
      await sourcesCleaned; // never removes a package while it is being put again
      try {
        const opened = await documents.run('read', { file, options, sourcesDir }, { label: `打开“${path.basename(file)}”` });
        if (opened.source.package && opened.storyMarks) storyMarks.keep(opened.source.package, opened.storyMarks);
        await remember(file);
        return { doc: opened.doc, source: opened.source, name: opened.name, notices: opened.notices, ...(opened.encodingGuess ? { encodingGuess: opened.encodingGuess } : {}) };
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
      await sourcesCleaned;
      const wordSettings = saveDocx ? store.getSettings().export : null;
      const outcome = await documents.run('save', { request, wordSettings, sourcesDir }, { label: `保存“${path.basename(request.path)}”` });
      if (outcome.status === 'saved') await remember(request.path);
      return outcome;
    },
    statDocument: (file) => statDocumentFile(file),
    writeBackup: async (backup) => {
      await backups.write(backup);
      return null;
    },
    updateBackup: async (update) => ({ written: await backups.update(update) }),
    listBackups: () => backups.list(),
    readBackup: (id) => backups.read(id),
    discardBackup: async (id) => {
      await backups.discard(id);
      return null;
    },
    getSourcePicture: ({ package: id, rel }) => documents.run('picture', { id, rel, sourcesDir }, { label: '读取图片' }),
    getSourceStories: ({ package: id }) => {
      const marks = storyMarks.get(id);
      return documents.run('stories', { id, sourcesDir, ...(marks ? { marks } : {}) }, { label: '读取页眉页脚与批注' });
    },
    exportDocument: async (doc, request) => {
      const settings = store.getSettings().export;
      const options = { ...settings, template: request.template ?? settings.template, documentFormat: request.documentFormat };
      const bytes = await documents.run('export', { doc, file: request.path, format: request.format, options }, { label: `导出“${path.basename(request.path)}”` });
      return { path: request.path, bytes };
    },
  };
}

/** What the phrase library reports about itself (status bar, settings, CLI). */
export interface CorpusStatus {
  state: 'indexing' | 'ready' | 'error';
  /** 0–1 while indexing. */
  progress: number;
  /** What it is doing, for the user: 正在读取 12/340 个文件. */
  phase: string;
  folders: string[];
  /** Folders that do not exist or cannot be read. */
  missingFolders: string[];
  documents: number;
  characters: number;
  duplicates: number;
  /** Files that could not be read, with the reason (at most 50). */
  failed: Array<{ path: string; message: string }>;
  /** Phrases in the built-in phrasebook. */
  phrases: number;
  builtAt: number | null;
  fromCache: boolean;
  message?: string;
}

export const MAX_REPORTED_FAILURES = 50;

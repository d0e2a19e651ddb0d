/** Stub handlers for the phrase-suggestion calls, for tests that bind the whole contract. */
import type { ApiHandlers } from '../../shared/api/contract';
import { defaultSettings } from '../../shared/settings';

export const suggestionStubs = {
  suggest: () => ({ context: '', suggestions: [], ghost: null }),
  setSuggestionDocument: () => null,
  recordSuggestion: () => null,
  getCorpusStatus: () => ({ state: 'ready' as const, progress: 1, phase: '', folders: [], missingFolders: [], documents: 0, characters: 0, duplicates: 0, failed: [], phrases: 0, builtAt: null, fromCache: false }),
  addCorpusFolders: () => defaultSettings(),
  removeCorpusFolder: () => defaultSettings(),
  rebuildCorpusIndex: () => null,
  chooseFolders: () => null,
} satisfies Partial<ApiHandlers>;

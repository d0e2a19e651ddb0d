/** A suggestion service for tests of other services: no worker, no corpus, answers nothing. */
import { emptyStatus, type SuggestService } from '../../electron/services/suggest/suggestService';

export function idleSuggestions(): SuggestService {
  const idle = {
    status: null,
    setFolders: async () => emptyStatus(),
    loadIndex: async () => emptyStatus(),
    suggest: async (q: { context?: string }) => ({ context: q.context ?? '', suggestions: [], ghost: null }),
    updateDocument: () => true,
    recordFeedback: async () => {},
    close: async () => {},
  };
  return idle as unknown as SuggestService;
}

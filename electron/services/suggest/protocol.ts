/** Messages between the suggestion worker and the process that owns it. */
import type { FeedbackCounts, SuggestQuery, SuggestResult } from '../../../shared/suggest/engine';
import type { DocumentLinesChange } from '../../../shared/suggest/currentDocument';
import type { CorpusStatus } from '../../../shared/suggest/status';

export type ToWorker =
  | { type: 'index'; folders: string[]; force: boolean }
  | { type: 'load'; file: string }
  | { type: 'query'; id: number; query: SuggestQuery }
  | { type: 'document'; change: DocumentLinesChange }
  | { type: 'feedback'; entries: Record<string, FeedbackCounts> };

export type FromWorker =
  | { type: 'status'; status: CorpusStatus }
  | { type: 'indexed'; status: CorpusStatus }
  | { type: 'result'; id: number; result: SuggestResult }
  | { type: 'failed'; id: number; message: string };

export interface WorkerConfig {
  cacheFile: string | null;
}

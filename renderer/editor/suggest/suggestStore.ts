/** Shared state of phrase suggestions outside React: the Alt+/ list and the corpus status. */
import type { SuggestionData } from '../../../shared/api/contract';
import type { CorpusStatus } from '../../../shared/suggest/status';
import { api } from '../../api';
import { createStore } from '../../app/store';

export interface SuggestionListState {
  items: SuggestionData[];
  selected: number;
  /** Where to draw it (viewport coordinates of the caret's line bottom). */
  x: number;
  y: number;
}

/** The Alt+/ list; null when closed. Changes only when the user opens or moves in it. */
export const suggestionListStore = createStore<SuggestionListState | null>(null);

export const corpusStatusStore = createStore<CorpusStatus | null>(null);

let subscribed = false;
/** Starts following the corpus status (once). */
export function followCorpusStatus(): void {
  if (subscribed) return;
  subscribed = true;
  api.on('corpusStatus', (s) => corpusStatusStore.set(s));
  api.getCorpusStatus().then(
    (s) => corpusStatusStore.set((cur) => cur ?? s),
    () => {},
  );
}

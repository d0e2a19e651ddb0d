/** What the toolbar and the status bar show about the editor, published once per frame. */
import type { Alignment, ParagraphRole } from '../../shared/model/document';
import { ZERO_COUNT, type WordCount } from '../../shared/text/wordCount';
import { createStore, shallowEqual } from '../app/store';

/** Where the caret is: changes on every keystroke, shown without React renders. */
export interface CaretInfo {
  /** 1-based paragraph number of the caret among top-level blocks. */
  paragraph: number;
  /** 1-based character column of the caret in its paragraph. */
  column: number;
  /** Characters selected (0 when collapsed). */
  selectedChars: number;
}

/** The formatting at the selection: changes rarely, drives the toolbar. */
export interface SelectionInfo {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  /** Role of the caret's paragraph; undefined = 自动 (null role). */
  role: ParagraphRole | null;
  /** Key of the caret's top-level block (its part, when inferred, is in partsViewStore). */
  blockKey: string | null;
  align: Alignment | null;
  firstLineIndent: boolean;
}

export const wordCountStore = createStore<WordCount>(ZERO_COUNT);
export const caretStore = createStore<CaretInfo>({ paragraph: 1, column: 1, selectedChars: 0 }, shallowEqual);
export const selectionStore = createStore<SelectionInfo>(
  {
  bold: false,
  italic: false,
  underline: false,
  role: null,
  blockKey: null,
  align: null,
  firstLineIndent: false,
  },
  shallowEqual,
);
export const historyStore = createStore<{ canUndo: boolean; canRedo: boolean }>({ canUndo: false, canRedo: false }, shallowEqual);

/** Coalesces calls to one per animation frame. */
export function perFrame(fn: () => void): { schedule(): void; cancel(): void } {
  let handle = 0;
  return {
    schedule() {
      if (handle) return;
      handle = requestAnimationFrame(() => {
        handle = 0;
        fn();
      });
    },
    cancel() {
      if (handle) cancelAnimationFrame(handle);
      handle = 0;
    },
  };
}

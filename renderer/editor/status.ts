/** What the toolbar and the status bar show about the editor, published once a frame, after it is painted. */
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

/**
 * Coalesces calls to one run after the next frame has been painted (the first task after its
 * animation-frame callbacks): what the status bar, the toolbar and the outline show follows a
 * typed character by a frame instead of delaying the frame that shows it. `noFrameMs`: a page
 * not shown yet may get no animation frames; then the run comes that long after anyway.
 */
export function afterPaint(fn: () => void, { noFrameMs }: { noFrameMs?: number } = {}): { schedule(): void; cancel(): void } {
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The pending run (0: none); a run cancelled after its frame finds its number gone. */
  let pending = 0;
  let runs = 0;
  const stopWaiting = () => {
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    clearTimeout(timer);
  };
  /** Runs fn in the next task, unless the run was cancelled or replaced meanwhile. */
  const inNextTask = (run: number) => {
    stopWaiting();
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      if (pending !== run) return;
      pending = 0;
      fn();
    };
    channel.port2.postMessage(null);
  };
  return {
    schedule() {
      if (pending) return;
      const run = (pending = ++runs);
      frame = requestAnimationFrame(() => {
        frame = 0;
        inNextTask(run);
      });
      if (noFrameMs !== undefined) timer = setTimeout(() => inNextTask(run), noFrameMs);
    },
    cancel() {
      stopWaiting();
      pending = 0;
    },
  };
}

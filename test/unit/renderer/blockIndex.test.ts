/**
 * 字数 and the outline's section counts keep up with undo and redo: both follow the one block
 * index (renderer/editor/blockIndex.ts), and after each edit, undo and redo they agree with a
 * fresh count of the document.
 */
import { $blocks } from '../../../renderer/editor/blocks';
import path from 'node:path';
import { HISTORIC_TAG, REDO_COMMAND, UNDO_COMMAND, type LexicalEditor } from 'lexical';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readDocumentFile } from '../../../electron/services/documentFiles';
import { outlineOfDocument } from '../../../shared/outline/outline';
import { countWords } from '../../../shared/text/wordCount';
import { loadDocument } from '../../../renderer/editor/load';
import { OutlineEngine } from '../../../renderer/editor/outline/engine';
import { outlineViewStore, sectionCounts } from '../../../renderer/editor/outline/outlineStore';
import { registerWordCount } from '../../../renderer/editor/plugins/WordCountPlugin';
import { wordCountStore } from '../../../renderer/editor/status';
import { SyncMessageChannel, headlessEditor, read } from './editorHarness';

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');

let editor: LexicalEditor;
let off: () => void;
/** Animation frames run when the test says so: what is published is then known to be published. */
let frames: Array<() => void> = [];
const flushFrames = () => {
  while (frames.length > 0) frames.splice(0).forEach((f) => f());
};

beforeEach(() => {
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (fn: () => void) => frames.push(fn));
  vi.stubGlobal('cancelAnimationFrame', () => {});
  vi.stubGlobal('MessageChannel', SyncMessageChannel);
  editor = headlessEditor(true);
  const engine = new OutlineEngine(editor);
  const offOutline = engine.register();
  const offCount = registerWordCount(editor);
  off = () => {
    offCount();
    offOutline();
  };
});

afterEach(() => {
  off();
  vi.unstubAllGlobals();
});

/** Runs an undo or redo and resolves once the restored state is committed and published. */
function history(command: typeof UNDO_COMMAND | typeof REDO_COMMAND): Promise<void> {
  return new Promise((resolve) => {
    // The swap to the restored state (an undo may first commit what is pending, also tagged).
    const stop = editor.registerUpdateListener(({ tags, dirtyElements }) => {
      if (!tags.has(HISTORIC_TAG) || dirtyElements.size === 0) return;
      stop();
      flushFrames();
      resolve();
    });
    editor.dispatchCommand(command, undefined);
  });
}

function edit(fn: () => void): void {
  editor.update(fn, { discrete: true });
  flushFrames();
}

/** 字数 and section counts as shown, against a fresh count of the document as it is now. */
function expectCountsAgree(step: string): void {
  const fresh = editor.getEditorState().read(() => $blocks().reduce((n, b) => n + countWords(b.getTextContent()).words, 0));
  expect(wordCountStore.get().words, `字数 after ${step}`).toBe(fresh);
  const { outline } = outlineOfDocument(read(editor));
  const expected = outline.entries.map((e) => `${e.number}${e.title} ${e.words}`);
  const shown = outlineViewStore
    .get()
    .items.filter((i) => i.kind !== 'suggestion')
    .map((i) => `${i.number}${i.title} ${sectionCounts.get(i.key)}`);
  expect(shown, `section counts after ${step}`).toEqual(expected);
}

describe('one undo-safe block index for 字数 and the outline', () => {
  it('agrees with a fresh count after typing, undo and redo, deleting a paragraph, and undo/redo of that', async () => {
    const { doc } = await readDocumentFile(path.join(CORPUS, 'seeds/004_9342abefdd77c34e.txt'));
    loadDocument(editor, doc);
    flushFrames();
    expectCountsAgree('opening');
    const before = wordCountStore.get().words;

    const section3 = () => $blocks().findIndex((b) => b.getTextContent().startsWith('三、存在不足'));
    edit(() => $blocks()[section3() + 1]!.selectEnd().insertText('还要进一步加强调查研究，补齐短板弱项。'));
    expectCountsAgree('typing');
    expect(wordCountStore.get().words).toBe(before + 19);

    await history(UNDO_COMMAND);
    expectCountsAgree('undo of the typing');
    expect(wordCountStore.get().words).toBe(before);
    await history(REDO_COMMAND);
    expectCountsAgree('redo of the typing');
    expect(wordCountStore.get().words).toBe(before + 19);

    edit(() => $blocks()[section3() + 1]!.remove());
    expectCountsAgree('deleting a paragraph');
    await history(UNDO_COMMAND);
    expectCountsAgree('undo of the deletion');
    await history(UNDO_COMMAND);
    expectCountsAgree('undo of the typing, again');
    expect(wordCountStore.get().words).toBe(before);
    await history(REDO_COMMAND);
    await history(REDO_COMMAND);
    expectCountsAgree('redo of both');
  });

  it('types into a heading and undoes it: the title and the counts come back', async () => {
    const { doc } = await readDocumentFile(path.join(CORPUS, 'seeds/004_9342abefdd77c34e.txt'));
    loadDocument(editor, doc);
    flushFrames();
    const heading = () => $blocks().findIndex((b) => b.getTextContent().startsWith('四、下一步措施'));
    edit(() => $blocks()[heading()]!.selectEnd().insertText('和工作打算'));
    expectCountsAgree('typing in a heading');
    await history(UNDO_COMMAND);
    expectCountsAgree('undo in a heading');
    expect(outlineViewStore.get().items.some((i) => i.title === '下一步措施')).toBe(true);
  });
});

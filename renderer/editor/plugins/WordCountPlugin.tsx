/**
 * Keeps 字数 up to date incrementally: each top-level block's count is cached by node key and
 * only the blocks the block index says changed are recounted (undo and redo included). The
 * total is published once a frame, after the frame is painted.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, type LexicalEditor, type NodeKey } from 'lexical';
import { useEffect } from 'react';
import { ZERO_COUNT, addCounts, countWords, subtractCounts, type WordCount } from '../../../shared/text/wordCount';
import { blockIndexOf } from '../blockIndex';
import { $blockKeys } from '../blocks';
import { afterPaint, wordCountStore } from '../status';

/** Counts the editor's words into `wordCountStore`; returns the cleanup. */
export function registerWordCount(editor: LexicalEditor): () => void {
  const counts = new Map<NodeKey, WordCount>();
  let total: WordCount = ZERO_COUNT;
  const publish = afterPaint(() => wordCountStore.set(total));

  const forget = (key: NodeKey) => {
    const prev = counts.get(key);
    if (prev) total = subtractCounts(total, prev);
    counts.delete(key);
  };
  const $recount = (key: NodeKey) => {
    forget(key);
    const node = $getNodeByKey(key);
    if (!node) return;
    const c = countWords(node.getTextContent());
    counts.set(key, c);
    total = addCounts(total, c);
  };

  const unsubscribe = blockIndexOf(editor).subscribe(({ editorState, changed, removed }) => {
    for (const key of removed) forget(key);
    editorState.read(() => {
      for (const key of changed) $recount(key);
    });
    publish.schedule();
  });
  editor.getEditorState().read(() => {
    for (const key of $blockKeys()) $recount(key);
  });
  publish.schedule();
  return () => {
    publish.cancel();
    unsubscribe();
  };
}

export function WordCountPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerWordCount(editor), [editor]);
  return null;
}

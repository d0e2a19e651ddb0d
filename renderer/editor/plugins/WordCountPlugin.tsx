/**
 * Keeps 字数 up to date incrementally: each top-level block's count is cached by node key and
 * only blocks touched by an update are recounted. The total is published once per frame.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, $getRoot, type LexicalNode, type NodeKey } from 'lexical';
import { useEffect } from 'react';
import { ZERO_COUNT, addCounts, countWords, subtractCounts, type WordCount } from '../../../shared/text/wordCount';
import { perFrame, wordCountStore } from '../status';

function $topLevelKey(node: LexicalNode): NodeKey | null {
  const top = node.getTopLevelElement();
  return top ? top.getKey() : null;
}

export function WordCountPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const counts = new Map<NodeKey, WordCount>();
    let total: WordCount = ZERO_COUNT;
    const publish = perFrame(() => wordCountStore.set(total));

    const recount = (key: NodeKey) => {
      const node = $getNodeByKey(key);
      const prev = counts.get(key);
      if (prev) total = subtractCounts(total, prev);
      if (!node) {
        counts.delete(key);
        return;
      }
      const c = countWords(node.getTextContent());
      counts.set(key, c);
      total = addCounts(total, c);
    };

    const full = () => {
      counts.clear();
      total = ZERO_COUNT;
      editor.getEditorState().read(() => {
        for (const key of $getRoot().getChildrenKeys()) recount(key);
      });
      publish.schedule();
    };
    full();

    const unregister = editor.registerUpdateListener(({ editorState, dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      editorState.read(() => {
        const dirtyTop = new Set<NodeKey>();
        for (const key of dirtyLeaves) {
          const n = $getNodeByKey(key);
          const top = n && $topLevelKey(n);
          if (top) dirtyTop.add(top);
        }
        for (const key of dirtyElements.keys()) {
          if (key === 'root') continue;
          const n = $getNodeByKey(key);
          const top = n && (n.getParent()?.getKey() === 'root' ? key : $topLevelKey(n));
          if (top) dirtyTop.add(top);
        }
        // `true` means the root itself changed (blocks added or removed), not only a descendant.
        if (dirtyElements.get('root') === true) {
          // Blocks may have been added or removed: reconcile the cached keys (keys only, no text).
          const live = new Set($getRoot().getChildrenKeys());
          for (const key of [...counts.keys()]) if (!live.has(key)) recount(key);
          for (const key of live) if (!counts.has(key)) dirtyTop.add(key);
        }
        for (const key of dirtyTop) recount(key);
      });
      publish.schedule();
    });
    return () => {
      publish.cancel();
      unregister();
    };
  }, [editor]);
  return null;
}

/**
 * 清理素材 on the open document: the corpus cleaning rules (shared/corpus/clean.ts) applied to
 * its paragraphs — advertising lines removed, attributions, paywall markup and stray control
 * characters cut out of the text, formatting of what remains kept — as one undo step.
 */
import {
  $createParagraphNode,
  $getRoot,
  $isElementNode,
  $isTextNode,
  HISTORY_PUSH_TAG,
  type ElementNode,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { $isTableNode } from '@lexical/table';
import { cleanLines, type CleanReport } from '../../shared/corpus/clean';

function $paragraphsOf(node: ElementNode, out: ElementNode[]): void {
  for (const child of node.getChildren()) {
    if (!$isElementNode(child)) continue;
    if ($isTableNode(child) || child.getChildren().some((c) => $isElementNode(c) && !c.isInline())) $paragraphsOf(child, out);
    else out.push(child);
  }
}

/** Removes [start, end) ranges (offsets in getTextContent()) from a paragraph's text nodes. */
function $removeRanges(paragraph: ElementNode, ranges: Array<[number, number]>): void {
  const leaves: Array<{ node: LexicalNode; start: number; size: number }> = [];
  let at = 0;
  const walk = (n: ElementNode) => {
    for (const c of n.getChildren()) {
      if ($isElementNode(c)) walk(c);
      else {
        const size = c.getTextContentSize();
        leaves.push({ node: c, start: at, size });
        at += size;
      }
    }
  };
  walk(paragraph);
  for (const [s, e] of [...ranges].reverse()) {
    for (const leaf of [...leaves].reverse()) {
      const from = Math.max(s, leaf.start);
      const to = Math.min(e, leaf.start + leaf.size);
      if (from >= to || !$isTextNode(leaf.node)) continue;
      const node = leaf.node.getLatest();
      if (from === leaf.start && to === leaf.start + leaf.size) node.remove();
      else node.spliceText(from - leaf.start, to - from, '', false);
    }
  }
}

/** Cleans the document; resolves with what was removed (all zero: nothing to clean). */
export function cleanDocument(editor: LexicalEditor): CleanReport {
  let report: CleanReport | null = null;
  editor.update(
    () => {
      const paragraphs: ElementNode[] = [];
      $paragraphsOf($getRoot(), paragraphs);
      const cleaned = cleanLines(paragraphs.map((p) => p.getTextContent()));
      report = cleaned.report;
      cleaned.actions.forEach((action, i) => {
        const p = paragraphs[i]!;
        if (action.kind === 'drop') {
          if (p.getParent() === $getRoot()) p.remove();
          else p.clear();
        } else if (action.kind === 'edit') $removeRanges(p, action.remove);
      });
      const root = $getRoot();
      if (root.getChildrenSize() === 0) root.append($createParagraphNode());
      root.selectEnd();
    },
    { tag: HISTORY_PUSH_TAG, discrete: true },
  );
  return report!;
}

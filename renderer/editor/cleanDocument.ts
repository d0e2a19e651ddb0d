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
import { $appendBlocks, $blocks, $isBlock } from './blocks';

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
      if (from >= to) continue;
      const whole = from === leaf.start && to === leaf.start + leaf.size;
      const node = leaf.node.getLatest();
      if (whole) node.remove();
      else if ($isTextNode(node)) node.spliceText(from - leaf.start, to - from, '', false);
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
      // A paragraph may hold several lines (soft line breaks): the rules work line by line.
      const texts = paragraphs.map((p) => p.getTextContent());
      const lines = texts.map((t) => t.split('\n'));
      const cleaned = cleanLines(lines.flat());
      report = cleaned.report;
      let at = 0;
      paragraphs.forEach((p, i) => {
        const own = lines[i]!;
        const actions = cleaned.actions.slice(at, at + own.length);
        at += own.length;
        if (actions.every((a) => a.kind === 'keep')) return;
        if (actions.every((a) => a.kind === 'drop')) {
          if ($isBlock(p)) p.remove();
          else p.clear();
          return;
        }
        const ranges: Array<[number, number]> = [];
        let offset = 0;
        actions.forEach((a, k) => {
          const len = own[k]!.length;
          // A dropped line goes with its line break (the one after it, or before it if last).
          if (a.kind === 'drop') ranges.push(k < own.length - 1 ? [offset, offset + len + 1] : [Math.max(0, offset - 1), offset + len]);
          else if (a.kind === 'edit') for (const [s, e] of a.remove) ranges.push([offset + s, offset + e]);
          offset += len + 1;
        });
        ranges.sort((a, b) => a[0] - b[0]);
        const merged: Array<[number, number]> = [];
        for (const r of ranges) {
          const last = merged[merged.length - 1];
          if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
          else merged.push([...r]);
        }
        $removeRanges(p, merged);
      });
      if ($blocks().length === 0) $appendBlocks([$createParagraphNode()]);
      $getRoot().selectEnd();
    },
    { tag: HISTORY_PUSH_TAG, discrete: true },
  );
  return report!;
}

/**
 * The edits the outline makes to the document, on Lexical nodes (call inside editor.update):
 * rewriting a heading's number in place, reordering top-level blocks, splitting a run-in heading
 * from its body, joining a bare number with its title line. Offsets are in the paragraph's
 * getTextContent() (line breaks count one character).
 */
import {
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  type ElementNode,
  type LexicalNode,
  type NodeKey,
} from 'lexical';
import { ROLE_LAYOUT } from '../../../shared/model/paragraphStyles';
import { $textPieces } from '../textPieces';
import { $appendBlocks, $blocks, $nextBlock, $regroupEach } from '../blocks';
import { $createWgParagraphNode, type WgParagraphNode } from '../nodes/WgParagraphNode';



/**
 * Replaces [start, end) of a paragraph's text, keeping the formatting of the text it replaces
 * and the caret where it was relative to the text around it.
 */
export function $replaceText(p: ElementNode, start: number, end: number, text: string): void {
  const all = $textPieces(p);
  const pieces = start === end ? all.filter((x) => x.start <= start && x.end >= start).slice(0, 1) : all.filter((x) => x.end > start && x.start < end);
  if (pieces.length === 0) return;
  const selection = $getSelection();
  const points = $isRangeSelection(selection) ? [selection.anchor, selection.focus] : [];
  // Where the caret was, as [piece index, offset in the paragraph].
  const caret = points.map((pt) => {
    const i = pieces.findIndex((x) => x.node.getKey() === pt.key);
    return i < 0 ? null : pieces[i]!.start + pt.offset;
  });
  const first = pieces[0]!;
  const firstText = first.node.getTextContent();
  const a = Math.max(0, start - first.start);
  const lastPiece = pieces[pieces.length - 1]!;
  if (pieces.length === 1) {
    first.node.setTextContent(firstText.slice(0, a) + text + firstText.slice(end - first.start));
  } else {
    first.node.setTextContent(firstText.slice(0, a) + text);
    for (const x of pieces.slice(1, -1)) x.node.remove();
    const lastText = lastPiece.node.getTextContent();
    const rest = lastText.slice(end - lastPiece.start);
    if (rest === '') lastPiece.node.remove();
    else lastPiece.node.setTextContent(rest);
  }
  // Put the caret back: after the replaced text it shifts with it, inside it goes to its end.
  const delta = text.length - (end - start);
  points.forEach((pt, i) => {
    const at = caret[i];
    if (at === null || at === undefined) return;
    const moved = at >= end ? at + delta : at > start ? start + text.length : at;
    if (pieces.length === 1 || moved <= first.start + a + text.length) {
      pt.set(first.node.getKey(), Math.max(0, moved - first.start), 'text');
    } else if (lastPiece.node.isAttached()) {
      pt.set(lastPiece.node.getKey(), Math.max(0, moved - (first.start + a + text.length)), 'text');
    }
  });
}

/**
 * Puts the blocks in the given order of keys, moving only the blocks that are out of
 * place (a moved section), so everything else keeps its DOM and its place in the undo history.
 * The groups a block left or joined are replaced by fresh ones (why: $regroup); the others keep
 * their DOM and the heights Chromium remembers for them.
 */
export function $reorderBlocks(order: readonly NodeKey[], nodeOf: (key: NodeKey) => LexicalNode | null): void {
  let cursor: LexicalNode | null = $blocks()[0] ?? null;
  const touched = new Set<LexicalNode>();
  for (const key of order) {
    const node = nodeOf(key);
    if (!node) continue;
    if (cursor && cursor.is(node)) {
      cursor = $nextBlock(cursor);
      continue;
    }
    touched.add(node.getParentOrThrow());
    if (cursor) cursor.insertBefore(node);
    else $appendBlocks([node]);
    touched.add(node.getParentOrThrow());
  }
  $regroupEach(touched);
}

/**
 * Splits a run-in heading: the heading keeps [0, titleEnd), the text from bodyStart on becomes a
 * new body paragraph after it; what lies between (the 。) is dropped.
 */
export function $splitRunIn(p: WgParagraphNode, titleEnd: number, bodyStart: number): WgParagraphNode {
  const body = $createWgParagraphNode();
  const layout = ROLE_LAYOUT.body;
  body.setFormat(layout.align);
  body.setFirstLineChars(layout.indent.firstLineChars ?? 0);
  body.setLeftChars(p.getLeftChars());
  body.setRightChars(p.getRightChars());
  p.insertAfter(body);
  // Split the text node bodyStart falls in, then move it and everything after it.
  const at = $textPieces(p).find((x) => x.end > bodyStart);
  if (at) {
    let node: LexicalNode = at.start < bodyStart ? at.node.splitText(bodyStart - at.start)[1]! : at.node;
    while (node.getParent() && !node.getParent()!.is(p)) node = node.getParent()!;
    for (let n: LexicalNode | null = node; n; ) {
      const next: LexicalNode | null = n.getNextSibling();
      body.append(n);
      n = next;
    }
  }
  $replaceText(p, titleEnd, p.getTextContentSize(), '');
  return body;
}

/** Appends the text of the next `count` paragraphs to `p` and removes them (a bare number's title lines). */
export function $joinFollowing(p: ElementNode, count: number): void {
  for (let i = 0; i < count; i++) {
    const next = $nextBlock(p);
    if (!next || !$isElementNode(next)) return;
    for (const child of next.getChildren()) p.append(child);
    next.remove();
  }
}

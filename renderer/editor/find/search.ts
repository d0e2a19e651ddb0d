/**
 * Find and replace over the editor: text is gathered per paragraph (so a match may span
 * differently formatted runs but never a paragraph break), matches map back to Lexical text
 * nodes for selection, replacement and highlighting. An equation's text is searched too: a match
 * in it selects the equation (its chip), and is never replaced (the equation is read-only).
 */
import {
  $createRangeSelection,
  $getNodeByKey,
  $getRoot,
  $isElementNode,
  $isTextNode,
  $setSelection,
  HISTORY_PUSH_TAG,
  SKIP_DOM_SELECTION_TAG,
  type ElementNode,
  type LexicalEditor,
  type NodeKey,
  type PointType,
} from 'lexical';
import { $isInlineObjectNode } from '../nodes/InlineObjectNode';
import { $isWgParagraphNode } from '../nodes/WgParagraphNode';
import { findInText, type FindOptions } from './findText';

interface Segment {
  key: NodeKey;
  start: number;
  end: number;
  /** An inline object's text (an equation's), not a text node's. */
  object?: true;
}

export interface SearchBlock {
  text: string;
  segments: Segment[];
}

export interface Match {
  block: number;
  start: number;
  end: number;
}

export interface MatchPoint {
  key: NodeKey;
  offset: number;
  /** In an object's text: the selection goes around the object. */
  object?: true;
}

function $collectInline(el: ElementNode, block: SearchBlock): void {
  for (const child of el.getChildren()) {
    if ($isTextNode(child)) {
      const t = child.getTextContent();
      block.segments.push({ key: child.getKey(), start: block.text.length, end: block.text.length + t.length });
      block.text += t;
    } else if ($isElementNode(child) && child.isInline()) {
      $collectInline(child, block);
    } else if ($isInlineObjectNode(child) && child.getTextContent() !== '') {
      const t = child.getTextContent();
      block.segments.push({ key: child.getKey(), start: block.text.length, end: block.text.length + t.length, object: true });
      block.text += t;
    } else {
      block.text += '\n'; // a line break: matches never cross it
    }
  }
}

/** Every paragraph (tables included) in document order. */
export function $collectSearchBlocks(): SearchBlock[] {
  const blocks: SearchBlock[] = [];
  const walk = (el: ElementNode) => {
    for (const child of el.getChildren()) {
      if ($isWgParagraphNode(child)) {
        const b: SearchBlock = { text: '', segments: [] };
        $collectInline(child, b);
        blocks.push(b);
      } else if ($isElementNode(child)) {
        walk(child);
      }
    }
  };
  walk($getRoot());
  return blocks;
}

export function findMatches(blocks: SearchBlock[], query: string, opts: FindOptions): Match[] {
  const out: Match[] = [];
  blocks.forEach((b, i) => {
    for (const [start, end] of findInText(b.text, query, opts)) out.push({ block: i, start, end });
  });
  return out;
}

/** The node and offset of a block-level text offset; `atEnd` prefers the end of a segment. */
export function pointAt(block: SearchBlock, offset: number, atEnd: boolean): MatchPoint | null {
  for (const s of block.segments) {
    if (atEnd ? offset > s.start && offset <= s.end : offset >= s.start && offset < s.end) {
      return s.object ? { key: s.key, offset: offset - s.start, object: true } : { key: s.key, offset: offset - s.start };
    }
  }
  return null;
}

export function matchRange(blocks: SearchBlock[], m: Match): { anchor: MatchPoint; focus: MatchPoint } | null {
  const b = blocks[m.block];
  if (!b) return null;
  const anchor = pointAt(b, m.start, false);
  const focus = pointAt(b, m.end, true);
  return anchor && focus ? { anchor, focus } : null;
}

/** A point of the selection at a match's end: in its text node, or before (`after` false) or after an object. */
function $setPoint(point: PointType, m: MatchPoint, after: boolean): void {
  const node = m.object ? $getNodeByKey(m.key) : null;
  const parent = node?.getParent();
  if (node && parent) point.set(parent.getKey(), node.getIndexWithinParent() + (after ? 1 : 0), 'element');
  else point.set(m.key, m.offset, 'text');
}

function $selectRange(r: { anchor: MatchPoint; focus: MatchPoint }) {
  const sel = $createRangeSelection();
  $setPoint(sel.anchor, r.anchor, false);
  $setPoint(sel.focus, r.focus, true);
  $setSelection(sel);
  return sel;
}

/** The match covers some of an object's text: replacing it would delete the object. */
function touchesObject(blocks: SearchBlock[], m: Match): boolean {
  return blocks[m.block]?.segments.some((s) => s.object && s.start < m.end && m.start < s.end) ?? false;
}

/**
 * Makes a match the editor's selection without moving the focus out of the find bar (as in
 * Word), and scrolls it into view. The DOM selection follows when the editor regains focus.
 */
export function selectMatch(editor: LexicalEditor, blocks: SearchBlock[], m: Match): void {
  const r = matchRange(blocks, m);
  if (!r) return;
  editor.update(
    () => {
      if (!$getNodeByKey(r.anchor.key) || !$getNodeByKey(r.focus.key)) return;
      $selectRange(r);
    },
    { tag: SKIP_DOM_SELECTION_TAG, discrete: true },
  );
  const el = editor.getElementByKey(r.anchor.key);
  el?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

/**
 * Replaces the given matches in one update (one undo step). Matches are replaced from the last
 * to the first so the offsets of those not yet replaced stay valid.
 */
export function replaceMatches(editor: LexicalEditor, blocks: SearchBlock[], matches: Match[], replacement: string): number {
  let count = 0;
  editor.update(
    () => {
      for (let i = matches.length - 1; i >= 0; i--) {
        const r = matchRange(blocks, matches[i]!);
        if (!r || touchesObject(blocks, matches[i]!) || !$getNodeByKey(r.anchor.key) || !$getNodeByKey(r.focus.key)) continue;
        const sel = $selectRange(r);
        if (replacement === '') sel.removeText();
        else sel.insertText(replacement);
        count++;
      }
    },
    // One undo step, and the focus stays in the find bar.
    { tag: [HISTORY_PUSH_TAG, SKIP_DOM_SELECTION_TAG], discrete: true },
  );
  return count;
}

/** DOM ranges of the matches, for the CSS Custom Highlight API (no editor state involved). */
export function domRangesOf(editor: LexicalEditor, blocks: SearchBlock[], matches: Match[]): Range[] {
  const out: Range[] = [];
  const textNodeOf = (key: NodeKey): Text | null => {
    const el = editor.getElementByKey(key);
    if (!el) return null;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    return walker.nextNode() as Text | null;
  };
  for (const m of matches) {
    const r = matchRange(blocks, m);
    if (!r) continue;
    const a = textNodeOf(r.anchor.key);
    const f = textNodeOf(r.focus.key);
    if (!a || !f) continue;
    try {
      const range = document.createRange();
      range.setStart(a, Math.min(r.anchor.offset, a.length));
      range.setEnd(f, Math.min(r.focus.offset, f.length));
      out.push(range);
    } catch {
      // DOM not in sync yet: skip this one, the next update redraws.
    }
  }
  return out;
}

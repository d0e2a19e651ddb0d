/**
 * Places in the source document.xml (a w:p's start: BlockSource.p) found again in the editor:
 * the paragraph a comment is anchored in, the paragraph a section break follows. Paragraphs keep
 * their source through edits, so the places hold while the user types, moves and splits.
 */
import { $dfsIterator } from '@lexical/utils';
import { $createRangeSelection, $getRoot, $setSelection, type NodeKey } from 'lexical';
import { $textSpan } from '../textPieces';
import { $blocks } from '../blocks';
import { $isWgParagraphNode, type WgParagraphNode } from '../nodes/WgParagraphNode';

/** The paragraphs read from the w:p at `at`, in document order; none left: the last one that started before it (paragraphs merged when read). */
function $paragraphsAt(at: number): WgParagraphNode[] {
  const exact: WgParagraphNode[] = [];
  let before: { node: WgParagraphNode; p: number } | null = null;
  for (const { node } of $dfsIterator($getRoot())) {
    if (!$isWgParagraphNode(node)) continue;
    const p = node.getSource()?.p;
    if (p === undefined) continue;
    if (p === at) exact.push(node);
    else if (p < at && (!before || p > before.p)) before = { node, p };
  }
  return exact.length > 0 ? exact : before ? [before.node] : [];
}

/** Selects `text` in the paragraph if it holds it; returns whether it did. */
function $selectText(paragraph: WgParagraphNode, text: string): boolean {
  const start = text ? paragraph.getTextContent().indexOf(text) : -1;
  if (start < 0) return false;
  const span = $textSpan(paragraph, start, start + text.length);
  if (!span) return false;
  const sel = $createRangeSelection();
  sel.anchor.set(span.anchor[0].getKey(), span.anchor[1], 'text');
  sel.focus.set(span.focus[0].getKey(), span.focus[1], 'text');
  $setSelection(sel);
  return true;
}

/**
 * Selects what a comment is anchored to, as Word does when a comment is clicked: its text in
 * the paragraph, or the whole paragraph when the text was edited away. Returns the paragraph's
 * key, or null when the paragraph is gone.
 */
export function $selectAnchor(at: number, text: string): NodeKey | null {
  const paragraphs = $paragraphsAt(at);
  for (const p of paragraphs) if ($selectText(p, text)) return p.getKey();
  const first = paragraphs[0];
  if (!first) return null;
  first.select(0, first.getChildrenSize());
  return first.getKey();
}

/**
 * The top-level paragraphs that end a section, with their break's label: a paragraph split in
 * two ends it with its last piece (the faithful writer keeps the w:sectPr there); a paragraph
 * deleted leaves its break to the block before the next one still read from the file.
 */
export function $sectionBreakKeys(breaks: ReadonlyMap<number, string>): Map<NodeKey, string> {
  const out = new Map<NodeKey, string>();
  if (breaks.size === 0) return out;
  const lastAt = new Map<number, NodeKey>();
  /** Top-level children with where their XML starts, in order. */
  const starts: Array<{ key: NodeKey; at: number; paragraph: boolean }> = [];
  for (const child of $blocks()) {
    const paragraph = $isWgParagraphNode(child);
    const source = paragraph ? child.getSource() : null;
    if (source?.p !== undefined && breaks.has(source.p)) lastAt.set(source.p, child.getKey());
    if (source) starts.push({ key: child.getKey(), at: source.p ?? source.at, paragraph });
  }
  for (const [p, label] of breaks) {
    const key = lastAt.get(p);
    if (key) {
      out.set(key, label);
      continue;
    }
    const next = starts.findIndex((s) => s.at > p);
    const before = next > 0 ? starts[next - 1] : next < 0 ? starts[starts.length - 1] : undefined;
    if (before?.paragraph && !out.has(before.key)) out.set(before.key, label);
  }
  return out;
}

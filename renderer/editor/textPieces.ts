/**
 * A paragraph's text nodes with their offsets in its getTextContent(): line breaks count one
 * character and an equation (an InlineObjectNode) its linear text, as the model's paragraph text
 * does, so offsets from the model (校对, comments' anchors) and from the editor agree.
 */
import { $isElementNode, $isTextNode, type ElementNode, type TextNode } from 'lexical';

export interface TextPiece {
  node: TextNode;
  start: number;
  end: number;
}

export function $textPieces(p: ElementNode): TextPiece[] {
  const out: TextPiece[] = [];
  let offset = 0;
  const walk = (el: ElementNode) => {
    for (const child of el.getChildren()) {
      if ($isTextNode(child)) {
        const len = child.getTextContentSize();
        out.push({ node: child, start: offset, end: offset + len });
        offset += len;
      } else if ($isElementNode(child) && child.isInline()) {
        walk(child);
      } else {
        offset += child.getTextContentSize();
      }
    }
  };
  walk(p);
  return out;
}

/** The text nodes and offsets of [start, end) of the paragraph's text; null when an end is not in a text node (inside an equation). */
export function $textSpan(p: ElementNode, start: number, end: number): { anchor: [TextNode, number]; focus: [TextNode, number] } | null {
  const pieces = $textPieces(p);
  const a = pieces.find((x) => x.start <= start && start <= x.end);
  const f = pieces.find((x) => x.start <= end && end <= x.end && (x !== a || a.start <= start));
  return a && f ? { anchor: [a.node, start - a.start], focus: [f.node, end - f.start] } : null;
}

/** Offset in the paragraph's text of a point in one of its text nodes, or null. */
export function $offsetInParagraph(p: ElementNode, node: TextNode, offset: number): number | null {
  const piece = $textPieces(p).find((x) => x.node.is(node));
  return piece ? piece.start + offset : null;
}

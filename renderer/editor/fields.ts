/**
 * The ×× fields of a template (and any placeholder left in the text: **, XX, □, 某某, the runs
 * shared/corpus/slots.ts finds): F11 selects the next one after the caret, Shift+F11 the one
 * before, as Word's next/previous field; typing then replaces it. The search wraps around.
 */
import { $getRoot, $getSelection, $isRangeSelection, type LexicalEditor, type TextNode } from 'lexical';
import { findPlaceholders } from '../../shared/corpus/slots';

interface Field {
  node: TextNode;
  index: number;
  start: number;
  end: number;
}

function $fields(): Field[] {
  const out: Field[] = [];
  $getRoot()
    .getAllTextNodes()
    .forEach((node, index) => {
      for (const m of findPlaceholders(node.getTextContent())) out.push({ node, index, start: m.start, end: m.end });
    });
  return out;
}

/** Where the caret is: the text node's place in document order and the offset in it. */
function $caret(nodes: TextNode[], dir: 1 | -1): { index: number; offset: number } | null {
  const sel = $getSelection();
  if (!$isRangeSelection(sel)) return null;
  const [a, b] = sel.isBackward() ? [sel.focus, sel.anchor] : [sel.anchor, sel.focus];
  const point = dir === 1 ? b : a;
  const node = point.getNode();
  const i = nodes.findIndex((n) => n.is(node));
  if (i >= 0) return { index: i, offset: point.offset };
  // The caret sits on an element (an empty paragraph): take the first text node after it.
  const after = nodes.findIndex((n) => n.isBefore(node) === false);
  return { index: after < 0 ? nodes.length : after, offset: 0 };
}

/**
 * Selects the next (or previous) field from the caret, wrapping around; false when the document
 * has none. `fromStart` picks the document's first field (a new document from a template).
 */
export function selectField(editor: LexicalEditor, dir: 1 | -1, fromStart = false): boolean {
  let found = false;
  editor.update(() => {
    const fields = $fields();
    if (fields.length === 0) return;
    const nodes = $getRoot().getAllTextNodes();
    const at = fromStart ? null : $caret(nodes, dir);
    let pick: Field | undefined;
    if (!at) pick = fields[0];
    else if (dir === 1) pick = fields.find((f) => f.index > at.index || (f.index === at.index && f.start >= at.offset)) ?? fields[0];
    else pick = [...fields].reverse().find((f) => f.index < at.index || (f.index === at.index && f.end <= at.offset)) ?? fields[fields.length - 1];
    pick!.node.select(pick!.start, pick!.end);
    found = true;
  });
  return found;
}

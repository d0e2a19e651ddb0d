/**
 * Paragraph-level formatting on the current selection: role (段落样式), alignment, first-line
 * indent. Each is one editor update, hence one undo step.
 */
import { $findMatchingParent } from '@lexical/utils';
import { $getSelection, $isRangeSelection, type LexicalEditor, type LexicalNode } from 'lexical';
import { $getTableCellNodeFromLexicalNode, $isTableSelection } from '@lexical/table';
import type { Alignment, ParagraphRole } from '../../shared/model/document';
import { ROLE_LAYOUT } from '../../shared/model/paragraphStyles';
import { $isWgParagraphNode, type WgParagraphNode } from './nodes/WgParagraphNode';

function $paragraphOf(node: LexicalNode): WgParagraphNode | null {
  return $isWgParagraphNode(node) ? node : ($findMatchingParent(node, $isWgParagraphNode) as WgParagraphNode | null);
}

/** The paragraphs the selection touches, in document order. */
export function $selectedParagraphs(): WgParagraphNode[] {
  const selection = $getSelection();
  const out: WgParagraphNode[] = [];
  const seen = new Set<string>();
  const add = (p: WgParagraphNode | null) => {
    if (p && !seen.has(p.getKey())) {
      seen.add(p.getKey());
      out.push(p);
    }
  };
  if ($isRangeSelection(selection)) {
    add($paragraphOf(selection.anchor.getNode()));
    for (const n of selection.getNodes()) add($paragraphOf(n));
    add($paragraphOf(selection.focus.getNode()));
  } else if ($isTableSelection(selection)) {
    for (const n of selection.getNodes()) {
      const cell = $getTableCellNodeFromLexicalNode(n);
      if (cell) for (const c of cell.getChildren()) if ($isWgParagraphNode(c)) add(c);
    }
  }
  return out;
}

/** Applies a role and the layout it brings (null = 自动: level inferred from numbering). */
export function setParagraphRole(editor: LexicalEditor, role: ParagraphRole | null): void {
  editor.update(() => {
    for (const p of $selectedParagraphs()) {
      p.setRole(role);
      const layout = ROLE_LAYOUT[role ?? 'body'];
      p.setFormat(layout.align);
      p.setFirstLineChars(layout.indent.firstLineChars ?? 0);
      p.setLeftChars(layout.indent.leftChars ?? 0);
      p.setRightChars(layout.indent.rightChars ?? 0);
    }
  });
}

export function setAlignment(editor: LexicalEditor, align: Alignment): void {
  editor.update(() => {
    for (const p of $selectedParagraphs()) p.setFormat(align);
  });
}

/** Toggles the two-character first-line indent (首行缩进) on the selected paragraphs. */
export function toggleFirstLineIndent(editor: LexicalEditor): void {
  editor.update(() => {
    const paras = $selectedParagraphs();
    const allIndented = paras.length > 0 && paras.every((p) => p.getFirstLineChars() > 0);
    for (const p of paras) p.setFirstLineChars(allIndented ? 0 : 2);
  });
}

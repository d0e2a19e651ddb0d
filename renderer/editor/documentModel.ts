/**
 * The document model ↔ Lexical nodes. `$importDocument` fills the editor from a WgDocument,
 * `$exportDocument` reads it back; a round trip is lossless for everything the model holds.
 * Soft line breaks are "\n" and tabs "\t" inside run text; inline objects (pictures, breaks,
 * note marks, equations) are InlineObjectNodes.
 */
import {
  $createLineBreakNode,
  $createTabNode,
  $createTextNode,
  $isElementNode,
  $isLineBreakNode,
  $isTabNode,
  $isTextNode,
  type ElementFormatType,
  type ElementNode,
  type LexicalNode,
} from 'lexical';
import {
  $createTableCellNode,
  $createTableNode,
  $createTableRowNode,
  $isTableCellNode,
  $isTableNode,
  $isTableRowNode,
  TableCellHeaderStates,
  type TableNode,
} from '@lexical/table';
import { $getState, $setState } from 'lexical';
import { objectText, sameRunFormat, type Alignment, type Block, type Paragraph, type Run, type Table, type TableCell, type WgDocument } from '../../shared/model/document';
import { $createWgParagraphNode, $isWgParagraphNode, sourceState, type WgParagraphNode } from './nodes/WgParagraphNode';
import { formatBitsOf, runFormatOf, styleOf } from './runStyle';
import { $blocks, $setBlocks } from './blocks';
import { $createInlineObjectNode, $isInlineObjectNode } from './nodes/InlineObjectNode';

function alignToFormat(align: Alignment | undefined): ElementFormatType {
  return align ?? '';
}

export function formatToAlign(format: ElementFormatType): Alignment | undefined {
  switch (format) {
    case 'left':
    case 'start':
      return 'left';
    case 'center':
      return 'center';
    case 'right':
    case 'end':
      return 'right';
    case 'justify':
      return 'justify';
    default:
      return undefined;
  }
}

/** Appends a run's text, turning "\n" into line breaks and "\t" into tab nodes. */
function appendRunText(parent: ElementNode, run: Run): void {
  if (run.object) {
    const { text: _text, object, ...format } = run;
    parent.append($createInlineObjectNode(object, format));
    return;
  }
  const format = formatBitsOf(run);
  const style = styleOf(run);
  const parts = run.text.split(/(\n|\t)/);
  for (const part of parts) {
    if (part === '') continue;
    if (part === '\n') parent.append($createLineBreakNode());
    else if (part === '\t') parent.append($createTabNode().setFormat(format).setStyle(style));
    else parent.append($createTextNode(part).setFormat(format).setStyle(style));
  }
}

export function $createParagraphFromModel(p: Paragraph): WgParagraphNode {
  const node = $createWgParagraphNode();
  node.setRole(p.role ?? null);
  node.setFormat(alignToFormat(p.align));
  node.setFirstLineChars(p.indent?.firstLineChars ?? 0);
  node.setLeftChars(p.indent?.leftChars ?? 0);
  node.setRightChars(p.indent?.rightChars ?? 0);
  if (p.source) node.setSource(p.source);
  if (p.continuesLine) node.setContinuesLine(true);
  for (const run of p.runs) appendRunText(node, run);
  return node;
}

function $createTableFromModel(t: Table): TableNode {
  const table = $createTableNode();
  if (t.source) $setState(table, sourceState, t.source);
  if (t.columnWidths && t.columnWidths.length > 0) {
    const total = t.columnWidths.reduce((a, b) => a + b, 0) || 1;
    // Scale to the 156 mm text block (≈ 590 px at 96 dpi).
    table.setColWidths(t.columnWidths.map((w) => Math.max(24, Math.round((w / total) * 590))));
  }
  for (const row of t.rows) {
    const rowNode = $createTableRowNode();
    for (const cell of row.cells) {
      const cellNode = $createTableCellNode(row.header ? TableCellHeaderStates.ROW : TableCellHeaderStates.NO_STATUS, cell.colSpan ?? 1);
      if (cell.rowSpan && cell.rowSpan > 1) cellNode.setRowSpan(cell.rowSpan);
      const paras = cell.paragraphs.length > 0 ? cell.paragraphs : [{ type: 'paragraph' as const, runs: [] }];
      for (const p of paras) cellNode.append($createParagraphFromModel(p));
      rowNode.append(cellNode);
    }
    table.append(rowNode);
  }
  return table;
}

export function $createBlockFromModel(b: Block): LexicalNode {
  return b.type === 'paragraph' ? $createParagraphFromModel(b) : $createTableFromModel(b);
}

/** Replaces the editor's content with the document. Call inside editor.update(). */
export function $importDocument(doc: WgDocument): void {
  const blocks = doc.blocks.length > 0 ? doc.blocks : [{ type: 'paragraph' as const, runs: [] }];
  const nodes = blocks.map($createBlockFromModel);
  // A table cannot be the last block: the caret must be able to leave it.
  if (!$isWgParagraphNode(nodes[nodes.length - 1])) nodes.push($createWgParagraphNode());
  $setBlocks(nodes);
}

function pushRun(runs: Run[], text: string, format: Omit<Run, 'text'>): void {
  const last = runs[runs.length - 1];
  if (last && sameRunFormat(last, format)) last.text += text;
  else runs.push({ text, ...format });
}

/** The runs of an element's inline content. A line break belongs to the run before it. */
export function $runsOf(element: ElementNode): Run[] {
  const runs: Run[] = [];
  const visit = (node: LexicalNode) => {
    if ($isInlineObjectNode(node)) runs.push({ text: objectText(node.getObject()), ...node.getRunFormat(), object: node.getObject() });
    else if ($isTabNode(node)) pushRun(runs, '\t', runFormatOf(node.getFormat(), node.getStyle()));
    else if ($isTextNode(node)) pushRun(runs, node.getTextContent(), runFormatOf(node.getFormat(), node.getStyle()));
    else if ($isLineBreakNode(node)) {
      const last = runs[runs.length - 1];
      if (last && !last.object) last.text += '\n';
      else if (last) {
        // After an object: in its run's format, never in the object's own text.
        const { text: _text, object: _object, ...format } = last;
        runs.push({ text: '\n', ...format });
      } else runs.push({ text: '\n' });
    } else if ($isElementNode(node)) for (const c of node.getChildren()) visit(c);
  };
  for (const child of element.getChildren()) visit(child);
  return runs;
}

export function $paragraphToModel(node: WgParagraphNode): Paragraph {
  const p: Paragraph = { type: 'paragraph', runs: $runsOf(node) };
  const role = node.getRole();
  if (role) p.role = role;
  const align = formatToAlign(node.getFormatType());
  if (align) p.align = align;
  const first = node.getFirstLineChars();
  const left = node.getLeftChars();
  const right = node.getRightChars();
  if (first || left || right) {
    p.indent = {};
    if (first) p.indent.firstLineChars = first;
    if (left) p.indent.leftChars = left;
    if (right) p.indent.rightChars = right;
  }
  const source = node.getSource();
  if (source) p.source = source;
  if (node.getContinuesLine()) p.continuesLine = true;
  return p;
}

function $tableToModel(node: TableNode): Table {
  const table: Table = { type: 'table', rows: [] };
  const widths = node.getColWidths();
  if (widths && widths.length > 0) table.columnWidths = [...widths];
  const source = $getState(node, sourceState);
  if (source) table.source = source;
  for (const rowNode of node.getChildren()) {
    if (!$isTableRowNode(rowNode)) continue;
    const cells: TableCell[] = [];
    let header = rowNode.getChildrenSize() > 0;
    for (const cellNode of rowNode.getChildren()) {
      if (!$isTableCellNode(cellNode)) continue;
      if ((cellNode.getHeaderStyles() & TableCellHeaderStates.ROW) === 0) header = false;
      const cell: TableCell = { paragraphs: [] };
      if (cellNode.getColSpan() > 1) cell.colSpan = cellNode.getColSpan();
      if (cellNode.getRowSpan() > 1) cell.rowSpan = cellNode.getRowSpan();
      for (const child of cellNode.getChildren()) {
        if ($isWgParagraphNode(child)) cell.paragraphs.push($paragraphToModel(child));
        else if ($isElementNode(child)) cell.paragraphs.push({ type: 'paragraph', runs: $runsOf(child) });
      }
      cells.push(cell);
    }
    table.rows.push(header ? { cells, header: true } : { cells });
  }
  return table;
}

/** One top-level node (a root's child) as a block of the model; null for what the model does not hold. */
export function $blockToModel(node: LexicalNode): Block | null {
  if ($isWgParagraphNode(node)) return $paragraphToModel(node);
  if ($isTableNode(node)) return $tableToModel(node);
  if ($isElementNode(node)) return { type: 'paragraph', runs: $runsOf(node) };
  return null;
}

/** Reads the editor's content as a document. Call inside editor.read() or update(). */
export function $exportDocument(meta: WgDocument['meta'] = {}): WgDocument {
  const blocks: Block[] = [];
  for (const child of $blocks()) {
    const block = $blockToModel(child);
    if (block) blocks.push(block);
  }
  return { meta: { ...meta }, blocks };
}

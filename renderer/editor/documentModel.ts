/**
 * The document model ↔ Lexical nodes. `$importDocument` fills the editor from a WgDocument,
 * `$exportDocument` reads it back; a round trip is lossless for everything the model holds.
 * Soft line breaks are "\n" and tabs "\t" inside run text.
 */
import {
  $createLineBreakNode,
  $createTabNode,
  $createTextNode,
  $getRoot,
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
import type { Alignment, Block, Paragraph, Run, Table, TableCell, WgDocument } from '../../shared/model/document';
import { $createWgParagraphNode, $isWgParagraphNode, type WgParagraphNode } from './nodes/WgParagraphNode';

const FORMAT_BOLD = 1;
const FORMAT_ITALIC = 2;
const FORMAT_UNDERLINE = 8;

function formatOf(run: Run): number {
  return (run.bold ? FORMAT_BOLD : 0) | (run.italic ? FORMAT_ITALIC : 0) | (run.underline ? FORMAT_UNDERLINE : 0);
}

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
  const format = formatOf(run);
  const parts = run.text.split(/(\n|\t)/);
  for (const part of parts) {
    if (part === '') continue;
    if (part === '\n') parent.append($createLineBreakNode());
    else if (part === '\t') parent.append($createTabNode());
    else parent.append($createTextNode(part).setFormat(format));
  }
}

export function $createParagraphFromModel(p: Paragraph): WgParagraphNode {
  const node = $createWgParagraphNode();
  node.setRole(p.role ?? null);
  node.setFormat(alignToFormat(p.align));
  node.setFirstLineChars(p.indent?.firstLineChars ?? 0);
  node.setLeftChars(p.indent?.leftChars ?? 0);
  node.setRightChars(p.indent?.rightChars ?? 0);
  for (const run of p.runs) appendRunText(node, run);
  return node;
}

function $createTableFromModel(t: Table): TableNode {
  const table = $createTableNode();
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
  const root = $getRoot();
  root.clear();
  const blocks = doc.blocks.length > 0 ? doc.blocks : [{ type: 'paragraph' as const, runs: [] }];
  for (const b of blocks) root.append($createBlockFromModel(b));
  // A table cannot be the last block: the caret must be able to leave it.
  if (!$isWgParagraphNode(root.getLastChild())) root.append($createWgParagraphNode());
}

function sameFormat(a: Run, b: Run): boolean {
  return Boolean(a.bold) === Boolean(b.bold) && Boolean(a.italic) === Boolean(b.italic) && Boolean(a.underline) === Boolean(b.underline);
}

function pushRun(runs: Run[], text: string, format: number): void {
  const run: Run = { text };
  if (format & FORMAT_BOLD) run.bold = true;
  if (format & FORMAT_ITALIC) run.italic = true;
  if (format & FORMAT_UNDERLINE) run.underline = true;
  const last = runs[runs.length - 1];
  if (last && sameFormat(last, run)) last.text += text;
  else runs.push(run);
}

/** The runs of an element's inline content. */
export function $runsOf(element: ElementNode): Run[] {
  const runs: Run[] = [];
  const visit = (node: LexicalNode, inheritedFormat: number) => {
    if ($isTabNode(node)) pushRun(runs, '\t', node.getFormat());
    else if ($isTextNode(node)) pushRun(runs, node.getTextContent(), node.getFormat());
    else if ($isLineBreakNode(node)) pushRun(runs, '\n', inheritedFormat);
    else if ($isElementNode(node)) for (const c of node.getChildren()) visit(c, inheritedFormat);
  };
  let lastFormat = 0;
  for (const child of element.getChildren()) {
    visit(child, lastFormat);
    if ($isTextNode(child)) lastFormat = child.getFormat();
  }
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
  return p;
}

function $tableToModel(node: TableNode): Table {
  const table: Table = { type: 'table', rows: [] };
  const widths = node.getColWidths();
  if (widths && widths.length > 0) table.columnWidths = [...widths];
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

/** Reads the editor's content as a document. Call inside editor.read() or update(). */
export function $exportDocument(meta: WgDocument['meta'] = {}): WgDocument {
  const blocks: Block[] = [];
  for (const child of $getRoot().getChildren()) {
    if ($isWgParagraphNode(child)) blocks.push($paragraphToModel(child));
    else if ($isTableNode(child)) blocks.push($tableToModel(child));
    else if ($isElementNode(child)) blocks.push({ type: 'paragraph', runs: $runsOf(child) });
  }
  return { meta: { ...meta }, blocks };
}

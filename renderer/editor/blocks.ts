/**
 * The document's top-level blocks — its paragraphs and tables, in order — as everything outside
 * the editor's node plumbing must see them. The root holds them in groups (BlockGroupNode, for
 * speed only); these helpers look through the groups, so no caller walks the root itself.
 */
import { TableNode } from '@lexical/table';
import {
  $getRoot,
  $getSelection,
  $isDecoratorNode,
  $isElementNode,
  $isRangeSelection,
  $isRootNode,
  COMMAND_PRIORITY_CRITICAL,
  DELETE_CHARACTER_COMMAND,
  SELECTION_INSERT_CLIPBOARD_NODES_COMMAND,
  mergeRegister,
  type BaseSelection,
  type ElementNode,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
  type PointType,
} from 'lexical';
import { $createBlockGroupNode, $isBlockGroupNode, $keepInGroup, $regroup, groupParts, type BlockGroupNode } from './nodes/BlockGroupNode';

/** The blocks, in document order. */
export function $blocks(): LexicalNode[] {
  const out: LexicalNode[] = [];
  for (const child of $getRoot().getChildren()) {
    if ($isBlockGroupNode(child)) for (const block of child.getChildren()) out.push(block);
    else out.push(child);
  }
  return out;
}

/** The blocks' keys, in document order. */
export function $blockKeys(): NodeKey[] {
  const out: NodeKey[] = [];
  for (const child of $getRoot().getChildren()) {
    if ($isBlockGroupNode(child)) for (const key of child.getChildrenKeys()) out.push(key);
    else out.push(child.getKey());
  }
  return out;
}

/** Whether the node is one of the blocks (its parent is a group, or the root). */
export function $isBlock(node: LexicalNode): boolean {
  const parent = node.getParent();
  return parent !== null && ($isBlockGroupNode(parent) || $isRootNode(parent));
}

/** The block holding a node (a table cell's content: its table), the block itself, or null (the root, a group, a detached node). */
export function $blockOf(node: LexicalNode): LexicalNode | null {
  for (let n: LexicalNode | null = node; n; n = n.getParent()) if ($isBlock(n) && !$isBlockGroupNode(n)) return n;
  return null;
}

/**
 * The block at an element point outside any block (on the root or a group, as after select all),
 * or null.
 */
export function $blockAtPoint(node: LexicalNode, offset: number): LexicalNode | null {
  if (!$isElementNode(node) || $blockOf(node)) return null;
  const child = node.getChildAtIndex(Math.min(offset, node.getChildrenSize() - 1));
  return $isBlockGroupNode(child) ? child.getFirstChild() : child;
}

/** The block after this one, across groups; null after the last. */
export function $nextBlock(block: LexicalNode): LexicalNode | null {
  const next = block.getNextSibling();
  if (next) return next;
  const parent = block.getParent();
  const group = $isBlockGroupNode(parent) ? parent.getNextSibling() : null;
  return $isBlockGroupNode(group) ? group.getFirstChild() : group;
}

/** The block's number in the document, from 0. */
export function $blockNumber(block: LexicalNode): number {
  const parent = block.getParent();
  let n = block.getIndexWithinParent();
  if ($isBlockGroupNode(parent)) for (let g = parent.getPreviousSibling(); g; g = g.getPreviousSibling()) n += $isBlockGroupNode(g) ? g.getChildrenSize() : 1;
  return n;
}

/** Replaces the document's blocks with `blocks`, grouped. */
export function $setBlocks(blocks: readonly LexicalNode[]): void {
  const root = $getRoot();
  root.clear();
  appendGrouped(root, blocks);
}

/** Appends blocks at the document's end. */
export function $appendBlocks(blocks: readonly LexicalNode[]): void {
  const root = $getRoot();
  const last = root.getLastChild();
  if ($isBlockGroupNode(last)) last.append(...blocks);
  else appendGrouped(root, blocks);
}

/** Replaces each of these groups (still in the document) by fresh ones, after blocks moved between them ($regroup says why). */
export function $regroupEach(groups: Iterable<LexicalNode>): void {
  for (const g of groups) if ($isBlockGroupNode(g) && g.isAttached()) $regroup([g]);
}

function appendGrouped(root: ElementNode, blocks: readonly LexicalNode[]): void {
  for (const part of groupParts(blocks)) root.append($createBlockGroupNode().append(...part));
}

/** The block directly in a group that holds the point (null inside a table cell, or on the root or a group). */
function $groupedBlockAt(point: PointType): LexicalNode | null {
  for (let n: LexicalNode | null = point.getNode(); n; n = n.getParent()) {
    if ($isBlockGroupNode(n.getParent())) return n;
    if ($isElementNode(n) && (n.isShadowRoot() || $isBlockGroupNode(n))) return null;
  }
  return null;
}

/** Whether no content of the block lies before (`'start'`) or after (`'end'`) the point. */
function $atBlockEdge(point: PointType, block: LexicalNode, edge: 'start' | 'end'): boolean {
  const node = point.getNode();
  const size = point.type === 'text' ? node.getTextContentSize() : $isElementNode(node) ? node.getChildrenSize() : 0;
  if (point.offset !== (edge === 'start' ? 0 : size)) return false;
  for (let n: LexicalNode = node; !n.is(block); n = n.getParentOrThrow()) {
    if ((edge === 'start' ? n.getPreviousSibling() : n.getNextSibling()) !== null) return false;
  }
  return true;
}

/**
 * Before blocks are pasted (copied paragraphs, HTML): Lexical's insertNodes pastes blocks into a
 * block whose parent is neither the root nor a shadow root as one line (its guard against blocks
 * inside an inline-only parent), and a group is such a parent. So the block the paste goes into is
 * first taken out of its group, into the root, its group replaced by fresh ones before and after
 * it ($regroup says why groups are never edited in place), where insertNodes puts the pasted
 * blocks beside it; the blocks' transforms then put them all back into groups.
 * Returns false: the paste itself is Lexical's.
 */
export function $beforeBlocksPasted(selection: BaseSelection | null, nodes: readonly LexicalNode[]): false {
  if (!$isRangeSelection(selection) || !nodes.some((n) => ($isElementNode(n) || $isDecoratorNode(n)) && !n.isInline())) return false;
  if (!selection.isCollapsed()) selection.removeText();
  const block = $groupedBlockAt(selection.anchor);
  if (!block) return false;
  const group = block.getParentOrThrow();
  const before = block.getPreviousSiblings();
  const after = block.getNextSiblings();
  if (before.length > 0) group.insertBefore($createBlockGroupNode().append(...before));
  group.insertBefore(block);
  if (after.length > 0) group.insertBefore($createBlockGroupNode().append(...after));
  group.remove();
  return false;
}

/**
 * Before Backspace at a block's start or Delete at its end (DELETE_CHARACTER_COMMAND): Lexical
 * removes an empty block beside a non-empty one only when the two share a parent; across a group's
 * edge it merged them instead, into the empty one, so the paragraph kept the empty line's
 * alignment and role (a heading became body text). So the two groups are first made one (a fresh
 * group: $regroup), cut again by its transform if too big. Returns false: the deletion is Lexical's.
 */
export function $beforeCharacterDeleted(selection: BaseSelection | null, isBackward: boolean): false {
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false;
  const block = $groupedBlockAt(selection.anchor);
  if (!block || (isBackward ? block.getPreviousSibling() : block.getNextSibling()) !== null) return false;
  if (!$atBlockEdge(selection.anchor, block, isBackward ? 'start' : 'end')) return false;
  const group = block.getParentOrThrow() as BlockGroupNode;
  const across = isBackward ? group.getPreviousSibling() : group.getNextSibling();
  if (!$isBlockGroupNode(across)) return false;
  const neighbour = isBackward ? across.getLastChild() : across.getFirstChild();
  // Beside a table Lexical deletes nothing unless the caret's block is empty: nothing to join.
  if (!neighbour || ($isElementNode(neighbour) && neighbour.isShadowRoot() && !($isElementNode(block) && block.isEmpty()))) return false;
  $regroup(isBackward ? [across, group] : [group, across], 1);
  return false;
}

/**
 * Keeps tables put straight into the root (Lexical inserts a table at the nearest root) in a
 * group; paragraphs and groups keep themselves so with their node's own transform. Pasting blocks
 * and Backspace/Delete across a group's edge act as they would without groups
 * ($beforeBlocksPasted, $beforeCharacterDeleted).
 */
export function registerBlockGroups(editor: LexicalEditor): () => void {
  return mergeRegister(
    editor.registerNodeTransform(TableNode, $keepInGroup),
    editor.registerCommand(SELECTION_INSERT_CLIPBOARD_NODES_COMMAND, ({ nodes, selection }) => $beforeBlocksPasted(selection, nodes), COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(DELETE_CHARACTER_COMMAND, (isBackward) => $beforeCharacterDeleted($getSelection(), isBackward), COMMAND_PRIORITY_CRITICAL),
  );
}

/**
 * The document's top-level blocks — its paragraphs and tables, in order — as everything outside
 * the editor's node plumbing must see them. The root holds them in groups (BlockGroupNode, for
 * speed only); these helpers look through the groups, so no caller walks the root itself.
 */
import { TableNode } from '@lexical/table';
import { $getRoot, $isElementNode, $isRootNode, type ElementNode, type LexicalEditor, type LexicalNode, type NodeKey } from 'lexical';
import { $createBlockGroupNode, $isBlockGroupNode, $keepInGroup, GROUP_SIZE } from './nodes/BlockGroupNode';

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

/** The last block (where Ctrl+End and a document's end lead). */
export function $lastBlock(): LexicalNode | null {
  const last = $getRoot().getLastChild();
  return $isBlockGroupNode(last) ? last.getLastChild() : last;
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

function appendGrouped(root: ElementNode, blocks: readonly LexicalNode[]): void {
  for (let i = 0; i < blocks.length; i += GROUP_SIZE) root.append($createBlockGroupNode().append(...blocks.slice(i, i + GROUP_SIZE)));
}

/**
 * Keeps tables put straight into the root (Lexical inserts a table at the nearest root) in a
 * group; paragraphs and groups keep themselves so with their node's own transform.
 */
export function registerBlockGroups(editor: LexicalEditor): () => void {
  return editor.registerNodeTransform(TableNode, $keepInGroup);
}

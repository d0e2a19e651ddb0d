/**
 * A run of the document's top-level blocks (paragraphs and tables), held together only so that
 * Chromium can skip a whole run off screen at once: with `content-visibility` on ~2,300 paragraphs
 * of a long report, each keystroke paid for observing and laying out every one of them; on ~50
 * groups it does not (bench/groupedBlocks.ts). The root holds only groups.
 *
 * A group is not part of the document: the model, saving, the outline, 字数 and 校对 see the blocks
 * through `$blocks()` (../blocks.ts); copying leaves groups out (their blocks are copied as if
 * they were the root's). It is a plain element, not a shadow root, so that Backspace, Delete,
 * the arrows and selections cross a group's edge as they cross any two blocks'.
 */
import { $createParagraphNode, $getSelection, $isElementNode, $isRangeSelection, $isRootNode, ElementNode, type LexicalNode } from 'lexical';

/** Blocks a group is made with; one past twice this is cut, one under a quarter joins a neighbour. */
export const GROUP_SIZE = 50;

export class BlockGroupNode extends ElementNode {
  override $config() {
    return this.config('wg-blocks', { extends: ElementNode, $transform: $keepBalanced });
  }

  override createDOM(): HTMLElement {
    const div = document.createElement('div');
    div.className = 'wg-blocks';
    return div;
  }
  override updateDOM(): boolean {
    return false;
  }
  /** Emptied by a deletion, the group goes with its last block. */
  override canBeEmpty(): boolean {
    return false;
  }
  override canIndent(): boolean {
    return false;
  }
  override excludeFromCopy(): boolean {
    return true;
  }
}

export function $createBlockGroupNode(): BlockGroupNode {
  return new BlockGroupNode();
}

export function $isBlockGroupNode(node: LexicalNode | null | undefined): node is BlockGroupNode {
  return node instanceof BlockGroupNode;
}

/**
 * A block put straight into the root (a document read, a table inserted, an old backup) joins the
 * group before it, else the group after it, else a new group: the transform of every block type.
 */
export function $keepInGroup(block: LexicalNode): void {
  if (!$isRootNode(block.getParent())) return;
  const prev = block.getPreviousSibling();
  const next = block.getNextSibling();
  if ($isBlockGroupNode(prev)) prev.append(block);
  else if ($isBlockGroupNode(next)) next.splice(0, 0, [block]);
  else {
    const group = $createBlockGroupNode();
    block.insertBefore(group);
    group.append(block);
  }
}

/**
 * Before a block is removed (清理素材 drops whole paragraphs): Lexical moves a caret or selection
 * end in the block to the end of the block before it in its parent — or, with none, to the start
 * of the block after. A group's first block has none before it in its group, though the document
 * has one: that block's end is where the caret goes, as it would without groups. The block types'
 * remove() call this.
 */
export function $beforeBlockRemoved(block: LexicalNode): void {
  const group = block.getParent();
  if (!$isBlockGroupNode(group) || block.getPreviousSibling() !== null) return;
  const before = group.getPreviousSibling();
  const prev = $isBlockGroupNode(before) ? before.getLastChild() : null;
  const selection = $getSelection();
  if (!$isElementNode(prev) || !$isRangeSelection(selection)) return;
  for (const point of [selection.anchor, selection.focus]) {
    const node = point.getNode();
    if (node.is(block) || block.isParentOf(node)) point.set(prev.getKey(), prev.getChildrenSize(), 'element');
  }
}

/** Inline content put straight into a group (a paste, an edit at a group's edge) goes into a paragraph. */
function $wrapInline(group: BlockGroupNode): void {
  let paragraph: ElementNode | null = null;
  for (const child of group.getChildren()) {
    if (!child.isInline()) paragraph = null;
    else (paragraph ??= child.insertBefore($createParagraphNode()) as ElementNode).append(child);
  }
}

/**
 * A selection point on the group itself (between two of its blocks: Lexical leaves one there when
 * Delete removes an empty block) stays between the same two blocks while they move to other
 * groups, and not where Lexical would put it when the group goes. Call before the blocks move;
 * call what it returns after they moved, before the group is removed.
 */
function $keepPointsBetweenBlocks(group: BlockGroupNode): () => void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return () => {};
  const fixes: (() => void)[] = [];
  for (const point of [selection.anchor, selection.focus]) {
    if (point.type !== 'element' || point.key !== group.getKey()) continue;
    const before = group.getChildAtIndex(point.offset);
    const after = before ? null : group.getLastChild();
    fixes.push(() => {
      const block = before ?? after;
      if (block) point.set(block.getParentOrThrow().getKey(), block.getIndexWithinParent() + (before ? 0 : 1), 'element');
    });
  }
  return () => fixes.forEach((fix) => fix());
}

/**
 * After its blocks changed: a group not under the root gives its blocks to its parent; a group
 * past twice GROUP_SIZE is cut into groups of GROUP_SIZE; a small one joins a neighbour.
 */
function $keepBalanced(group: BlockGroupNode): void {
  if (!group.isAttached()) return;
  const parent = group.getParent();
  if (parent && !$isRootNode(parent)) {
    const keepPoints = $keepPointsBetweenBlocks(group);
    for (const block of group.getChildren()) group.insertBefore(block);
    keepPoints();
    group.remove();
    return;
  }
  $wrapInline(group);
  const keepPoints = $keepPointsBetweenBlocks(group);
  const size = group.getChildrenSize();
  if (size > 2 * GROUP_SIZE) {
    const blocks = group.getChildren();
    let last: LexicalNode = group;
    for (let i = GROUP_SIZE; i < blocks.length; i += GROUP_SIZE) {
      const next = $createBlockGroupNode();
      last.insertAfter(next);
      next.append(...blocks.slice(i, i + GROUP_SIZE));
      last = next;
    }
    keepPoints();
  } else if (size < GROUP_SIZE / 4) {
    const next = group.getNextSibling();
    const prev = group.getPreviousSibling();
    if ($isBlockGroupNode(next) && next.getChildrenSize() + size <= 2 * GROUP_SIZE) {
      // The small group takes its neighbour's blocks, not the other way round: undoing a move of
      // blocks out of a later group that stays into an earlier one throws in Lexical's reconciler
      // (error #357, DOMSlot.insertChild) and it renders the whole document anew.
      const keepNextPoints = $keepPointsBetweenBlocks(next);
      group.append(...next.getChildren());
      keepPoints();
      keepNextPoints();
      next.remove();
    } else if ($isBlockGroupNode(prev) && prev.getChildrenSize() + size <= 2 * GROUP_SIZE) {
      prev.append(...group.getChildren());
      keepPoints();
      group.remove();
    }
  }
}

/**
 * A run of the document's top-level blocks (paragraphs and tables), held together only so that
 * Chromium can skip a whole run off screen at once: with `content-visibility` on ~2,300 paragraphs
 * of a long report, each keystroke paid for observing and laying out every one of them; on ~50
 * groups it does not (README: Benchmarks, typing). The root holds only groups.
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
    this.sizeDOM(div);
    return div;
  }
  override updateDOM(_prev: BlockGroupNode, dom: HTMLElement): boolean {
    this.sizeDOM(dom);
    return false;
  }
  /** How many blocks it holds, for the height a group not yet shown is given (styles.css). */
  private sizeDOM(dom: HTMLElement): void {
    const blocks = String(this.getChildrenSize());
    if (dom.style.getPropertyValue('--wg-blocks') !== blocks) dom.style.setProperty('--wg-blocks', blocks);
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
 * A block put straight into the root (a paragraph Lexical creates there, a table it inserts at the
 * nearest root, the paragraph a paste goes into) joins the group before it, else the group after
 * it, else a new group: the transform of every block type. Such a block was put there in this
 * same update (no committed state holds a block outside a group), so this is not the kind of move
 * $regroup guards against.
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
 * Replaces the given groups (adjacent, in order) by fresh ones holding their blocks in order —
 * one group when `count` is 1, else groups of GROUP_SIZE (a last one under a quarter of that
 * joins the one before); a group inside one of them gives up its blocks too.
 *
 * Blocks change groups only this way, never by moving into a group that stays: Lexical's
 * reconciler moves a block's element between parents well only while the parent it leaves does not
 * stay (one that stays can insert its next children before an element gone to an earlier parent:
 * error #357, or blocks shown out of order), and undo replays every move backwards. With both
 * sides fresh, the old groups are destroyed and the blocks' elements reused in the new ones, in
 * either direction.
 */
export function $regroup(groups: readonly BlockGroupNode[], count?: 1): void {
  if (groups.length === 0) return;
  const keepPoints = groups.map($keepPointsBetweenBlocks);
  const blocks = groups.flatMap((g) => g.getChildren()).flatMap((b) => ($isBlockGroupNode(b) ? b.getChildren() : [b]));
  const first = groups[0]!;
  for (const part of groupParts(blocks, count)) first.insertBefore($createBlockGroupNode().append(...part));
  keepPoints.forEach((keep) => keep());
  for (const g of groups) if (g.isAttached()) g.remove();
}

/** The blocks cut into groups' worth: all in one, or GROUP_SIZE each, a small rest with the last. */
export function groupParts(blocks: readonly LexicalNode[], count?: 1): LexicalNode[][] {
  if (count === 1) return [[...blocks]];
  const parts: LexicalNode[][] = [];
  for (let i = 0; i < blocks.length; i += GROUP_SIZE) parts.push(blocks.slice(i, i + GROUP_SIZE));
  const last = parts.at(-1);
  if (parts.length > 1 && last!.length < GROUP_SIZE / 4) parts.at(-2)!.push(...parts.pop()!);
  return parts;
}

/**
 * After its blocks changed: a group inside a group gives its blocks to fresh groups; a group past
 * twice GROUP_SIZE is cut; a small one is joined with a neighbour (both replaced: $regroup).
 */
function $keepBalanced(group: BlockGroupNode): void {
  if (!group.isAttached()) return;
  const parent = group.getParent();
  if ($isBlockGroupNode(parent)) return $regroup([parent]);
  if (parent && !$isRootNode(parent)) {
    // Nowhere a group belongs (inside a table cell, say): its blocks stay, the group goes.
    for (const block of group.getChildren()) group.insertBefore(block);
    group.remove();
    return;
  }
  $wrapInline(group);
  const size = group.getChildrenSize();
  if (size > 2 * GROUP_SIZE) return $regroup([group]);
  if (size >= GROUP_SIZE / 4) return;
  const next = group.getNextSibling();
  const prev = group.getPreviousSibling();
  if ($isBlockGroupNode(next) && next.getChildrenSize() + size <= 2 * GROUP_SIZE) $regroup([group, next]);
  else if ($isBlockGroupNode(prev) && prev.getChildrenSize() + size <= 2 * GROUP_SIZE) $regroup([prev, group]);
}

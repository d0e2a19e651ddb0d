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
import { $createParagraphNode, $isRootNode, ElementNode, type LexicalNode } from 'lexical';

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

/** Inline content put straight into a group (a paste, an edit at a group's edge) goes into a paragraph. */
function $wrapInline(group: BlockGroupNode): void {
  let paragraph: ElementNode | null = null;
  for (const child of group.getChildren()) {
    if (!child.isInline()) paragraph = null;
    else (paragraph ??= child.insertBefore($createParagraphNode()) as ElementNode).append(child);
  }
}

/**
 * After its blocks changed: a group not under the root gives its blocks to its parent; a group
 * past twice GROUP_SIZE is cut into groups of GROUP_SIZE; a small one joins a neighbour.
 */
function $keepBalanced(group: BlockGroupNode): void {
  if (!group.isAttached()) return;
  const parent = group.getParent();
  if (parent && !$isRootNode(parent)) {
    for (const block of group.getChildren()) group.insertBefore(block);
    group.remove();
    return;
  }
  $wrapInline(group);
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
  } else if (size < GROUP_SIZE / 4) {
    const next = group.getNextSibling();
    const prev = group.getPreviousSibling();
    if ($isBlockGroupNode(next) && next.getChildrenSize() + size <= 2 * GROUP_SIZE) {
      const first = next.getFirstChild();
      for (const block of group.getChildren()) first!.insertBefore(block);
      group.remove();
    } else if ($isBlockGroupNode(prev) && prev.getChildrenSize() + size <= 2 * GROUP_SIZE) {
      prev.append(...group.getChildren());
      group.remove();
    }
  }
}

// The page of bench/groupedBlocks.ts: a bare Lexical editor (rich text, history) whose blocks are
// either children of the root, as in Wengao today (?flat: content-visibility on each block), or
// held in groups of 50 to 100 blocks (?group: content-visibility on each group), kept so by two
// node transforms. `?group&shadow` makes the groups shadow roots (as table cells are).
import '../sheet.css';
import { createEmptyHistoryState, registerHistory } from '@lexical/history';
import { registerRichText } from '@lexical/rich-text';
import { $getRoot, $isElementNode, ElementNode, RootNode, createEditor, type LexicalNode, type SerializedElementNode } from 'lexical';

declare global {
  interface Window {
    /** The blocks' text, by group (one group a block when flat). */
    __blocks(): string[][];
    /** Each root child's type and size. */
    __groups(): string[];
    /** The last error Lexical reported. */
    __error?: string;
  }
}

const params = new URLSearchParams(location.search);
const GROUP = 50;

class GroupNode extends ElementNode {
  static override getType(): string {
    return 'group';
  }
  static override clone(n: GroupNode): GroupNode {
    return new GroupNode(n.__key);
  }
  static override importJSON(): GroupNode {
    return new GroupNode();
  }
  override createDOM(): HTMLElement {
    const div = document.createElement('div');
    div.className = 'group';
    return div;
  }
  override updateDOM(): boolean {
    return false;
  }
  override canBeEmpty(): boolean {
    return false;
  }
  override isShadowRoot(): boolean {
    return params.has('shadow');
  }
  override exportJSON(): SerializedElementNode {
    return { ...super.exportJSON(), type: 'group' };
  }
}
const isGroup = (n: LexicalNode | null): n is GroupNode => n instanceof GroupNode;

/** Blocks put straight into the root (a paste, an empty document) go into groups. */
function $groupLooseBlocks(root: RootNode): void {
  let loose: LexicalNode[] = [];
  const wrap = (before: LexicalNode | null) => {
    if (loose.length === 0) return;
    const group = new GroupNode();
    if (before) before.insertBefore(group);
    else root.append(group);
    group.append(...loose);
    loose = [];
  };
  for (const child of root.getChildren()) {
    if (isGroup(child)) wrap(child);
    else loose.push(child);
  }
  wrap(null);
}

/** A group past twice its size is cut in groups of GROUP; a small one joins the next group; an empty one goes. */
function $balance(group: GroupNode): void {
  const size = group.getChildrenSize();
  if (size === 0) return void group.remove();
  if (size > 2 * GROUP) {
    const blocks = group.getChildren();
    let last: LexicalNode = group;
    for (let i = GROUP; i < blocks.length; i += GROUP) {
      const next = new GroupNode();
      last.insertAfter(next);
      next.append(...blocks.slice(i, i + GROUP));
      last = next;
    }
    return;
  }
  const next = group.getNextSibling();
  if (size < GROUP / 4 && isGroup(next) && next.getChildrenSize() + size <= 2 * GROUP) {
    const first = next.getFirstChild();
    if (first) for (const block of group.getChildren()) first.insertBefore(block);
    group.remove();
  }
}

const grouped = params.has('group');
const editor = createEditor({
  namespace: 'grouped',
  nodes: grouped ? [GroupNode] : [],
  onError: (e) => {
    window.__error = String(e);
    console.error(e);
  },
});
const element = document.getElementById('editor')!;
element.classList.add(grouped ? 'grouped' : 'flat');
editor.setRootElement(element);
registerRichText(editor);
registerHistory(editor, createEmptyHistoryState(), 300);
if (grouped) {
  editor.registerNodeTransform(RootNode, $groupLooseBlocks);
  editor.registerNodeTransform(GroupNode, $balance);
}
window.__blocks = () =>
  editor.getEditorState().read(() => $getRoot().getChildren().map((c) => (isGroup(c) ? c.getChildren().map((b) => b.getTextContent()) : [c.getTextContent()])));
window.__groups = () => editor.getEditorState().read(() => $getRoot().getChildren().map((c) => `${c.getType()}:${$isElementNode(c) ? c.getChildrenSize() : 0}`));

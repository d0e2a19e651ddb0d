/**
 * One index of the document's blocks (paragraphs and tables: blocks.ts) for
 * everything that keeps figures per block — 字数 in the status bar, the outline and its section
 * counts — so they cannot disagree. After each update it says which blocks may have changed,
 * on Lexical's public API only:
 * - an edit: the blocks holding the update's dirty leaves and elements;
 * - undo, redo or any swap of the whole state (which reports no dirty nodes): the blocks whose
 *   nodes are not the same instances in the two states (unchanged nodes are shared, so this
 *   finds exactly what differs), read with `editorState.read` and `$getNodeByKey`.
 */
import { $getNodeByKey, $getRoot, $isElementNode, HISTORIC_TAG, type EditorState, type LexicalEditor, type LexicalNode, type NodeKey, type UpdateListener } from 'lexical';
import { onePerEditor } from './perEditor';
import { $blockKeys, $blockOf, $blocks } from './blocks';
import { $isBlockGroupNode } from './nodes/BlockGroupNode';

export interface BlockChanges {
  editorState: EditorState;
  tags: ReadonlySet<string>;
  /** The top-level blocks, in document order, after the update. */
  keys: readonly NodeKey[];
  /** Blocks were added, removed or moved. */
  orderChanged: boolean;
  /** Blocks present now whose content may differ (new blocks included). */
  changed: ReadonlySet<NodeKey>;
  /** Blocks no longer in the document. */
  removed: readonly NodeKey[];
}

type Payload = Parameters<UpdateListener>[0];

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

/** Every node of each top-level block, in document order (the instances of that state). */
function nodesByBlock(state: EditorState): Map<NodeKey, LexicalNode[]> {
  return state.read(() => {
    const out = new Map<NodeKey, LexicalNode[]>();
    for (const block of $blocks()) {
      const nodes: LexicalNode[] = [];
      const walk = (n: LexicalNode) => {
        nodes.push(n);
        if ($isElementNode(n)) for (const c of n.getChildren()) walk(c);
      };
      walk(block);
      out.set(block.getKey(), nodes);
    }
    return out;
  });
}

export class BlockIndex {
  private keys: NodeKey[] = [];
  /** The root's children (the groups the blocks are held in) as of the last update. */
  private groups: NodeKey[] = [];
  private readonly listeners = new Set<(changes: BlockChanges) => void>();
  private off: (() => void) | null = null;
  /** The last state this index has seen (selection-only updates included). */
  private seen: EditorState | null = null;

  constructor(readonly editor: LexicalEditor) {}

  /** The blocks as of the last update. */
  blockKeys(): readonly NodeKey[] {
    return this.keys;
  }

  /**
   * Whether the subscribers have heard of every change up to the editor's current state (false
   * while an update's listeners are still running, or with nobody subscribed).
   */
  isCurrent(): boolean {
    return this.off !== null && this.seen === this.editor.getEditorState();
  }

  /** Calls `listener` after every update that changed the document; returns the unsubscribe. */
  subscribe(listener: (changes: BlockChanges) => void): () => void {
    if (this.listeners.size === 0) {
      this.seen = this.editor.getEditorState();
      this.seen.read(() => {
        this.keys = $blockKeys();
        this.groups = $getRoot().getChildrenKeys();
      });
      this.off = this.editor.registerUpdateListener((p) => this.onUpdate(p));
    }
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.off?.();
        this.off = null;
      }
    };
  }

  private onUpdate({ editorState, prevEditorState, dirtyElements, dirtyLeaves, tags }: Payload): void {
    // Undo, redo and setEditorState swap the whole state and report no dirty node but the root.
    const swapped = tags.has(HISTORIC_TAG) || (dirtyLeaves.size === 0 && dirtyElements.size === 1 && dirtyElements.has('root'));
    if (!swapped && dirtyElements.size === 0 && dirtyLeaves.size === 0) {
      this.seen = editorState;
      return; // the selection only
    }
    const changed = new Set<NodeKey>();
    let keys = this.keys;
    if (swapped) {
      const before = nodesByBlock(prevEditorState);
      const after = nodesByBlock(editorState);
      keys = [...after.keys()];
      this.groups = editorState.read(() => $getRoot().getChildrenKeys());
      for (const [k, nodes] of after) {
        const prev = before.get(k);
        if (!prev || prev.length !== nodes.length || nodes.some((n, i) => n !== prev[i])) changed.add(k);
      }
    } else {
      editorState.read(() => {
        // Blocks were added, removed or moved when the groups changed, or a group's children did
        // (`true`: the group itself was written, not only a descendant).
        const groups = $getRoot().getChildrenKeys();
        let moved = !sameKeys(groups, this.groups);
        for (const [k, own] of dirtyElements) if (own && !moved && $isBlockGroupNode($getNodeByKey(k))) moved = true;
        if (moved) {
          keys = $blockKeys();
          this.groups = groups;
        }
        const add = (k: NodeKey) => {
          const node = $getNodeByKey(k);
          const block = node && $blockOf(node);
          if (block) changed.add(block.getKey());
        };
        for (const k of dirtyLeaves) add(k);
        for (const k of dirtyElements.keys()) if (k !== 'root') add(k);
      });
    }
    const orderChanged = !sameKeys(keys, this.keys);
    let removed: NodeKey[] = [];
    if (orderChanged) {
      const live = new Set(keys);
      removed = this.keys.filter((k) => !live.has(k));
      const old = new Set(this.keys);
      for (const k of keys) if (!old.has(k)) changed.add(k);
    }
    this.keys = keys;
    const changes: BlockChanges = { editorState, tags, keys, orderChanged, changed, removed };
    for (const l of this.listeners) l(changes);
    this.seen = editorState;
  }
}

/** The editor's block index (one per editor, shared by all who subscribe). */
export const blockIndexOf = onePerEditor((editor) => new BlockIndex(editor));

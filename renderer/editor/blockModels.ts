/**
 * The document's blocks as the model holds them (shared/model/document.ts), kept per top-level
 * block and read again only for the blocks that changed: whoever sends the document somewhere
 * after typing (the backup, the 校对 worker) builds the model of a few paragraphs, not of 2,000.
 *
 * Each block's model is cached under its node key with a version number that changes whenever the
 * model is rebuilt. The block index (blockIndex.ts) says after every update, undo and redo
 * included, which blocks may have changed; those are dropped from the cache and rebuilt when next
 * read. A consumer remembers the versions it has sent and sends only blocks whose version differs
 * (`changedSince`): the receiver's copy plus those blocks is the document as read, never a mix of
 * two states, because the order and every block come from one editor state.
 */
import { type LexicalEditor, type NodeKey } from 'lexical';
import type { Block, WgDocument } from '../../shared/model/document';
import { blockIndexOf } from './blockIndex';
import { $blocks } from './blocks';
import { $blockToModel } from './documentModel';
import { onePerEditor } from './perEditor';

export interface BlockModel {
  key: NodeKey;
  block: Block;
  /** Changes whenever this block's model is rebuilt (unique over the whole session). */
  version: number;
}

export interface BlockSnapshot {
  /** The blocks in document order (the top-level nodes the model holds). */
  models: readonly BlockModel[];
}

let versions = 0;

export class BlockModels {
  private readonly cache = new Map<NodeKey, BlockModel>();
  private readonly off: () => void;

  constructor(readonly editor: LexicalEditor) {
    const index = blockIndexOf(editor);
    this.off = index.subscribe(({ changed, removed }) => {
      for (const k of changed) this.cache.delete(k);
      for (const k of removed) this.cache.delete(k);
    });
  }

  dispose(): void {
    this.off();
    this.cache.clear();
  }

  /**
   * The editor's blocks now, in order: cached models for blocks that did not change, fresh ones
   * for the rest. Called outside of an update's listeners (there the index may not have heard of
   * the update yet, and then every block is read afresh).
   */
  read(): BlockSnapshot {
    if (!blockIndexOf(this.editor).isCurrent()) this.cache.clear();
    const models: BlockModel[] = [];
    const live = new Set<NodeKey>();
    this.editor.getEditorState().read(() => {
      for (const node of $blocks()) {
        const key = node.getKey();
        let model = this.cache.get(key);
        if (!model) {
          const block = $blockToModel(node);
          if (!block) continue;
          model = { key, block, version: ++versions };
          this.cache.set(key, model);
        }
        live.add(key);
        models.push(model);
      }
    });
    if (this.cache.size > live.size) for (const k of this.cache.keys()) if (!live.has(k)) this.cache.delete(k);
    return { models };
  }
}

/** The models of a snapshot whose version differs from what `sent` records (all of them when `sent` is null). */
export function changedSince(snapshot: BlockSnapshot, sent: ReadonlyMap<NodeKey, number> | null): BlockModel[] {
  return sent ? snapshot.models.filter((m) => sent.get(m.key) !== m.version) : [...snapshot.models];
}

/** What a receiver holds after taking a snapshot: each block's key and version. */
export function versionsOf(snapshot: BlockSnapshot): Map<NodeKey, number> {
  return new Map(snapshot.models.map((m) => [m.key, m.version]));
}

/** The snapshot as a document. */
export function documentOf(snapshot: BlockSnapshot, meta: WgDocument['meta'] = {}): WgDocument {
  return { meta: { ...meta }, blocks: snapshot.models.map((m) => m.block) };
}

/** The editor's block models (one per editor, shared by the backup and the 校对 panel). */
export const blockModelsOf = onePerEditor((editor) => new BlockModels(editor));

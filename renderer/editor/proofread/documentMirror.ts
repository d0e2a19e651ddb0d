/**
 * The 校对 worker's copy of the document, kept up to date from what the panel sends after typing
 * stops: the order of the blocks by key and only the blocks that changed since the last request
 * (renderer/editor/blockModels.ts). The worker checks the whole copy, so the rules that look
 * across paragraphs (numbering, 文种, the anatomy's parts, a word written twice being a term,
 * quotations running over paragraphs) see the whole document as before, while the page's main
 * thread reads and posts a few paragraphs instead of all of them.
 */
import type { NodeKey } from 'lexical';
import { BlockMirror, type BlockChanges } from '../../../shared/model/blockChanges';
import type { Block, WgDocument } from '../../../shared/model/document';
import { changedSince, versionsOf, type BlockSnapshot } from '../blockModels';

export type DocumentChanges = BlockChanges<Block>;

/** The sender's side: what to send next, from the versions sent before. */
export class ChangeFeed {
  private sent: ReadonlyMap<NodeKey, number> | null = null;

  /** The changes since the last call (everything on the first call and after `reset`). */
  next(snapshot: BlockSnapshot): DocumentChanges {
    const reset = this.sent === null;
    const blocks = changedSince(snapshot, this.sent).map((m): [NodeKey, Block] => [m.key, m.block]);
    this.sent = versionsOf(snapshot);
    return { order: snapshot.models.map((m) => m.key), blocks, reset };
  }

  /** The receiver lost its copy (an error): the next changes hold everything. */
  reset(): void {
    this.sent = null;
  }
}

/** The receiver's side: the document the changes describe. */
export class DocumentMirror {
  private readonly blocks = new BlockMirror<Block>();

  /** The document after the changes; null when a block it should keep is missing (send everything). */
  apply(changes: DocumentChanges): WgDocument | null {
    return this.blocks.apply(changes) ? { meta: {}, blocks: this.blocks.values() } : null;
  }
}

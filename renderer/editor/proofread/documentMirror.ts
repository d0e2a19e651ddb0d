/**
 * The 校对 worker's copy of the document, kept up to date from what the panel sends after typing
 * stops: the order of the blocks by key and only the blocks that changed since the last request
 * (renderer/editor/blockModels.ts). The worker checks the whole copy, so the rules that look
 * across paragraphs (numbering, 文种, the anatomy's parts, a word written twice being a term,
 * quotations running over paragraphs) see the whole document as before, while the page's main
 * thread reads and posts a few paragraphs instead of all of them.
 */
import type { NodeKey } from 'lexical';
import type { Block, WgDocument } from '../../../shared/model/document';
import { changedSince, versionsOf, type BlockSnapshot } from '../blockModels';

export interface DocumentChanges {
  /** The blocks in document order. */
  order: NodeKey[];
  /** The blocks new or changed since the previous changes (all of them when `reset`). */
  blocks: Array<[NodeKey, Block]>;
  /** The receiver forgets what it had: `blocks` holds every block. */
  reset: boolean;
}

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
  private blocks = new Map<NodeKey, Block>();

  /** The document after the changes; null when a block it should keep is missing (send everything). */
  apply(changes: DocumentChanges): WgDocument | null {
    const prev = changes.reset ? new Map<NodeKey, Block>() : this.blocks;
    const given = new Map(changes.blocks);
    const next = new Map<NodeKey, Block>();
    for (const key of changes.order) {
      const block = given.get(key) ?? prev.get(key);
      if (!block) {
        this.blocks = new Map();
        return null;
      }
      next.set(key, block);
    }
    this.blocks = next;
    return { meta: {}, blocks: [...next.values()] };
  }
}

/**
 * A document's blocks sent as changes: the order of the blocks by key, and only the blocks new or
 * changed since the previous change. The 校对 worker mirrors the document's blocks this way
 * (renderer/editor/proofread/documentMirror.ts), the suggestion worker the open document's lines
 * (shared/suggest/currentDocument.ts).
 */
export interface BlockChanges<T> {
  /** The receiver forgets what it had: `blocks` holds every block of `order`. */
  reset: boolean;
  /** The blocks, by key, in document order. */
  order: string[];
  /** The blocks of `order` that are new or changed since the previous change. */
  blocks: Array<[string, T]>;
}

/** The receiver's copy of the blocks the changes describe, in document order. */
export class BlockMirror<T> {
  private held = new Map<string, T>();

  /** Applies changes; false (and the copy emptied) when a block it should keep is missing: the sender must reset. */
  apply(changes: BlockChanges<T>): boolean {
    const prev = changes.reset ? new Map<string, T>() : this.held;
    const given = new Map(changes.blocks);
    const next = new Map<string, T>();
    for (const key of changes.order) {
      const block = given.get(key) ?? prev.get(key);
      if (block === undefined) {
        this.held = new Map();
        return false;
      }
      next.set(key, block);
    }
    this.held = next;
    return true;
  }

  /** The blocks in order, each with its key (the same values until a change replaces them). */
  entries(): Array<[string, T]> {
    return [...this.held];
  }

  values(): T[] {
    return [...this.held.values()];
  }

  /** Everything held, as one change (for a receiver that starts afresh). */
  asReset(): BlockChanges<T> {
    return { reset: true, order: [...this.held.keys()], blocks: this.entries() };
  }

  get empty(): boolean {
    return this.held.size === 0;
  }
}

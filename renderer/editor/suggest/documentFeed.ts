/**
 * The open document as the suggestion worker indexes it for the current-document boost, sent as
 * changes (shared/suggest/currentDocument.ts): after a pause in typing, the page reads the text of
 * the blocks that changed since the last pause (the block index, blockIndex.ts, says which, undo
 * and redo included) and sends those and the order of the blocks, not the whole document.
 * The caret's paragraph is left out (it would suggest itself); the blocks are sent in document
 * order up to MAX_CURRENT_DOCUMENT_CHARS characters.
 */
import { $getNodeByKey, type LexicalEditor, type LexicalNode, type NodeKey } from 'lexical';
import { MAX_CURRENT_DOCUMENT_CHARS, MAX_CURRENT_DOCUMENT_LINE } from '../../../shared/api/contract';
import type { DocumentLinesChange } from '../../../shared/suggest/currentDocument';
import { blockIndexOf } from '../blockIndex';
import { $blockKeys, $blocks } from '../blocks';

/** The lines of a block worth indexing (a soft line break or a table cell starts a new one). */
function $linesOf(block: LexicalNode): string[] {
  return block
    .getTextContent()
    .split('\n')
    .filter((l) => l.trim().length >= 2 && l.length <= MAX_CURRENT_DOCUMENT_LINE);
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((l, i) => l === b[i]);
}

export class SuggestionDocumentFeed {
  /** Each block's lines as last read (blocks changed since then are in `stale`). */
  private readonly lines = new Map<NodeKey, string[]>();
  private readonly stale = new Set<NodeKey>();
  private readAll = true;
  /** What the receiver holds: each block's lines as sent (null: nothing, send everything). */
  private sent: Map<NodeKey, string[]> | null = null;
  private sentOrder: readonly NodeKey[] = [];
  private readonly off: () => void;

  constructor(private readonly editor: LexicalEditor) {
    this.off = blockIndexOf(editor).subscribe(({ changed, removed }) => {
      for (const k of changed) this.stale.add(k);
      for (const k of removed) {
        this.stale.delete(k);
        this.lines.delete(k);
      }
    });
  }

  dispose(): void {
    this.off();
  }

  /** The receiver lost its copy: the next change holds everything. */
  reset(): void {
    this.sent = null;
  }

  /** What changed since the last call, leaving out the block `excluded`; null when nothing did. */
  next(excluded: NodeKey | null): DocumentLinesChange | null {
    const index = blockIndexOf(this.editor);
    // Called from inside an update's listeners, the index may not have heard of it yet.
    if (!index.isCurrent()) this.readAll = true;
    const keys = this.editor.getEditorState().read(() => {
      if (this.readAll) {
        this.lines.clear();
        for (const block of $blocks()) this.lines.set(block.getKey(), $linesOf(block));
      } else {
        for (const k of this.stale) {
          const block = $getNodeByKey(k);
          if (block) this.lines.set(k, $linesOf(block));
          else this.lines.delete(k);
        }
      }
      return this.readAll ? $blockKeys() : index.blockKeys();
    });
    this.readAll = false;
    this.stale.clear();

    const order: NodeKey[] = [];
    const blocks: Array<[NodeKey, string[]]> = [];
    let budget = MAX_CURRENT_DOCUMENT_CHARS;
    for (const k of keys) {
      if (k === excluded) continue;
      const lines = this.lines.get(k);
      if (!lines || lines.length === 0) continue;
      for (const l of lines) budget -= l.length;
      if (budget < 0) break;
      order.push(k);
      const sent = this.sent?.get(k);
      if (!sent || (sent !== lines && !sameLines(sent, lines))) blocks.push([k, lines]);
    }
    const reset = this.sent === null;
    if (!reset && blocks.length === 0 && sameLines(order, this.sentOrder)) return null;
    const sent = new Map<NodeKey, string[]>();
    for (const k of order) sent.set(k, this.lines.get(k)!);
    this.sent = sent;
    this.sentOrder = order;
    return { reset, order, blocks };
  }
}

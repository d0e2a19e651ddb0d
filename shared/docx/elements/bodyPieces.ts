/**
 * Body-level pieces, both ways. Reading: each block points at the body-level element it was read
 * from (a paragraph, a table, a content control holding several paragraphs…: BlockSource at/to,
 * and part/parts when one piece gave several blocks); a paragraph whose mark was deleted joins the
 * next one's piece. Writing: the blocks are grouped again by the piece they point at, and a group
 * whose blocks are all still there, in order and unchanged, is untouched: written back as it was.
 */
import type { Block } from '../../model/document';
import { blockFingerprint } from '../faithful/fingerprint';
import type { BodyReader } from './context';

/** Records, while w:body is read, which piece each block comes from. */
export class BodyPieces {
  /** Depth of the element being read below w:body. */
  depth = 0;
  private at = 0;
  private first = 0;

  constructor(private readonly ctx: BodyReader) {}

  /** A body-level element opens. */
  begin(): void {
    const { body } = this.ctx;
    if (body.held) return; // a paragraph whose mark was deleted joins the next one: one group
    this.at = this.ctx.tagStart();
    this.first = body.blocks.length;
  }

  /** A body-level element closed (or was skipped): the blocks read since begin() come from it. */
  end(): void {
    const { body } = this.ctx;
    if (body.held) return;
    const group = body.blocks.slice(this.first);
    group.forEach((b, i) => {
      const source = (b.source ??= { at: 0, to: 0, fp: '' });
      source.at = this.at;
      source.to = this.ctx.cursor.offset;
      if (group.length > 1) {
        source.part = i;
        source.parts = group.length;
      }
    });
    this.first = body.blocks.length;
  }
}

/** The body's children as the writer found them: child index by start and by end offset. */
export interface PieceIndex {
  indexOf: Map<number, number>;
  endIndexOf: Map<number, number>;
}

/** The children a block was read from, when its source still points at whole children. */
export function validRange(index: PieceIndex, b: Block): { first: number; last: number } | null {
  const s = b.source;
  if (!s) return null;
  const first = index.indexOf.get(s.at);
  const last = index.endIndexOf.get(s.to);
  if (first === undefined || last === undefined || last < first) return null;
  return { first, last };
}

export interface Group {
  first: number;
  last: number;
  /** Blocks of the model that came from it, in document order. */
  blocks: number[];
  untouched: boolean;
}

/** All of a piece's blocks, and only they, in order, each as it was read. */
function untouched(g: Group, blocks: Block[]): boolean {
  const parts = blocks[g.blocks[0]!]!.source!.parts ?? 1;
  return (
    g.blocks.length === parts &&
    g.blocks.every((bi, k) => {
      const b = blocks[bi]!;
      return bi === g.blocks[0]! + k && (b.source!.part ?? 0) === k && blockFingerprint(b) === b.source!.fp;
    })
  );
}

/** The model's blocks grouped by the piece they were read from, by the piece's first child. */
export function groupsOf(index: PieceIndex, blocks: Block[]): Map<number, Group> {
  const groups = new Map<number, Group>();
  blocks.forEach((b, i) => {
    const r = validRange(index, b);
    if (!r) return;
    const g = groups.get(r.first) ?? { first: r.first, last: r.last, blocks: [], untouched: true };
    g.blocks.push(i);
    groups.set(r.first, g);
  });
  for (const g of groups.values()) g.untouched = untouched(g, blocks);
  return groups;
}

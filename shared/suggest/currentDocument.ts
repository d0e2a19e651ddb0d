/**
 * The open document for the current-document boost, kept up to date by changes instead of being
 * sent and indexed whole after every pause in typing.
 *
 * The renderer sends the blocks (top-level paragraphs, by node key) in document order, and the
 * lines of only those blocks that are new or changed since its previous change
 * (`DocumentLinesChange`); `DocumentLines` is the receiver's copy. `CurrentDocumentIndex` keeps
 * the phrase index of those lines, each line a document of its own (one vote each), and after a
 * change updates it in place of rebuilding it: the lines that stayed keep their suffixes (their
 * positions moved, their order did not), the suffixes of the new lines are sorted and merged in.
 * The result is exactly the index `buildPhraseIndex` makes from the same lines (same text,
 * suffix array and document table), so the suggestions are the same too.
 */
import { markSlots } from '../corpus/slots';
import { BlockMirror, type BlockChanges } from '../model/blockChanges';
import { DOC_END, buildPhraseIndex, layoutText, type IndexInput, type PhraseIndex } from './phraseIndex';

/** What the user sees as the source of a suggestion from the open document. */
export const CURRENT_DOCUMENT_NAME = '当前文档';

/** A change of the open document as the renderer sends it: the blocks' keys in document order (the caret's paragraph left out), the lines of the new or changed ones. */
export type DocumentLinesChange = BlockChanges<string[]>;

/** The receiver's copy of the blocks' lines the changes describe. */
export class DocumentLines extends BlockMirror<string[]> {}

/** One line of the open document as indexed. */
interface IndexedLine {
  key: string;
  /** Which of its block's indexed lines it is. */
  nth: number;
  text: string;
}

/**
 * New lines making up more than this share of the text are indexed by a rebuild (linear), not
 * merged in (a binary search per suffix).
 */
const MERGE_SHARE = 0.25;

export class CurrentDocumentIndex {
  private lines: IndexedLine[] = [];
  private prepared = new Map<string, { raw: string[]; lines: string[] }>();
  index: PhraseIndex | null = null;
  /** How the last update was done (for tests and benchmarks). */
  lastUpdate: 'merged' | 'rebuilt' | 'unchanged' = 'unchanged';

  /** `budget`: the index covers the document's lines up to this many characters. */
  constructor(private readonly budget: number) {}

  /** Indexes the blocks (in document order) as they are now. */
  update(blocks: Array<[string, string[]]>): void {
    const next = this.linesOf(blocks);
    const old = this.lines;
    // A line stays when its block holds the same text at the same place among its lines, and the
    // lines that stay keep their order (a moved block is taken as removed and added).
    const firstOf = new Map<string, number>();
    old.forEach((l, i) => {
      if (l.nth === 0) firstOf.set(l.key, i);
    });
    const kept: Array<[number, number]> = []; // [old line, new line]
    let last = -1;
    next.forEach((l, j) => {
      const first = firstOf.get(l.key);
      if (first === undefined) return;
      const i = first + l.nth;
      const o = old[i];
      if (o && o.key === l.key && o.nth === l.nth && o.text === l.text && i > last) {
        kept.push([i, j]);
        last = i;
      }
    });
    this.lines = next;
    if (kept.length === old.length && kept.length === next.length) {
      this.lastUpdate = 'unchanged';
      return;
    }
    const inputs: IndexInput[] = next.map((l) => ({ name: CURRENT_DOCUMENT_NAME, kind: 'current', paragraphs: [l.text] }));
    if (inputs.length === 0) {
      this.index = null;
      this.lastUpdate = 'rebuilt';
      return;
    }
    const { text, docStarts } = layoutText(inputs);
    const keptChars = kept.reduce((n, [, j]) => n + docStarts[j + 1]! - docStarts[j]!, 0);
    if (!this.index || text.length - keptChars > MERGE_SHARE * text.length) {
      this.index = buildPhraseIndex(inputs);
      this.lastUpdate = 'rebuilt';
      return;
    }
    const sa = mergedSuffixes(this.index, text, docStarts, kept);
    this.index = { text, sa, docStarts, docs: inputs.map((d) => ({ name: d.name, kind: d.kind })) };
    this.lastUpdate = 'merged';
  }

  /** The lines indexed: trimmed, placeholders marked, at least 2 characters, within the budget. */
  private linesOf(blocks: Array<[string, string[]]>): IndexedLine[] {
    const out: IndexedLine[] = [];
    const prepared = new Map<string, { raw: string[]; lines: string[] }>();
    let budget = this.budget;
    for (const [key, raw] of blocks) {
      let p = this.prepared.get(key);
      if (!p || p.raw !== raw) p = { raw, lines: raw.map((l) => markSlots(l.trim())).filter((t) => t.length >= 2) };
      prepared.set(key, p);
      for (let nth = 0; nth < p.lines.length; nth++) {
        const t = p.lines[nth]!;
        budget -= t.length;
        if (budget < 0) {
          this.prepared = prepared;
          return out;
        }
        out.push({ key, nth, text: t });
      }
    }
    this.prepared = prepared;
    return out;
  }
}

/**
 * The suffix array of the new text: the old index's suffixes of the lines kept, moved to their new
 * positions (in the same order: a kept suffix compares with another as before), and the suffixes
 * of the other lines sorted and merged in. `kept` pairs old and new line numbers, both ascending.
 */
function mergedSuffixes(old: PhraseIndex, text: Uint16Array, docStarts: Int32Array, kept: Array<[number, number]>): Int32Array {
  const n = text.length;
  // Old position → new position of every kept suffix (-1: its line is gone).
  const moved = new Int32Array(old.text.length).fill(-1);
  const isKept = new Uint8Array(docStarts.length - 1);
  for (const [i, j] of kept) {
    const shift = docStarts[j]! - old.docStarts[i]!;
    for (let p = old.docStarts[i]!; p < old.docStarts[i + 1]!; p++) moved[p] = p + shift;
    isKept[j] = 1;
  }
  const stay = new Int32Array(n);
  let s = 0;
  for (let k = 0; k < old.sa.length; k++) {
    const p = moved[old.sa[k]!]!;
    if (p >= 0) stay[s++] = p;
  }
  const added = new Int32Array(n - s);
  let a = 0;
  for (let j = 0; j < isKept.length; j++) if (!isKept[j]) for (let p = docStarts[j]!; p < docStarts[j + 1]!; p++) added[a++] = p;
  const cmp = (p: number, q: number) => compareSuffixes(text, p, q);
  added.sort(cmp);
  const sa = new Int32Array(n);
  let out = 0;
  let from = 0;
  for (let k = 0; k < added.length; k++) {
    const q = added[k]!;
    // The first staying suffix after q (the added ones ascend, so the search starts where the last ended).
    let lo = from;
    let hi = s;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmp(stay[mid]!, q) < 0) lo = mid + 1;
      else hi = mid;
    }
    sa.set(stay.subarray(from, lo), out);
    out += lo - from;
    sa[out++] = q;
    from = lo;
  }
  sa.set(stay.subarray(from, s), out);
  return sa;
}

/**
 * Suffix order as the suffix array builds it (sais.ts with DOC_END as terminator): by code unit,
 * a document's end below every character and two ends ordered by position.
 */
function compareSuffixes(text: Uint16Array, p: number, q: number): number {
  if (p === q) return 0;
  for (let k = 0; ; k++) {
    const a = text[p + k]!;
    const b = text[q + k]!;
    if (a !== b) return a - b;
    if (a === DOC_END) return p - q;
  }
}

/**
 * Preparing a corpus one document at a time, straight into the index's text: each document is
 * cleaned, fingerprinted and written into one growing Uint16Array as soon as it is read, so that
 * only one document's strings live at a time. The result is exactly prepareCorpus's (then
 * layoutText's) for the same documents in the same order:
 *
 * - Recurrence (a line found in two documents needs only one promotional cue to go) is known only
 *   once every document is in. The line keys are counted by hash (two 32-bit hashes: a false match
 *   among a million keys has a chance of about 1 in 10^7); a line whose fate depends on a key not
 *   yet seen twice is kept for now and noted, and dropped at the end if its key did recur.
 * - Duplicates (the longer copy kept) are decided at the end, from the fingerprints; the kept
 *   documents are then moved together in place.
 */
import { fingerprint, findDuplicates } from './dedup';
import { MIN_RECURRING_KEY, emptyReport, lineKey, type CleanReport, type LineAction } from './clean';
import { prepareLines, type SourceDocument } from './prepare';
import { hashHalves } from '../text/hash';
import { DOC_END, PARA, stringOf, writeParagraph, type IndexInput } from '../suggest/phraseIndex';

/** In how many documents (0, 1 or "2 or more") each line key occurs: an open-addressing table of hashes. */
class KeyCounts {
  private size = 0;
  private h1: Uint32Array;
  private h2: Uint32Array;
  private lastDoc: Int32Array;
  private count: Uint8Array;

  constructor(bits = 16) {
    this.h1 = new Uint32Array(1 << bits);
    this.h2 = new Uint32Array(1 << bits);
    this.lastDoc = new Int32Array(1 << bits).fill(-1);
    this.count = new Uint8Array(1 << bits);
  }

  private slot(a: number, b: number): number {
    const mask = this.h1.length - 1;
    let i = (a ^ Math.imul(b, 0x9e3779b1)) & mask;
    while (this.count[i] !== 0 && (this.h1[i] !== a || this.h2[i] !== b)) i = (i + 1) & mask;
    return i;
  }

  /** Counts `key` once for document `doc` (documents come in order). */
  add(key: string, doc: number): void {
    const [a, b] = hashHalves(key);
    this.addHash(a, b, doc);
  }

  /** Counts the key of hash halves `a`, `b` once for document `doc` (documents come in order). */
  addHash(a: number, b: number, doc: number): void {
    const i = this.slot(a, b);
    if (this.count[i] === 0) {
      this.h1[i] = a;
      this.h2[i] = b;
      this.count[i] = 1;
      this.lastDoc[i] = doc;
      if (++this.size * 2 > this.h1.length) this.grow();
    } else if (this.lastDoc[i] !== doc) {
      this.lastDoc[i] = doc;
      this.count[i] = 2;
    }
  }

  /** Whether `key` occurs in two documents or more (so far). */
  recurring(key: string): boolean {
    const [a, b] = hashHalves(key);
    return this.count[this.slot(a, b)] === 2;
  }

  private grow(): void {
    const { h1, h2, lastDoc, count } = this;
    const n = h1.length * 2;
    this.h1 = new Uint32Array(n);
    this.h2 = new Uint32Array(n);
    this.lastDoc = new Int32Array(n).fill(-1);
    this.count = new Uint8Array(n);
    for (let j = 0; j < h1.length; j++) {
      if (count[j] === 0) continue;
      const i = this.slot(h1[j]!, h2[j]!);
      this.h1[i] = h1[j]!;
      this.h2[i] = h2[j]!;
      this.lastDoc[i] = lastDoc[j]!;
      this.count[i] = count[j]!;
    }
  }
}

export interface Appended {
  id: string;
  name: string;
  /** [start, end) in the text, DOC_END included. */
  start: number;
  end: number;
  chars: number;
  fp: Uint32Array;
  /** Paragraphs dropped at the end ([start, end), PARA included), in order. */
  removed?: Array<[number, number]>;
}

/** A line kept for now whose key had not recurred yet when its document was cleaned. */
export interface Pending {
  key: string;
  action: LineAction;
  /** The appended document and the paragraph's range, when the line gave one. */
  doc: number;
  range: [number, number] | null;
}

export interface BuiltCorpus {
  /** The kept documents' text then the extra documents', laid out as layoutText does (a view from offset 0 of the builder's memory, which may be longer). */
  text: Uint16Array;
  docStarts: Int32Array;
  /** The kept documents, in the order added. */
  documents: Array<{ id: string; name: string }>;
  /** Documents left out as duplicates: [duplicate id, id of the kept one]. */
  duplicates: Array<[string, string]>;
  report: CleanReport;
  /** Code units of the memory written and then left behind (duplicates and dropped lines moved out). */
  spare: number;
}

/** The hash halves of the keys long enough to count as recurring. */
function keyHashesOf(keys: string[]): Uint32Array {
  let n = 0;
  for (const k of keys) if (k.length >= MIN_RECURRING_KEY) n++;
  const out = new Uint32Array(2 * n);
  let at = 0;
  for (const k of keys) {
    if (k.length < MIN_RECURRING_KEY) continue;
    const [a, b] = hashHalves(k);
    out[at++] = a;
    out[at++] = b;
  }
  return out;
}

/**
 * What a builder made of a run of documents, to be appended to the builder of the documents
 * before them (another thread's: the parts are plain data, the text in shared memory).
 */
export interface CorpusPart {
  /** The documents' text, from offset 0. */
  text: Uint16Array;
  docs: Appended[];
  pending: Pending[];
  /** For each document added (empty ones included), its lines' keys as hash halves (a, b, a, b…), to be counted by the builder appended to. */
  keys: Uint32Array[];
  report: CleanReport;
}

export class CorpusBuilder {
  private text: Uint16Array;
  private length = 0;
  private sources = 0;
  private readonly docs: Appended[] = [];
  private readonly pending: Pending[] = [];
  private keys = new KeyCounts();
  /** A part's builder (see constructor): each document's key hashes, for the builder it is appended to. */
  private readonly keyHashes: Uint32Array[] | null;
  /** A part's builder's own count of its keys (a map in the heap: the part's thread ends with it): the last document of each, -1 once in two. */
  private readonly partKeys = new Map<string, number>();
  private readonly report = emptyReport();

  /**
   * `capacity`: a guess of the code units needed (the text grows as needed); `alloc` gives the
   * text's memory (the sharded build wants it shared between threads). The finished text is a
   * view on that memory: nothing is copied at the end. `part`: the builder of a part (part()),
   * which hands its documents' key hashes to the builder it is appended to (another thread's)
   * rather than a table of its own.
   */
  constructor(
    capacity = 1 << 16,
    private readonly alloc: (n: number) => Uint16Array = (n) => new Uint16Array(n),
    part = false,
  ) {
    this.text = alloc(Math.max(1024, capacity));
    this.keyHashes = part ? [] : null;
    if (part) this.keys = new KeyCounts(0);
  }

  /** Cleans one document and writes it into the text (nothing when nothing is left of it). */
  add(source: SourceDocument): void {
    const doc = this.sources++;
    const keys = source.lines.map(lineKey);
    if (this.keyHashes) {
      this.keyHashes.push(keyHashesOf(keys));
      for (const k of keys) {
        if (k.length < MIN_RECURRING_KEY) continue;
        const last = this.partKeys.get(k);
        if (last === undefined) this.partKeys.set(k, doc);
        else if (last !== doc && last !== -1) this.partKeys.set(k, -1);
      }
    } else for (const k of keys) if (k.length >= MIN_RECURRING_KEY) this.keys.add(k, doc);
    const asked: string[] = [];
    const recurring = {
      has: (k: string): boolean => {
        if (k.length < MIN_RECURRING_KEY) return false;
        if (this.keyHashes ? this.partKeys.get(k) === -1 : this.keys.recurring(k)) return true;
        asked.push(k);
        return false;
      },
    };
    const r = prepareLines(source.lines, recurring, keys);
    for (const k of Object.keys(this.report) as (keyof CleanReport)[]) this.report[k] += r.report[k];
    const { paragraphs } = r;
    let at = this.length;
    const starts: number[] = [];
    if (paragraphs.length > 0) {
      let need = 1;
      for (const p of paragraphs) need += p.length + 1;
      this.reserve(need);
      for (const p of paragraphs) {
        starts.push(at);
        at = writeParagraph(this.text, at, p);
      }
      this.text[at++] = DOC_END;
    }
    // Found by maps, not indexOf per key: a long document asks about most of its lines.
    const lineOfKey = new Map<string, number>();
    const paraOfLine = new Map<number, number>();
    if (asked.length > 0) {
      keys.forEach((k, i) => void (lineOfKey.has(k) || lineOfKey.set(k, i)));
      r.lineOf.forEach((line, para) => void (paraOfLine.has(line) || paraOfLine.set(line, para)));
    }
    for (const key of asked) {
      // The key occurs once in this document (a repeated line is recurring already): its line.
      const line = lineOfKey.get(key)!;
      const para = paraOfLine.get(line) ?? -1;
      const range: [number, number] | null = para < 0 ? null : [starts[para]!, para + 1 < starts.length ? starts[para + 1]! : at - 1];
      this.pending.push({ key, action: r.actions[line]!, doc: this.docs.length, range });
    }
    if (paragraphs.length === 0) return;
    const chars = paragraphs.reduce((n, p) => n + p.length, 0);
    this.docs.push({ id: source.id, name: source.name, start: this.length, end: at, chars, fp: fingerprint(paragraphs.join('\n')) });
    this.length = at;
  }

  /** What this builder made, to append to another one (CorpusBuilder.append). The builder is spent afterwards. */
  part(): CorpusPart {
    if (!this.keyHashes) throw new Error('not the builder of a part');
    const part = { text: this.text.subarray(0, this.length), docs: [...this.docs], pending: [...this.pending], keys: [...this.keyHashes], report: this.report };
    this.text = new Uint16Array(0);
    this.docs.length = 0;
    this.pending.length = 0;
    this.keyHashes.length = 0;
    this.partKeys.clear();
    return part;
  }

  /**
   * Appends a part built by another builder from the documents that follow this one's: the same
   * as adding those documents here one by one (lines recurring across the two are settled at the
   * end, as lines whose key recurs later are).
   */
  append(part: CorpusPart): void {
    const shift = this.length;
    const docShift = this.docs.length;
    this.reserve(part.text.length);
    this.text.set(part.text, shift);
    for (const d of part.docs) this.docs.push({ ...d, start: d.start + shift, end: d.end + shift });
    for (const p of part.pending) this.pending.push({ ...p, doc: p.doc + docShift, range: p.range && [p.range[0] + shift, p.range[1] + shift] });
    for (const hashes of part.keys) {
      const doc = this.sources++;
      for (let i = 0; i < hashes.length; i += 2) this.keys.addHash(hashes[i]!, hashes[i + 1]!, doc);
    }
    for (const k of Object.keys(this.report) as (keyof CleanReport)[]) this.report[k] += part.report[k];
    this.length += part.text.length;
  }

  /** Code units written so far (lines dropped at the end and duplicates included). */
  get written(): number {
    return this.length;
  }

  private reserve(n: number): void {
    if (this.length + n <= this.text.length) return;
    const next = this.alloc(Math.max(this.length + n, this.text.length * 2));
    next.set(this.text.subarray(0, this.length));
    this.text = next;
  }

  /**
   * Settles the pending lines and the duplicates, moves the kept documents together in place and
   * lays `extra` (the phrasebook) out after them. The builder is spent afterwards.
   */
  finish(extra: IndexInput[]): BuiltCorpus {
    this.settlePending();
    const nonEmpty = this.docs.filter((d) => d.chars > 0);
    const dupOf = findDuplicates(
      nonEmpty.map((d) => d.fp),
      nonEmpty.map((d) => d.chars),
    );
    const duplicates: Array<[string, string]> = [];
    const kept: Appended[] = [];
    nonEmpty.forEach((d, i) => {
      const of = dupOf[i]!;
      if (of >= 0) duplicates.push([d.id, nonEmpty[of]!.id]);
      else kept.push(d);
    });
    let extraLength = 0;
    for (const d of extra) {
      for (const p of d.paragraphs) extraLength += p.length + 1;
      extraLength += 1;
    }
    this.reserve(extraLength);
    const { text } = this;
    const docStarts = new Int32Array(kept.length + extra.length + 1);
    // Kept text only moves towards the start: copyWithin never overwrites what is still to move.
    let at = 0;
    kept.forEach((d, i) => {
      docStarts[i] = at;
      let from = d.start;
      for (const [a, b] of d.removed ?? []) {
        text.copyWithin(at, from, a);
        at += a - from;
        from = b;
      }
      text.copyWithin(at, from, d.end);
      at += d.end - from;
    });
    extra.forEach((d, i) => {
      docStarts[kept.length + i] = at;
      for (const p of d.paragraphs) at = writeParagraph(text, at, p);
      text[at++] = DOC_END;
    });
    docStarts[kept.length + extra.length] = at;
    const spare = Math.max(0, this.length + extraLength - at);
    // What only the cleaning needed (the key table, the fingerprints) can go before the suffix array.
    this.text = new Uint16Array(0);
    this.docs.length = 0;
    this.keys = new KeyCounts(0);
    return { text: text.subarray(0, at), docStarts, documents: kept.map((d) => ({ id: d.id, name: d.name })), duplicates, report: this.report, spare };
  }

  /** Lines kept for now whose key did recur after all: dropped as promotion, as prepareCorpus would have. */
  private settlePending(): void {
    const touched = new Set<Appended>();
    for (const p of this.pending) {
      if (!this.keys.recurring(p.key)) continue;
      this.report.promo++;
      if (p.action.kind === 'edit') for (const r of p.action.reasons) this.report[r]--;
      // Cleaned away to nothing without the recurrence: counted as promotion only, as it would have been.
      else if (p.action.kind === 'drop') this.report[p.action.reason]--;
      if (!p.range) continue;
      const d = this.docs[p.doc]!;
      (d.removed ??= []).push(p.range);
      touched.add(d);
    }
    this.pending.length = 0;
    for (const d of touched) {
      d.removed!.sort((a, b) => a[0] - b[0]);
      const paragraphs = this.paragraphsOf(d);
      d.chars = paragraphs.reduce((n, p) => n + p.length, 0);
      d.fp = fingerprint(paragraphs.join('\n'));
    }
  }

  /** A document's remaining paragraphs, read back from the text. */
  private paragraphsOf(d: Appended): string[] {
    const out: string[] = [];
    let r = 0;
    let from = -1;
    for (let i = d.start; i < d.end; i++) {
      const removed = d.removed![r];
      const c = this.text[i]!;
      const skip = removed !== undefined && i === removed[0];
      if (skip || c === PARA || c === DOC_END) {
        if (from >= 0) out.push(stringOf(this.text.subarray(from, i)));
        from = !skip && c === PARA ? i + 1 : -1;
      }
      if (skip) {
        i = removed[1] - 1;
        r++;
      }
    }
    return out;
  }
}

/**
 * The 校对 underlines: one CSS Custom Highlight per kind of finding (DOM ranges, never in the
 * editor state or the undo history), kept per paragraph. After a check only the paragraphs whose
 * findings or text changed get new ranges; the ranges of the others stay as they are (their DOM
 * did not change), so a pass over a 2,000-paragraph document touches a few paragraphs' DOM, not
 * every finding's.
 */
import type { LexicalEditor, NodeKey } from 'lexical';
import { PROOF_CATEGORIES, type ProofCategory } from '../../../shared/proofread/types';
import { GHOST_ATTRIBUTE } from '../suggest/ghostText';

/** What an underline needs of a finding. */
export interface UnderlinedSpan {
  blockKey: NodeKey;
  start: number;
  end: number;
  text: string;
  category: ProofCategory;
}

/** DOM range of a span inside its paragraph's element (text nodes in order, the ghost skipped); null when the text changed since the check. */
export function domRange(editor: LexicalEditor, blockKey: NodeKey, start: number, end: number, text: string): Range | null {
  const el = editor.getElementByKey(blockKey);
  if (!el) return null;
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest(`[${GHOST_ATTRIBUTE}]`) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const range = document.createRange();
  let at = 0;
  let started = false;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const len = n.textContent?.length ?? 0;
    if (!started && start <= at + len) {
      range.setStart(n, start - at);
      started = true;
    }
    if (started && end <= at + len) {
      range.setEnd(n, end - at);
      return range.toString() === text ? range : null;
    }
    at += len;
  }
  return null;
}

interface BlockUnderlines {
  /** The spans the ranges were made for. */
  signature: string;
  ranges: Array<[ProofCategory, Range]>;
}

const signatureOf = (spans: readonly UnderlinedSpan[]) => spans.map((s) => `${s.start},${s.end},${s.category},${s.text}`).join('|');

type Registry = Map<string, unknown>;

function registry(): Registry | null {
  const r = (globalThis.CSS as unknown as { highlights?: Registry } | undefined)?.highlights;
  return r && typeof Highlight !== 'undefined' ? r : null;
}

export class Underlines {
  private readonly blocks = new Map<NodeKey, BlockUnderlines>();
  /** Paragraphs edited since their ranges were made: made again at the next `show`. */
  private readonly stale = new Set<NodeKey>();
  private readonly highlights = new Map<ProofCategory, Highlight>();

  constructor(private readonly editor: LexicalEditor) {}

  /** The paragraphs' text or DOM changed (cheap: called on every edit). */
  invalidate(keys: Iterable<NodeKey>): void {
    for (const k of keys) if (this.blocks.has(k)) this.stale.add(k);
  }

  /** Underlines exactly these spans, remaking the ranges of the paragraphs that changed. */
  show(spans: readonly UnderlinedSpan[]): void {
    const reg = registry();
    if (!reg) return;
    const byBlock = new Map<NodeKey, UnderlinedSpan[]>();
    for (const s of spans) if (s.end > s.start) (byBlock.get(s.blockKey) ?? byBlock.set(s.blockKey, []).get(s.blockKey)!).push(s);
    for (const key of [...this.blocks.keys()]) if (!byBlock.has(key)) this.drop(key);
    for (const [key, list] of byBlock) {
      const signature = signatureOf(list);
      const had = this.blocks.get(key);
      if (had && had.signature === signature && !this.stale.has(key)) continue;
      if (had) this.drop(key);
      const ranges: Array<[ProofCategory, Range]> = [];
      for (const s of list) {
        const r = domRange(this.editor, key, s.start, s.end, s.text);
        if (r) ranges.push([s.category, r]);
      }
      this.blocks.set(key, { signature, ranges });
      for (const [kind, r] of ranges) this.highlight(kind, reg).add(r);
    }
    this.stale.clear();
  }

  /** Removes every underline (the panel closes). */
  clear(): void {
    const reg = registry();
    for (const kind of PROOF_CATEGORIES) reg?.delete(`proof-${kind}`);
    this.highlights.clear();
    this.blocks.clear();
    this.stale.clear();
  }

  private drop(key: NodeKey): void {
    for (const [kind, r] of this.blocks.get(key)?.ranges ?? []) this.highlights.get(kind)?.delete(r);
    this.blocks.delete(key);
    this.stale.delete(key);
  }

  private highlight(kind: ProofCategory, reg: Registry): Highlight {
    let h = this.highlights.get(kind);
    if (!h) {
      h = new Highlight();
      this.highlights.set(kind, h);
      reg.set(`proof-${kind}`, h);
    }
    return h;
  }
}

/**
 * The document's outline: titles (level 0, the roots), headings 1–4 nested under them, the
 * section each one heads (its blocks up to the next heading of the same or a higher level), the
 * section's 字数, and suggested headings (unnumbered parallel leads the user may promote).
 *
 * Works on BlockInfo records (blocks.ts), so the editor can rebuild it from its cache without
 * reading any text. Context rules live here, per-paragraph rules in levels.ts:
 * - The title: the first lines of the document when they are short and unpunctuated (up to three
 *   lines, as 公文 titles are broken), a paragraph with the title role, and a short line right
 *   after a 成文日期, "（此件公开发布）" or an "附件" label (the title of an attached document).
 * - Numbered lines after "注：" or "附件：1.…" are notes, not headings.
 * - A bare number ("（三）") takes its title from the short lines that follow it.
 * - A section ends before the document's closing (署名, 成文日期, 附件说明, "汇报完毕…").
 */
import type { WgDocument } from '../model/document';
import { MAX_CONTINUATION_LINE, describeBlock, type BlockInfo } from './blocks';
import type { HeadingInfo, HeadingLevel } from './levels';
import { CLOSING_PARTS, frameOf, isTitleLine, type Frame } from '../anatomy/frame';
import type { DocumentPart } from '../model/parts';

const HEADING_OR_BODY: ReadonlySet<DocumentPart> = new Set<DocumentPart>(['body', 'heading1', 'heading2', 'heading3', 'heading4']);

export type OutlineLevel = 0 | HeadingLevel;

export interface OutlineEntry {
  id: number;
  level: OutlineLevel;
  /** The heading's (first) block. */
  block: number;
  /** How many blocks the heading itself spans: title lines, or a bare number and its title lines. */
  headBlocks: number;
  /** The number as written ('' for titles and unnumbered headings). */
  number: string;
  title: string;
  /** headingOf(block) for headings, null for titles. */
  heading: HeadingInfo | null;
  /** The enclosing entry's id, or -1. */
  parent: number;
  children: number[];
  /** The section: blocks [block, end). */
  end: number;
  /** Where the section's own content ends: `end`, or for a title, where its closing matter starts. */
  contentEnd: number;
  /** 字数 of the section (heading, body and subsections). */
  words: number;
}

export interface Suggestion {
  block: number;
  /** The level it would take as a heading. */
  level: HeadingLevel;
  title: string;
  /** The entry whose section holds it, or -1. */
  parent: number;
}

export interface Outline {
  entries: OutlineEntry[];
  /** Entries without a parent, in document order. */
  roots: number[];
  suggestions: Suggestion[];
  /** For each block, the innermost entry whose section holds it, or -1. */
  entryOfBlock: Int32Array;
  /** Blocks that are part of a heading but not its first block (title lines, detached titles). */
  continuation: Uint8Array;
  /** The document's anatomy without heading levels (anatomy/frame.ts): titles, 版头, closing, 版记. */
  frame: Frame;
}

const MAX_TITLE_LINES = 3;
const MAX_JOINED_TITLE = 40;

const isPlain = (b: BlockInfo) => b.role === null || b.role === 'body';
const isInferredTitleLine = isTitleLine;

/** Where a span's closing matter (署名, 成文日期, 附件说明, "（此件公开发布）", "汇报完毕…") starts. */
function closingStart(infos: readonly BlockInfo[], parts: readonly DocumentPart[], start: number, end: number): number {
  let j = end;
  let seenDate = false;
  while (j > start) {
    const b = infos[j - 1]!;
    if (b.blank || b.closing || b.attachment || CLOSING_PARTS.has(parts[j - 1]!)) {
      j--;
    } else if (b.date) {
      seenDate = true;
      j--;
    } else if (seenDate && isInferredTitleLine(b)) {
      j--; // the issuing organ's name above the date
    } else {
      break;
    }
  }
  // Trailing blank lines alone are not closing matter: they stay in the last section.
  let k = j;
  while (k < end && infos[k]!.blank) k++;
  return k === end ? end : j;
}

const isNoteNumber = (b: BlockInfo) => b.number !== null && (b.number.kind === 'arabic-dot' || b.number.kind === 'arabic-paren');

/**
 * Which paragraphs are headings, in context:
 * - Numbered lines after "注：" or "附件：1.…" are notes.
 * - A run of consecutively numbered paragraphs of one kind (1. 2. 3. …, not interrupted by a
 *   number of a higher level or a title) is all headings or all list items, as most of its
 *   paragraphs are: "47.医院接受其他医院（尤其是…）进修并返回原医院独立工作人数占比" is a heading
 *   among short indicator headings; the thirty long "一、对…" measures of a notice are not.
 * Paragraphs with a heading role are always headings.
 */
function decideHeadings(infos: readonly BlockInfo[], titleAt: ReadonlyMap<number, number>, parts: readonly DocumentPart[]): Array<HeadingInfo | null> {
  const n = infos.length;
  const out: Array<HeadingInfo | null> = new Array<HeadingInfo | null>(n).fill(null);
  interface Run {
    kind: string;
    level: number;
    last: number;
    members: number[];
  }
  // Open runs, one per kind of number (a handful at most).
  let runs: Run[] = [];
  const decide = (run: Run) => {
    let short = 0;
    for (const i of run.members) if (infos[i]!.heading) short++;
    const asHeadings = short * 2 >= run.members.length;
    for (const i of run.members) out[i] = asHeadings ? (infos[i]!.heading ?? infos[i]!.longHeading) : null;
  };
  /** Closes the runs deeper than `level` (all runs for level 0). */
  const closeBelow = (level: number) => {
    if (!runs.some((r) => r.level > level)) return;
    for (const r of runs) if (r.level > level) decide(r);
    runs = runs.filter((r) => r.level <= level);
  };
  let inNotes = false;
  for (let i = 0; i < n; i++) {
    const b = infos[i]!;
    const titleLines = titleAt.get(i);
    if (titleLines) {
      closeBelow(0);
      i += titleLines - 1;
      inNotes = false;
      continue;
    }
    if (b.notes || b.attachment === 'list') {
      inNotes = true;
      continue;
    }
    if (inNotes && (b.blank || (isNoteNumber(b) && b.role === null))) continue;
    inNotes = false;
    // The 版头, front matter, closing and 版记 hold no headings.
    if (!HEADING_OR_BODY.has(parts[i]!)) continue;
    if (b.heading && !b.heading.inferred) {
      out[i] = b.heading;
      closeBelow(b.heading.level);
      continue;
    }
    const h = b.heading ?? b.longHeading;
    const num = h?.numbering;
    if (!h || !num) continue;
    closeBelow(h.level);
    const run = runs.find((r) => r.kind === num.kind);
    if (run && num.value === run.last + 1) {
      run.members.push(i);
      run.last = num.value;
    } else {
      if (run) {
        decide(run);
        runs = runs.filter((r) => r !== run);
      }
      runs.push({ kind: num.kind, level: h.level, last: num.value, members: [i] });
    }
  }
  closeBelow(0);
  for (let i = 0; i < n; i++) {
    const h = out[i];
    if (h && h.number === '' && h.title === '') out[i] = null; // an empty paragraph styled as a heading
  }
  return out;
}

export function buildOutline(infos: readonly BlockInfo[]): Outline {
  const n = infos.length;
  const entries: OutlineEntry[] = [];
  const continuation = new Uint8Array(n);
  const frame = frameOf(infos);
  const titles = frame.titles;
  const titleAt = new Map(titles.map(([s, c]) => [s, c]));

  const add = (level: OutlineLevel, block: number, headBlocks: number, number: string, title: string, heading: HeadingInfo | null) => {
    entries.push({ id: entries.length, level, block, headBlocks, number, title, heading, parent: -1, children: [], end: n, contentEnd: n, words: 0 });
  };

  const headings = decideHeadings(infos, titleAt, frame.parts);
  for (let i = 0; i < n; i++) {
    const titleLines = titleAt.get(i);
    if (titleLines) {
      let title = '';
      for (let k = i; k < i + titleLines; k++) title += infos[k]!.short;
      for (let k = i + 1; k < i + titleLines; k++) continuation[k] = 1;
      add(0, i, titleLines, '', title, null);
      i += titleLines - 1;
      continue;
    }
    const h = headings[i];
    if (!h) continue;
    let title = h.title;
    let headBlocks = 1;
    if (title === '') {
      // A bare number: its title is on the following short lines (a table flattened to text).
      let k = i + 1;
      while (k < n && k - i <= MAX_TITLE_LINES) {
        const c = infos[k]!;
        if (!isInferredTitleLine(c) || c.short.length > MAX_CONTINUATION_LINE || title.length + c.short.length > MAX_JOINED_TITLE) break;
        title += c.short;
        continuation[k] = 1;
        k++;
      }
      headBlocks = k - i;
    }
    add(h.level, i, headBlocks, h.number, title, h);
    i += headBlocks - 1;
  }

  // Nesting.
  const roots: number[] = [];
  const stack: OutlineEntry[] = [];
  for (const e of entries) {
    while (stack.length > 0 && stack[stack.length - 1]!.level >= e.level) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) {
      e.parent = parent.id;
      parent.children.push(e.id);
    } else {
      roots.push(e.id);
    }
    stack.push(e);
  }

  // Sections: up to the next entry of the same or a higher level; headings stop before the
  // closing matter of their title's span.
  const bounds = [0];
  for (const e of entries) if (e.level === 0 && e.block > 0) bounds.push(e.block);
  bounds.push(n);
  const spanOf = new Int32Array(entries.length);
  const lastHead = bounds.slice(0, -1);
  for (let i = 0, span = 0; i < entries.length; i++) {
    const e = entries[i]!;
    while (span + 2 < bounds.length && bounds[span + 1]! <= e.block) span++;
    spanOf[i] = span;
    lastHead[span] = Math.max(lastHead[span]!, e.block + e.headBlocks);
  }
  const contentEnds = lastHead.map((head, s) => Math.max(head, closingStart(infos, frame.parts, bounds[s]!, bounds[s + 1]!)));
  const open: OutlineEntry[] = [];
  const close = (e: OutlineEntry, end: number) => {
    e.end = e.level > 0 ? Math.min(end, contentEnds[spanOf[e.id]!]!) : end;
    e.contentEnd = e.level > 0 ? e.end : Math.min(end, contentEnds[spanOf[e.id]!]!);
  };
  for (const e of entries) {
    while (open.length > 0 && open[open.length - 1]!.level >= e.level) close(open.pop()!, e.block);
    open.push(e);
  }
  for (const e of open) close(e, n);

  // Innermost entry per block, and section counts.
  const entryOfBlock = new Int32Array(n).fill(-1);
  for (const e of entries) entryOfBlock.fill(e.id, e.block, e.end);
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! + infos[i]!.words;
  for (const e of entries) e.words = prefix[e.end]! - prefix[e.block]!;

  // Suggestions: two or more parallel unnumbered leads in the same section.
  const leads = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const b = infos[i]!;
    if (!b.lead || continuation[i] || b.heading || !isPlain(b)) continue;
    const parent = entryOfBlock[i]!;
    const list = leads.get(parent) ?? [];
    list.push(i);
    leads.set(parent, list);
  }
  const suggestions: Suggestion[] = [];
  for (const [parent, blocks] of leads) {
    if (blocks.length < 2) continue;
    const parentLevel = parent >= 0 ? entries[parent]!.level : 0;
    if (parentLevel >= 4) continue;
    for (const block of blocks) suggestions.push({ block, level: (parentLevel + 1) as HeadingLevel, title: infos[block]!.lead, parent });
  }
  suggestions.sort((a, b) => a.block - b.block);

  return { entries, roots, suggestions, entryOfBlock, continuation, frame };
}

/** The entries of a section's subtree (the entry and all entries nested in it), in document order. */
export function subtreeOf(outline: Outline, id: number): OutlineEntry[] {
  const e = outline.entries[id]!;
  const out: OutlineEntry[] = [e];
  for (let j = id + 1; j < outline.entries.length; j++) {
    const d = outline.entries[j]!;
    if (d.block >= e.end) break;
    out.push(d);
  }
  return out;
}

/** The outline of a whole document (the CLI, the importer, tests; the editor builds it incrementally). */
export function outlineOfDocument(doc: WgDocument): { infos: BlockInfo[]; outline: Outline } {
  const infos = doc.blocks.map(describeBlock);
  return { infos, outline: buildOutline(infos) };
}

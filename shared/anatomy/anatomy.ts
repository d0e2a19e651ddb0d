/**
 * The anatomy of a 公文: the ONE pass that assigns a part (model/parts.ts) to every paragraph.
 * The outline, the checker, the editor's look, the export layout (Word writer, print view) and
 * the CLI all take the parts from here; nothing else classifies paragraphs.
 *
 * Two steps over the per-paragraph records the outline already keeps (outline/blocks.ts, one per
 * block, recomputed by the editor only for edited blocks):
 * 1. the frame (frame.ts): 版头, title and front matter, 主送, attachments, closing, 版记;
 * 2. the outline (outline/outline.ts) decides which body paragraphs are headings, of what level.
 * `anatomyOfOutline` joins them; the editor calls it whenever it rebuilds the outline (typing in
 * body text rebuilds neither), the rest call `analyzeAnatomy(blocks)`.
 */
import type { Block } from '../model/document';
import type { DocumentFormat, DocumentPart } from '../model/parts';
import { describeBlock, type BlockInfo } from '../outline/blocks';
import type { HeadingInfo } from '../outline/levels';
import { buildOutline, type Outline } from '../outline/outline';
import type { AttachmentSpan } from './frame';

export type { AttachmentSpan } from './frame';

export interface Anatomy {
  /** One part per block (tables: 'body'). */
  parts: DocumentPart[];
  /** True where the part was inferred from content and place, false where a role set it. */
  inferred: boolean[];
  /** 文件格式 or the special format its 标志 names (函 → letter, 令 → order, 纪要 → minutes). */
  format: DocumentFormat;
  /** Each attachment: its label, title lines and blocks. */
  attachments: AttachmentSpan[];
  /** Where the 版记 (抄送, 印发) starts: the number of blocks when there is none. */
  endMatter: number;
  /** For heading parts, the heading (number, title, run-in split); null elsewhere. */
  headings: Array<HeadingInfo | null>;
}

export interface AnalyzedDocument extends Anatomy {
  infos: BlockInfo[];
  outline: Outline;
}

const HEADING_PART = { 1: 'heading1', 2: 'heading2', 3: 'heading3', 4: 'heading4' } as const;

/** The anatomy from an outline (which carries the frame): the editor's incremental path. */
export function anatomyOfOutline(outline: Outline): Anatomy {
  const { frame } = outline;
  const parts = frame.parts.slice();
  const inferred = frame.inferred.slice();
  const headings: Array<HeadingInfo | null> = new Array<HeadingInfo | null>(parts.length).fill(null);
  for (const e of outline.entries) {
    if (e.level === 0 || !e.heading) continue;
    const part = HEADING_PART[e.level];
    for (let k = e.block; k < e.block + e.headBlocks && k < parts.length; k++) {
      if (parts[k] === 'body' || parts[k] === part) {
        parts[k] = part;
        if (k === e.block) headings[k] = e.heading;
      }
    }
  }
  return { parts, inferred, format: frame.format, attachments: frame.attachments, endMatter: frame.endMatter, headings };
}

/** The anatomy of a list of blocks (the document's, or a table-free excerpt). */
export function analyzeAnatomy(blocks: readonly Block[]): AnalyzedDocument {
  const infos = blocks.map(describeBlock);
  const outline = buildOutline(infos);
  return { ...anatomyOfOutline(outline), infos, outline };
}

/** The parts of the 版头 (above the red line), of the 主体 and of the 版记, for groupings. */
export const HEADER_PARTS: ReadonlySet<DocumentPart> = new Set<DocumentPart>(['copy-number', 'secrecy', 'urgency', 'issuer-mark', 'doc-number', 'signer']);
export const END_PARTS: ReadonlySet<DocumentPart> = new Set<DocumentPart>(['cc', 'imprint']);

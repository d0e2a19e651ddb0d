/**
 * What the 页眉页脚与批注 panel needs from document.xml, recorded while the body is read (the
 * document worker's one parse of it when a document opens), so that listing the stories does not
 * parse document.xml again: each w:sectPr (the paragraph whose properties hold it, how the section
 * starts, 首页不同, its header and footer references) and each comment's anchor (the paragraph
 * holding its start, the text its range covers as the body shows it). Plain data: it crosses from
 * the worker to the owner and back. Bounded like the stories (model/limits.ts).
 */
import { MAX_ANCHOR_CHARS, MAX_COMMENTS, MAX_SECTIONS } from '../../model/limits';
import { onOff, type Attrs } from '../read/xml';

export interface SectionMark {
  /** Start of the w:p whose properties end the section; absent for the body's last w:sectPr. */
  endsAt?: number;
  /** w:type as written (stories.ts checks it). */
  start?: string;
  titlePage: boolean;
  refs: Array<{ kind: 'header' | 'footer'; type: string; rel: string }>;
}

export interface CommentMark {
  id: string;
  /** Start of the w:p holding the comment's first mark. */
  at?: number;
  /** The text shown between its commentRangeStart and commentRangeEnd. */
  anchor: string;
}

export interface StoryMarks {
  sections: SectionMark[];
  comments: CommentMark[];
}

export class StoryMarksRecorder {
  readonly marks: StoryMarks = { sections: [], comments: [] };
  private section: SectionMark | null = null;
  private readonly byId = new Map<string, CommentMark>();
  /** Comments whose first mark came between paragraphs: anchored in the next one. */
  private waiting: CommentMark[] = [];
  /** Comments whose range is open: the text shown now is theirs. */
  private readonly open = new Map<string, CommentMark>();
  /** Comments whose range has ended (or that never had one). */
  private readonly closed = new Set<string>();

  /** A w:p starts at `at`. */
  paragraph(at: number): void {
    if (this.waiting.length === 0) return;
    for (const c of this.waiting) c.at = at;
    this.waiting = [];
  }

  /** A w:sectPr opens in the paragraph starting at `paragraphAt` (or at body level); false past the limit. */
  beginSection(paragraphAt: number | undefined): boolean {
    if (this.marks.sections.length >= MAX_SECTIONS) return false;
    this.section = { titlePage: false, refs: [] };
    if (paragraphAt !== undefined) this.section.endsAt = paragraphAt;
    return true;
  }

  /** An element inside the w:sectPr (its w:sectPrChange skipped by the caller). */
  sectionChild(name: string, a: Attrs): void {
    const s = this.section;
    if (!s) return;
    if (name === 'w:type') {
      if (a['w:val'] !== undefined) s.start = a['w:val'];
    } else if (name === 'w:titlePg') s.titlePage = onOff(a['w:val']);
    else if (name === 'w:headerReference' || name === 'w:footerReference') {
      const rel = a['r:id'];
      if (rel) s.refs.push({ kind: name === 'w:headerReference' ? 'header' : 'footer', type: a['w:type'] ?? 'default', rel });
    }
  }

  endSection(): void {
    if (this.section) this.marks.sections.push(this.section);
    this.section = null;
  }

  private comment(id: string, paragraphAt: number | undefined): CommentMark | null {
    let c = this.byId.get(id);
    if (c) return c;
    if (this.byId.size >= MAX_COMMENTS) return null;
    c = { id, anchor: '' };
    if (paragraphAt !== undefined) c.at = paragraphAt;
    else this.waiting.push(c);
    this.byId.set(id, c);
    this.marks.comments.push(c);
    return c;
  }

  /** w:commentRangeStart. */
  rangeStart(id: string, paragraphAt: number | undefined): void {
    const c = this.comment(id, paragraphAt);
    if (c && !this.closed.has(id)) this.open.set(id, c);
  }

  /** w:commentRangeEnd or w:commentReference: the range (if any) ends. */
  rangeEnd(id: string, paragraphAt: number | undefined): void {
    if (!this.comment(id, paragraphAt)) return;
    this.closed.add(id);
    this.open.delete(id);
  }

  /** Text the body shows ("\n" ends a paragraph): the anchor of every open range. */
  shown(text: string): void {
    if (this.open.size === 0) return;
    for (const c of this.open.values()) if (c.anchor.length <= MAX_ANCHOR_CHARS) c.anchor += text === '\n' ? ' ' : text;
  }
}

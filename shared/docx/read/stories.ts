/**
 * readStories(bytes): the headers, footers, sections and comments of a .docx (model/stories.ts),
 * for the read-only 页眉页脚与批注 panel and the section breaks the editor shows.
 *
 * - Sections: each w:sectPr of document.xml (one in the properties of the paragraph that ends a
 *   section, the last one at the end of w:body), with its start type, 首页不同 and its header and
 *   footer references; a kind the section does not give is the previous section's (与上一节相同).
 *   Only the kinds that apply are listed: first with 首页不同, even with 奇偶页不同.
 * - Header, footer and comment text: paragraphs on lines, tabs kept, deleted text and field
 *   instructions left out, PAGE / NUMPAGES / SECTIONPAGES fields as {页码} / {总页数} / {本节页数},
 *   text boxes read once (the first branch of mc:AlternateContent), pictures as [图片].
 * - Comments: author, date and text from comments.xml, and from document.xml the paragraph holding
 *   each one's start and the text between its commentRangeStart and commentRangeEnd.
 * All text is bounded (model/stories.ts), so a hostile package costs at most its parse.
 */
import {
  MAX_ANCHOR_CHARS,
  MAX_COMMENTS,
  MAX_SECTIONS,
  MAX_STORY_CHARS,
  SECTION_STARTS,
  type CommentStory,
  type DocumentStories,
  type HeaderFooter,
  type HeaderFooterType,
  type SectionStart,
  type SectionStory,
} from '../../model/stories';
import { DEFAULT_PACKAGE_LIMITS, DocxPackage, type PackageLimits } from './package';
import { SKIP, parseXml, xmlText, type Attrs, type XmlCursor } from './xml';

/** Field instructions shown as a placeholder rather than their last result. */
const FIELD_PLACEHOLDERS: Record<string, string> = {
  PAGE: '{页码}',
  NUMPAGES: '{总页数}',
  SECTIONPAGES: '{本节页数}',
};

/** Subtrees whose text is never shown. */
const HIDDEN = new Set(['w:del', 'w:moveFrom', 'w:delText', 'w:delInstrText', 'w:rt', 'w:pPr', 'w:rPr', 'w:sdtPr', 'w:pPrChange', 'w:rPrChange', 'w:sectPr', 'w:tblPr', 'w:tcPr', 'w:trPr', 'w:tblGrid', 'w:fldData']);

function placeholderOf(instr: string): string | undefined {
  const word = /^\s*([A-Za-z]+)/.exec(instr)?.[1]?.toUpperCase();
  return word ? FIELD_PLACEHOLDERS[word] : undefined;
}

function bounded(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

interface Field {
  instr: string;
  phase: 'instr' | 'result';
  /** The placeholder shown instead of the field's result. */
  placeholder?: string;
}

/**
 * The visible text of WordprocessingML content, fed element by element. `emit` receives each
 * piece of text; paragraphs end with "\n". Its own handling of subtrees: `open` returns SKIP for
 * one whose text is not shown.
 */
class VisibleText {
  private readonly fields: Field[] = [];
  private readonly alternates: boolean[] = [];
  private inText = false;
  private inInstr = false;
  private drawings = 0;
  private drawingText = false;

  constructor(private readonly emit: (text: string) => void) {}

  private get visible(): boolean {
    return this.fields.every((f) => f.phase === 'result' && !f.placeholder);
  }

  open(name: string, a: Attrs): void | typeof SKIP {
    if (HIDDEN.has(name)) return SKIP;
    switch (name) {
      case 'w:t':
        this.inText = true;
        return;
      case 'w:instrText':
        this.inInstr = true;
        return;
      case 'w:tab':
      case 'w:ptab':
        if (this.visible) this.emit('\t');
        return;
      case 'w:br':
      case 'w:cr':
        if (this.visible && (a['w:type'] === undefined || a['w:type'] === 'textWrapping')) this.emit('\n');
        return;
      case 'w:noBreakHyphen':
        if (this.visible) this.emit('-');
        return;
      case 'w:fldChar': {
        const type = a['w:fldCharType'];
        if (type === 'begin') this.fields.push({ instr: '', phase: 'instr' });
        else if (type === 'separate') this.separate();
        else if (type === 'end') {
          const f = this.fields[this.fields.length - 1];
          if (f?.phase === 'instr') this.separate();
          this.fields.pop();
        }
        return;
      }
      case 'w:fldSimple': {
        const placeholder = placeholderOf(a['w:instr'] ?? '');
        if (!placeholder) return;
        if (this.visible) this.emit(placeholder);
        return SKIP;
      }
      case 'mc:AlternateContent':
        this.alternates.push(false);
        return;
      case 'mc:Choice':
      case 'mc:Fallback': {
        const i = this.alternates.length - 1;
        if (i < 0 || this.alternates[i]) return SKIP;
        this.alternates[i] = true;
        return;
      }
      case 'w:drawing':
      case 'w:pict':
        if (this.drawings++ === 0) this.drawingText = false;
        return;
      case 'w:txbxContent':
        this.drawingText = true;
        return;
    }
  }

  /** A field's instructions are complete: from here on its result, or its placeholder. */
  private separate(): void {
    const f = this.fields[this.fields.length - 1];
    if (!f || f.phase !== 'instr') return;
    f.phase = 'result';
    f.placeholder = placeholderOf(f.instr);
    if (f.placeholder) {
      // Shown where the field is, when the fields around it show their results.
      const outer = this.fields.slice(0, -1);
      if (outer.every((o) => o.phase === 'result' && !o.placeholder)) this.emit(f.placeholder);
    }
  }

  close(name: string): void {
    switch (name) {
      case 'w:t':
        this.inText = false;
        return;
      case 'w:instrText':
        this.inInstr = false;
        return;
      case 'w:p':
        this.emit('\n');
        return;
      case 'mc:AlternateContent':
        this.alternates.pop();
        return;
      case 'w:drawing':
      case 'w:pict':
        if (--this.drawings === 0 && !this.drawingText && this.visible) this.emit('[图片]');
        return;
    }
  }

  text(t: string): void {
    if (this.inText && this.visible) this.emit(t);
    else if (this.inInstr) {
      const f = this.fields[this.fields.length - 1];
      if (f?.phase === 'instr' && f.instr.length < 200) f.instr += t;
    }
  }
}

/** Lines of text as shown in the panel: no empty lines, no trailing spaces, bounded. */
function tidy(text: string): string {
  const lines = text
    .split('\n')
    .map((l) => l.replace(/[ \u3000]+$/u, ''))
    .filter((l) => l.trim() !== '');
  return bounded(lines.join('\n'), MAX_STORY_CHARS);
}

/** The shown text of a whole part (a header or footer). */
function partText(bytes: Uint8Array, part: string): string {
  let out = '';
  const reader = new VisibleText((t) => {
    if (out.length <= MAX_STORY_CHARS * 2) out += t;
  });
  parseXml(bytes, { open: (n, a) => reader.open(n, a), close: (n) => reader.close(n), text: (t) => reader.text(t) }, part);
  return tidy(out);
}

interface RawSection {
  endsAt?: number;
  start: SectionStart;
  titlePage: boolean;
  refs: Array<{ kind: 'header' | 'footer'; type: HeaderFooterType; rel: string }>;
}

interface RawComment {
  at?: number;
  anchor: string;
  /** Its range has ended (or it never had one). */
  closed: boolean;
}

const HF_TYPES: Record<string, HeaderFooterType> = { default: 'default', first: 'first', even: 'even' };

function onOff(a: Attrs): boolean {
  const v = a['w:val'];
  return v === undefined || !/^(0|false|off)$/i.test(v);
}

/** The w:sectPr elements of document.xml: how each section starts, 首页不同, its header and footer references. */
class SectionsReader {
  readonly sections: RawSection[] = [];
  private section: RawSection | null = null;
  private depth = 0;

  get reading(): boolean {
    return this.section !== null;
  }

  /** A w:sectPr opens, in the paragraph starting at `paragraphAt` (the one it ends) or at body level. */
  begin(paragraphAt: number | undefined): void | typeof SKIP {
    if (this.sections.length >= MAX_SECTIONS) return SKIP;
    this.section = { start: 'nextPage', titlePage: false, refs: [] };
    if (paragraphAt !== undefined) this.section.endsAt = paragraphAt;
    this.depth = 0;
  }

  open(name: string, a: Attrs): void | typeof SKIP {
    const s = this.section!;
    if (name === 'w:sectPrChange') return SKIP;
    this.depth++;
    if (name === 'w:type') {
      const v = a['w:val'] as SectionStart | undefined;
      if (v && SECTION_STARTS.includes(v)) s.start = v;
    } else if (name === 'w:titlePg') s.titlePage = onOff(a);
    else if (name === 'w:headerReference' || name === 'w:footerReference') {
      const type = HF_TYPES[a['w:type'] ?? 'default'];
      const rel = a['r:id'];
      if (type && rel) s.refs.push({ kind: name === 'w:headerReference' ? 'header' : 'footer', type, rel });
    }
  }

  close(): void {
    if (this.depth-- > 0) return;
    this.sections.push(this.section!);
    this.section = null;
  }
}

/** Where each comment of document.xml starts (its paragraph) and the text its range covers. */
class AnchorsReader {
  readonly anchors = new Map<string, RawComment>();
  /** Comments whose range started between paragraphs: anchored in the next one. */
  private waiting: RawComment[] = [];
  private readonly open = new Map<string, RawComment>();
  private readonly text = new VisibleText((t) => {
    for (const c of this.open.values()) if (c.anchor.length <= MAX_ANCHOR_CHARS) c.anchor += t === '\n' ? ' ' : t;
  });

  constructor(private readonly paragraphs: readonly number[]) {}

  /** A w:p starts at `at`. */
  paragraph(at: number): void {
    for (const c of this.waiting) c.at = at;
    this.waiting = [];
  }

  private comment(id: string): RawComment | null {
    let c = this.anchors.get(id);
    if (!c) {
      if (this.anchors.size >= MAX_COMMENTS) return null;
      c = { anchor: '', closed: false };
      const p = this.paragraphs[this.paragraphs.length - 1];
      if (p !== undefined) c.at = p;
      else this.waiting.push(c);
      this.anchors.set(id, c);
    }
    return c;
  }

  openElement(name: string, a: Attrs): void | typeof SKIP {
    const id = a['w:id'];
    if (name === 'w:commentRangeStart') {
      const c = id !== undefined ? this.comment(id) : null;
      if (c && !c.closed) this.open.set(id!, c);
      return;
    }
    if (name === 'w:commentRangeEnd' || name === 'w:commentReference') {
      if (id === undefined) return;
      const c = this.comment(id);
      if (c) c.closed = true;
      this.open.delete(id);
      return;
    }
    return this.text.open(name, a);
  }

  closeElement(name: string): void {
    this.text.close(name);
  }

  textNode(t: string): void {
    this.text.text(t);
  }
}

/** Sections (with their header and footer references) and comment anchors, in one pass over document.xml. */
function readMainPart(bytes: Uint8Array, wantAnchors: boolean): { sections: RawSection[]; anchors: Map<string, RawComment> } {
  const xml = xmlText(bytes);
  const cursor: XmlCursor = { offset: 0 };
  /** Starts of the w:p elements open now. */
  const paragraphs: number[] = [];
  const sections = new SectionsReader();
  const anchors = new AnchorsReader(paragraphs);
  let inBody = false;
  parseXml(
    xml,
    {
      open(name, a) {
        if (!inBody) {
          inBody = name === 'w:body';
          return;
        }
        if (sections.reading) return sections.open(name, a);
        if (name === 'w:sectPr') return sections.begin(paragraphs[paragraphs.length - 1]);
        if (name === 'w:p') {
          const at = xml.lastIndexOf('<', cursor.offset - 1);
          paragraphs.push(at);
          anchors.paragraph(at);
        }
        // A paragraph's properties may end a section (their w:sectPr is read above); nothing else in them shows.
        if (name === 'w:pPr') return;
        if (!wantAnchors) return name === 'w:r' ? SKIP : undefined;
        return anchors.openElement(name, a);
      },
      close(name) {
        if (!inBody) return;
        if (sections.reading) return sections.close();
        if (name === 'w:body') inBody = false;
        else if (name === 'w:p') paragraphs.pop();
        if (wantAnchors) anchors.closeElement(name);
      },
      text(t) {
        if (wantAnchors && !sections.reading) anchors.textNode(t);
      },
    },
    'word/document.xml',
    cursor,
  );
  return { sections: sections.sections, anchors: anchors.anchors };
}

/** The comments of comments.xml, in order, with their text. */
function readComments(bytes: Uint8Array, part: string): Array<Omit<CommentStory, 'anchorText' | 'at'>> {
  const out: Array<Omit<CommentStory, 'anchorText' | 'at'>> = [];
  let current: { id: string; author: string; date?: string; text: string } | null = null;
  let depth = 0;
  const reader = new VisibleText((t) => {
    if (current && current.text.length <= MAX_STORY_CHARS * 2) current.text += t;
  });
  parseXml(
    bytes,
    {
      open(name, a) {
        if (current) {
          const r = reader.open(name, a);
          if (r !== SKIP) depth++; // a skipped element's close is not reported
          return r;
        }
        if (name !== 'w:comment') return;
        if (out.length >= MAX_COMMENTS) return SKIP;
        current = { id: (a['w:id'] ?? '').slice(0, 64), author: bounded(a['w:author'] ?? '', 100), text: '' };
        const date = a['w:date'];
        if (date) current.date = date.slice(0, 64);
        depth = 0;
      },
      close(name) {
        if (!current) return;
        if (depth-- > 0) {
          reader.close(name);
          return;
        }
        const { text, ...rest } = current;
        out.push({ ...rest, text: tidy(text) });
        current = null;
      },
      text(t) {
        if (current) reader.text(t);
      },
    },
    part,
  );
  return out;
}

function evenAndOddOf(pkg: DocxPackage, settings: string | undefined): boolean {
  const bytes = settings ? pkg.part(settings) : undefined;
  if (!bytes) return false;
  let on = false;
  parseXml(
    bytes,
    {
      open: (name, a) => {
        if (name === 'w:evenAndOddHeaders') on = onOff(a);
      },
      close: () => {},
      text: () => {},
    },
    'settings.xml',
  );
  return on;
}

/** What each section shows: its own headers and footers, else the previous section's; only the kinds that apply. */
function sectionsOf(raw: RawSection[], evenAndOdd: boolean, textOf: (rel: string) => string | null): SectionStory[] {
  const previous = new Map<string, string>(); // kind/type → rel
  return raw.map((s) => {
    const own = new Map<string, string>();
    for (const r of s.refs) own.set(`${r.kind}/${r.type}`, r.rel);
    const headersFooters: HeaderFooter[] = [];
    for (const kind of ['header', 'footer'] as const) {
      for (const type of ['first', 'default', 'even'] as const) {
        const key = `${kind}/${type}`;
        const rel = own.get(key) ?? previous.get(key);
        if (rel !== undefined) previous.set(key, rel);
        if (rel === undefined || (type === 'first' && !s.titlePage) || (type === 'even' && !evenAndOdd)) continue;
        const text = textOf(rel);
        if (!text) continue;
        const hf: HeaderFooter = { kind, type, text };
        if (!own.has(key)) hf.inherited = true;
        headersFooters.push(hf);
      }
    }
    const section: SectionStory = { start: s.start, titlePage: s.titlePage, headersFooters };
    if (s.endsAt !== undefined) section.endsAt = s.endsAt;
    return section;
  });
}

/**
 * The stories of a .docx package. Throws a UserError for a package the reader would refuse
 * (damaged, a bomb); callers that only show the stories may treat that as "none".
 */
export function readStories(bytes: Uint8Array, limits: PackageLimits = DEFAULT_PACKAGE_LIMITS): DocumentStories {
  const pkg = DocxPackage.open(bytes, limits);
  const main = pkg.relationships('').find((r) => r.type === 'officeDocument' && !r.external);
  const mainBytes = main ? pkg.part(main.target) : undefined;
  if (!main || !mainBytes) return { evenAndOdd: false, sections: [], comments: [] };
  const rels = pkg.relationships(main.target);
  const target = (type: string) => rels.find((r) => r.type === type && !r.external)?.target;
  const commentsPart = target('comments');
  const commentsBytes = commentsPart ? pkg.part(commentsPart) : undefined;
  const comments = commentsBytes ? readComments(commentsBytes, commentsPart!) : [];
  const { sections: raw, anchors } = readMainPart(mainBytes, comments.length > 0);
  const evenAndOdd = evenAndOddOf(pkg, target('settings'));

  const texts = new Map<string, string | null>();
  const textOf = (rel: string): string | null => {
    if (texts.has(rel)) return texts.get(rel)!;
    const r = rels.find((x) => x.id === rel && (x.type === 'header' || x.type === 'footer') && !x.external);
    const part = r ? pkg.part(r.target) : undefined;
    const text = part ? partText(part, r!.target) : null;
    texts.set(rel, text);
    return text;
  };

  return {
    evenAndOdd,
    sections: sectionsOf(raw, evenAndOdd, textOf),
    comments: comments.map((c) => {
      const a = anchors.get(c.id);
      const story: CommentStory = { ...c, anchorText: bounded((a?.anchor ?? '').replace(/\s+/g, ' ').trim(), MAX_ANCHOR_CHARS) };
      if (a?.at !== undefined) story.at = a.at;
      return story;
    }),
  };
}

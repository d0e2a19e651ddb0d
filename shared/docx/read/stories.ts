/**
 * readStories(bytes): the headers, footers, sections and comments of a .docx (model/stories.ts),
 * for the read-only 页眉页脚与批注 panel and the section breaks the editor shows.
 *
 * One reader: header, footer and comment text is read by the body's element handlers
 * (read/body.ts: readPartStories), with page fields shown as placeholders; sections and comment
 * anchors are what the body read recorded (elements/storyMarks.ts). The document worker records
 * them when it opens the document and the owner hands them back with the request
 * (StoryMarks), so listing the stories never parses document.xml again; without them (a package
 * opened from a .wgd or a backup, or a direct call) document.xml is read once here, by the same
 * body reader.
 *
 * - Sections: each w:sectPr of document.xml, with its start type, 首页不同 and its header and
 *   footer references; a kind the section does not give is the previous section's (与上一节相同).
 *   Only the kinds that apply are listed: first with 首页不同, even with 奇偶页不同.
 * - Header, footer and comment text: paragraphs on lines, tabs kept, deleted text and field
 *   instructions left out, PAGE / NUMPAGES / SECTIONPAGES fields as {页码} / {总页数} / {本节页数},
 *   text boxes read once, pictures as [图片].
 * - Comments: author, date and text from comments.xml; replies and 已解决 from
 *   commentsExtended.xml (w15:commentEx paraIdParent / done, matched to the w14:paraId of a
 *   comment's last paragraph); the paragraph holding each one's start and the text its range
 *   covers; a comment on a header's, footer's or note's text says where it lives.
 * All text is bounded (model/stories.ts), so a hostile package costs at most its parse.
 */
import { objectText, type Block, type Run } from '../../model/document';
import {
  MAX_ANCHOR_CHARS,
  MAX_COMMENTS,
  MAX_STORY_CHARS,
  SECTION_STARTS,
  type CommentPlace,
  type CommentStory,
  type DocumentStories,
  type HeaderFooter,
  type HeaderFooterType,
  type SectionStart,
  type SectionStory,
} from '../../model/stories';
import { PICTURE_TEXT } from '../elements/inlineObjects';
import type { CommentMark, SectionMark, StoryMarks } from '../elements/storyMarks';
import { readBody, readPartStories, type PartStory } from './body';
import { Numbering } from './numbering';
import { DEFAULT_PACKAGE_LIMITS, DocxPackage, type PackageLimits, type Relationship } from './package';
import { StyleSheet } from './styles';
import { onOff, parseXml } from './xml';

function bounded(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** A paragraph's text as the panel lists it: pictures and drawings as [图片], equations as their text, other objects (breaks, note marks) as nothing. */
function runsText(runs: Run[]): string {
  let out = '';
  for (const r of runs) {
    const o = r.object;
    if (!o) out += r.text;
    else if (o.kind === 'picture' || (o.kind === 'drawing' && o.label !== '文本框')) out += PICTURE_TEXT;
    else out += objectText(o);
  }
  return out;
}

function blockLines(b: Block): string[] {
  if (b.type === 'paragraph') return [runsText(b.runs)];
  return b.rows.flatMap((row) => row.cells.flatMap((cell) => cell.paragraphs.map((p) => runsText(p.runs))));
}

/** Lines of text as shown in the panel: no empty lines, no trailing spaces, bounded. */
function tidy(blocks: Block[]): string {
  const lines = blocks
    .flatMap(blockLines)
    .join('\n')
    .split('\n')
    .map((l) => l.replace(/[ \u3000]+$/u, ''))
    .filter((l) => l.trim() !== '');
  return bounded(lines.join('\n'), MAX_STORY_CHARS);
}

const HF_TYPES: Record<string, HeaderFooterType> = { default: 'default', first: 'first', even: 'even' };

function evenAndOddOf(pkg: DocxPackage, settings: string | undefined): boolean {
  const bytes = settings ? pkg.part(settings) : undefined;
  if (!bytes) return false;
  let on = false;
  parseXml(
    bytes,
    {
      open: (name, a) => {
        if (name === 'w:evenAndOddHeaders') on = onOff(a['w:val']);
      },
      close: () => {},
      text: () => {},
    },
    'settings.xml',
  );
  return on;
}

function sectionStart(value: string | undefined): SectionStart {
  return value !== undefined && (SECTION_STARTS as readonly string[]).includes(value) ? (value as SectionStart) : 'nextPage';
}

/** What each section shows: its own headers and footers, else the previous section's; only the kinds that apply. */
function sectionsOf(raw: SectionMark[], evenAndOdd: boolean, textOf: (rel: string) => string | null): SectionStory[] {
  const previous = new Map<string, string>(); // kind/type → rel
  return raw.map((s) => {
    const own = new Map<string, string>();
    for (const r of s.refs) {
      const type = HF_TYPES[r.type];
      if (type) own.set(`${r.kind}/${type}`, r.rel);
    }
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
    const section: SectionStory = { start: sectionStart(s.start), titlePage: s.titlePage, headersFooters };
    if (s.endsAt !== undefined) section.endsAt = s.endsAt;
    return section;
  });
}

/** w15:commentEx by paragraph id: the paragraph id of the comment it replies to, and whether it is done. */
function commentsExtended(bytes: Uint8Array | undefined, part: string): Map<string, { parent?: string; done: boolean }> {
  const out = new Map<string, { parent?: string; done: boolean }>();
  if (!bytes) return out;
  parseXml(
    bytes,
    {
      open(name, a) {
        if (name !== 'w15:commentEx' || out.size >= MAX_COMMENTS) return;
        const id = a['w15:paraId'];
        if (!id) return;
        const ex: { parent?: string; done: boolean } = { done: a['w15:done'] === '1' || a['w15:done'] === 'true' };
        if (a['w15:paraIdParent']) ex.parent = a['w15:paraIdParent'].toUpperCase();
        out.set(id.toUpperCase(), ex);
      },
      close: () => {},
      text: () => {},
    },
    part,
  );
  return out;
}

/** The package's parts and the readers' shared inputs, for the stories of one document. */
class StoryParts {
  readonly rels: Relationship[];
  private styleSheet: StyleSheet | null = null;
  private numberingDefs: Numbering | null = null;
  private readonly partStories = new Map<string, PartStory[]>();

  constructor(
    readonly pkg: DocxPackage,
    readonly main: string,
  ) {
    this.rels = pkg.relationships(main);
  }

  target(type: string): string | undefined {
    return this.rels.find((r) => r.type === type && !r.external)?.target;
  }

  private get styles(): StyleSheet {
    if (!this.styleSheet) {
      const part = this.target('styles');
      this.styleSheet = StyleSheet.parse(part ? this.pkg.part(part) : undefined);
    }
    return this.styleSheet;
  }

  get numbering(): Numbering {
    if (!this.numberingDefs) {
      const part = this.target('numbering');
      this.numberingDefs = Numbering.parse(part ? this.pkg.part(part) : undefined, this.styles);
    }
    return this.numberingDefs;
  }

  /** The stories of a part (each `root` element's), read once. */
  read(part: string, root: string, max?: number): PartStory[] {
    let stories = this.partStories.get(part);
    if (!stories) {
      const bytes = this.pkg.part(part);
      stories = bytes ? readPartStories(bytes, part, root, this.styles, this.numbering, { fieldPlaceholders: true, ...(max !== undefined ? { max } : {}) }) : [];
      this.partStories.set(part, stories);
    }
    return stories;
  }

  /** The sections and comment anchors of document.xml, read by the body reader (when the open did not record them). */
  bodyMarks(): StoryMarks {
    return readBody(this.pkg.part(this.main)!, this.styles, this.numbering).marks;
  }
}

/** Header and footer text by relationship id, each part read once. */
function headerFooterTexts(parts: StoryParts): (rel: string) => string | null {
  const texts = new Map<string, string | null>();
  return (rel) => {
    if (texts.has(rel)) return texts.get(rel)!;
    const r = parts.rels.find((x) => x.id === rel && (x.type === 'header' || x.type === 'footer') && !x.external);
    const story = r ? parts.read(r.target, r.type === 'header' ? 'w:hdr' : 'w:ftr')[0] : undefined;
    const text = story ? tidy(story.blocks) : null;
    texts.set(rel, text);
    return text;
  };
}

/** Where the comments not anchored in the body are: their marks in the headers, footers and notes. */
function commentsElsewhere(parts: StoryParts, missing: Set<string>): Map<string, { place: CommentPlace; mark: CommentMark }> {
  const found = new Map<string, { place: CommentPlace; mark: CommentMark }>();
  const places: Array<[string, CommentPlace, string]> = [
    ['header', 'header', 'w:hdr'],
    ['footer', 'footer', 'w:ftr'],
    ['footnotes', 'footnote', 'w:footnote'],
    ['endnotes', 'endnote', 'w:endnote'],
  ];
  for (const [type, place, root] of places) {
    for (const r of parts.rels) {
      if (r.type !== type || r.external) continue;
      for (const story of parts.read(r.target, root)) {
        for (const mark of story.marks.comments) {
          if (missing.has(mark.id) && !found.has(mark.id)) found.set(mark.id, { place, mark });
        }
      }
      if (found.size === missing.size) return found;
    }
  }
  return found;
}

function anchorTextOf(mark: CommentMark | undefined): string {
  return bounded((mark?.anchor ?? '').replace(/\s+/g, ' ').trim(), MAX_ANCHOR_CHARS);
}

/** The comments of comments.xml, in order, with their anchors, replies and state. */
function commentsOf(parts: StoryParts, marks: StoryMarks): CommentStory[] {
  const part = parts.target('comments');
  if (!part) return [];
  const stories = parts.read(part, 'w:comment', MAX_COMMENTS);
  if (stories.length === 0) return [];
  const extPart = parts.target('commentsExtended');
  const extended = commentsExtended(extPart ? parts.pkg.part(extPart) : undefined, extPart ?? 'commentsExtended.xml');
  const idOfPara = new Map<string, string>();
  const comments = stories.map((s) => {
    const id = (s.attrs['w:id'] ?? '').slice(0, 64);
    const paraId = s.lastParagraph?.['w14:paraId']?.toUpperCase();
    if (paraId && !idOfPara.has(paraId)) idOfPara.set(paraId, id);
    const date = s.attrs['w:date'];
    const c: CommentStory = { id, author: bounded(s.attrs['w:author'] ?? '', 100), ...(date ? { date: date.slice(0, 64) } : {}), text: tidy(s.blocks), anchorText: '' };
    return { c, paraId };
  });

  const inBody = new Map(marks.comments.map((m) => [m.id, m]));
  const missing = new Set(comments.map(({ c }) => c.id).filter((id) => !inBody.has(id)));
  const elsewhere = missing.size > 0 ? commentsElsewhere(parts, missing) : new Map<string, { place: CommentPlace; mark: CommentMark }>();
  return comments.map(({ c, paraId }) => {
    const body = inBody.get(c.id);
    const other = elsewhere.get(c.id);
    c.anchorText = anchorTextOf(body ?? other?.mark);
    if (body?.at !== undefined) c.at = body.at;
    else if (other) c.place = other.place;
    const ex = paraId ? extended.get(paraId) : undefined;
    if (ex?.done) c.done = true;
    const parent = ex?.parent !== undefined ? idOfPara.get(ex.parent) : undefined;
    if (parent !== undefined && parent !== c.id) c.parentId = parent;
    return c;
  });
}

/**
 * The stories of a .docx package. `marks`: the sections and comment anchors the body read
 * recorded when the document was opened (read here when not given). Throws a UserError for a
 * package the reader would refuse (damaged, a bomb); callers that only show the stories may treat
 * that as "none".
 */
export function readStories(bytes: Uint8Array, limits: PackageLimits = DEFAULT_PACKAGE_LIMITS, marks?: StoryMarks): DocumentStories {
  const pkg = DocxPackage.open(bytes, limits);
  const main = pkg.relationships('').find((r) => r.type === 'officeDocument' && !r.external);
  if (!main || !pkg.has(main.target)) return { evenAndOdd: false, sections: [], comments: [] };
  const parts = new StoryParts(pkg, main.target);
  const recorded = marks ?? parts.bodyMarks();
  const evenAndOdd = evenAndOddOf(pkg, parts.target('settings'));
  return {
    evenAndOdd,
    sections: sectionsOf(recorded.sections, evenAndOdd, headerFooterTexts(parts)),
    comments: commentsOf(parts, recorded),
  };
}

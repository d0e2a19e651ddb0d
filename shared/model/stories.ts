/**
 * What a Word document holds outside its main text and the editor lists beside it (read-only):
 * each section's headers and footers and how the section starts, and the comments with the text
 * they are anchored to. Read from the source package (shared/docx/read/stories.ts) whenever it is
 * asked for, so a .docx, a .wgd that keeps its package and a restored backup all show them; never
 * part of the document model, so showing them cannot change what a save writes.
 *
 * Places in the text are offsets into the source word/document.xml: the start of the w:p, which
 * is the `source.p` of the paragraph the reader made of it (model/document.ts: BlockSource).
 */
import { z } from 'zod';
import { MAX_ANCHOR_CHARS, MAX_COMMENTS, MAX_SECTIONS, MAX_STORY_CHARS } from './limits';

/** Word's header and footer kinds (w:headerReference w:type). */
export const HEADER_FOOTER_TYPES = ['default', 'first', 'even'] as const;
export type HeaderFooterType = (typeof HEADER_FOOTER_TYPES)[number];

/** How a section starts (w:sectPr/w:type); Word's default is a new page. */
export const SECTION_STARTS = ['nextPage', 'continuous', 'evenPage', 'oddPage', 'nextColumn'] as const;
export type SectionStart = (typeof SECTION_STARTS)[number];

export { MAX_ANCHOR_CHARS, MAX_COMMENTS, MAX_SECTIONS, MAX_STORY_CHARS };

/** Where a comment lives when not in the main text. */
export const COMMENT_PLACES = ['header', 'footer', 'footnote', 'endnote'] as const;
export type CommentPlace = (typeof COMMENT_PLACES)[number];

const PLACE_NAMES: Record<CommentPlace, string> = { header: '页眉', footer: '页脚', footnote: '脚注', endnote: '尾注' };

/** Where a comment lives when not in the main text: 页眉、页脚、脚注、尾注. */
export function commentPlaceName(place: CommentPlace): string {
  return PLACE_NAMES[place];
}

const offset = z.number().int().min(0).max(2 ** 40);

const HeaderFooterSchema = z
  .object({
    kind: z.enum(['header', 'footer']),
    type: z.enum(HEADER_FOOTER_TYPES),
    /** Its text, paragraphs on lines; fields PAGE/NUMPAGES/SECTIONPAGES as {页码}/{总页数}/{本节页数}; a picture as [图片]. */
    text: z.string().max(MAX_STORY_CHARS + 1),
    /** The section has none of this kind: the previous section's is used (Word's 与上一节相同). */
    inherited: z.literal(true).optional(),
  })
  .strict();
export type HeaderFooter = z.infer<typeof HeaderFooterSchema>;

const SectionSchema = z
  .object({
    /** The w:p whose properties end this section (a section break after it); absent for the last section. */
    endsAt: offset.optional(),
    start: z.enum(SECTION_STARTS),
    /** 首页不同 (w:titlePg). */
    titlePage: z.boolean(),
    /** The headers and footers that apply to its pages, with text. */
    headersFooters: z.array(HeaderFooterSchema).max(6),
  })
  .strict();
export type SectionStory = z.infer<typeof SectionSchema>;

const CommentSchema = z
  .object({
    id: z.string().max(64),
    author: z.string().max(200),
    /** ISO date as Word writes it (2026-01-20T09:30:00Z), when given. */
    date: z.string().max(64).optional(),
    text: z.string().max(MAX_STORY_CHARS + 1),
    /** The paragraph it is anchored in (w:p start), when its mark is in the text. */
    at: offset.optional(),
    /** The text it is anchored to (commentRangeStart…End), shortened. */
    anchorText: z.string().max(MAX_ANCHOR_CHARS + 1),
    /** Its marks are in a header, footer, footnote or endnote, not in the text (no `at`). */
    place: z.enum(COMMENT_PLACES).optional(),
    /** A reply: the id of the comment it answers (Word's w15:paraIdParent). */
    parentId: z.string().max(64).optional(),
    /** Marked done in Word (已解决, w15:done). */
    done: z.literal(true).optional(),
  })
  .strict();
export type CommentStory = z.infer<typeof CommentSchema>;

export const DocumentStoriesSchema = z
  .object({
    /** 奇偶页不同 (w:evenAndOddHeaders in settings.xml). */
    evenAndOdd: z.boolean(),
    sections: z.array(SectionSchema).max(MAX_SECTIONS),
    comments: z.array(CommentSchema).max(MAX_COMMENTS),
  })
  .strict();
export type DocumentStories = z.infer<typeof DocumentStoriesSchema>;

const START_NAMES: Record<SectionStart, string> = {
  nextPage: '下一页',
  continuous: '连续',
  evenPage: '偶数页',
  oddPage: '奇数页',
  nextColumn: '分栏',
};

/**
 * What Word shows at the end of section `index`: 分节符（下一页）… The kind of a break is the
 * next section's start (w:type is stored with the section it begins).
 */
export function sectionBreakLabel(stories: DocumentStories, index: number): string {
  const next = stories.sections[index + 1];
  return `分节符（${START_NAMES[next?.start ?? 'nextPage']}）`;
}

/** Which pages a header or footer is for, as Word's header and footer view names it. */
export function headerFooterLabel(hf: HeaderFooter, section: SectionStory, evenAndOdd: boolean): string {
  const what = hf.kind === 'header' ? '页眉' : '页脚';
  if (hf.type === 'first') return `首页${what}`;
  if (hf.type === 'even') return `偶数页${what}`;
  if (evenAndOdd) return `奇数页${what}`;
  return section.titlePage ? `${what}（首页以外）` : what;
}

/** Headers, footers and comments with something to show. */
export function storiesCount(stories: DocumentStories): number {
  let n = stories.comments.length;
  for (const s of stories.sections) n += s.headersFooters.filter((hf) => !hf.inherited).length;
  return n;
}

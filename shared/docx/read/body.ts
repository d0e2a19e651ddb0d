/**
 * The main story (w:body) of document.xml, streamed into the document model. Each element goes
 * by name to the handler of its family (shared/docx/elements/: paragraphs, runs, text, inline
 * objects, equations, text boxes, alternate content, fields, tables, tracked changes, wrappers, sections);
 * while a properties element (w:pPr, w:rPr, w:tcPr, w:trPr) is open its children go to it. The
 * state lives in one BodyReader. In short:
 * - paragraphs and runs with their formatting resolved through styles, alignment, indents in
 *   characters, heading roles from heading styles and outline levels;
 * - numbering labels ("一、") computed in document order and written as text;
 * - tables as tables (grid spans, vertical merges, header rows); a table inside a cell, which
 *   the model cannot hold, becomes lines of tab-separated text;
 * - tracked changes accepted: insertions and moves-to kept, deletions and moves-from dropped,
 *   a deleted paragraph mark merges the paragraph with the next one;
 * - text boxes read once (the first usable branch of mc:AlternateContent), their paragraphs
 *   placed after the paragraph that anchors them; content controls and hyperlinks unwrapped;
 *   field results kept, field instructions dropped; ruby text dropped, the base text kept;
 * - pictures, other drawings without text boxes (charts, shapes, SmartArt), page and column breaks
 *   and footnote/endnote marks as inline objects (runs with no text) that point at their XML, so
 *   an edited paragraph writes them back as they were; equations too (their run's text is their
 *   linear text);
 * - what the model cannot hold (drawings with text boxes, OLE objects, the notes' own text,
 *   comments, hidden text, symbols from symbol fonts) counted for the notice;
 * - each w:sectPr and each comment's range recorded for the 页眉页脚与批注 panel
 *   (elements/storyMarks.ts), so that it never parses document.xml again.
 * The same handlers read headers, footers and comments for that panel (readPartStories), page
 * fields there shown as placeholders ({页码}).
 */
import type { Block } from '../../model/document';
import { fingerprintSources } from '../faithful/fingerprint';
import { BodyReader, type BodyCounts, type StoryOptions } from '../elements/context';
import type { StoryMarks } from '../elements/storyMarks';
import { ELEMENT_HANDLERS } from '../elements';
import { BodyPieces } from '../elements/bodyPieces';
import { flushHeld } from '../elements/paragraphs';
import { assignGongwenLevels, markTitle } from '../elements/paragraphRoles';
import { readCharacters } from '../elements/text';
import type { Numbering } from './numbering';
import type { StyleSheet } from './styles';
import { SKIP, parseXml, xmlText, type Attrs, type XmlCursor, type XmlHandler } from './xml';

export { MAX_NESTING, type BodyCounts, type StoryOptions } from '../elements/context';

export interface BodyResult {
  blocks: Block[];
  counts: BodyCounts;
  /** Sections and comment anchors, for the 页眉页脚与批注 panel (kept with the opened document). */
  marks: StoryMarks;
}

/** An element of the story being read: to the open properties element, else to its family's handler. */
function dispatchOpen(ctx: BodyReader, name: string, a: Attrs): void | typeof SKIP {
  const section = ctx.sections[ctx.sections.length - 1];
  if (section) return section.child(ctx, name, a);
  return ELEMENT_HANDLERS.get(name)?.open?.(ctx, a, name);
}

function dispatchClose(ctx: BodyReader, name: string): void {
  const section = ctx.sections[ctx.sections.length - 1];
  if (section) {
    if (name === section.element) {
      ctx.sections.pop();
      section.end?.(ctx);
    }
    return;
  }
  ELEMENT_HANDLERS.get(name)?.close?.(ctx, name);
}

function openElement(ctx: BodyReader, name: string, a: Attrs): void | typeof SKIP {
  if (!ctx.inBody) {
    if (name === 'w:body') ctx.inBody = true;
    return;
  }
  return dispatchOpen(ctx, name, a);
}

function closeElement(ctx: BodyReader, name: string): void {
  if (!ctx.inBody) return;
  if (name === 'w:body' && ctx.sections.length === 0) ctx.inBody = false;
  else dispatchClose(ctx, name);
}

/** The parser's handler: element handlers through the dispatch, with body-level pieces recorded. */
function bodyHandler(ctx: BodyReader): XmlHandler {
  const pieces = new BodyPieces(ctx);
  return {
    open(name, a) {
      const top = ctx.inBody && pieces.depth === 0;
      if (top) pieces.begin();
      const r = openElement(ctx, name, a);
      // A skipped element's close is not reported: it does not count as open.
      if (r === SKIP) {
        if (top) pieces.end();
      } else if (ctx.inBody && name !== 'w:body') pieces.depth++;
      return r;
    },
    close(name) {
      if (ctx.inBody && name !== 'w:body') pieces.depth--;
      closeElement(ctx, name);
      if (ctx.inBody && pieces.depth === 0 && name !== 'w:body') pieces.end();
    },
    text: (t) => readCharacters(ctx, t),
  };
}

export function readBody(bytes: Uint8Array | string, styles: StyleSheet, numbering: Numbering, options: StoryOptions = {}): BodyResult {
  const xml = typeof bytes === 'string' ? bytes : xmlText(bytes);
  const cursor: XmlCursor = { offset: 0 };
  const ctx = new BodyReader(xml, cursor, styles, numbering, options);
  parseXml(xml, bodyHandler(ctx), 'word/document.xml', cursor);
  flushHeld(ctx, ctx.body);
  ctx.counts.comments = ctx.commentIds.size;
  markTitle(ctx.body);
  assignGongwenLevels(ctx.headings);
  fingerprintSources(ctx.body.blocks);
  return { blocks: ctx.body.blocks, counts: ctx.counts, marks: ctx.marks.marks };
}

/** One story of a part other than document.xml: a header's or footer's content, or one comment's. */
export interface PartStory {
  /** The attributes of the element holding it (w:hdr, w:ftr, w:comment). */
  attrs: Attrs;
  /** The attributes of its last paragraph at its top level (a comment's w14:paraId). */
  lastParagraph?: Attrs;
  blocks: Block[];
  /** Comment anchors inside it (a comment on a header's text). */
  marks: StoryMarks;
}

/**
 * The stories of a header, footer or comments part, read by the same element handlers as the
 * body: each `root` element's content (w:hdr, w:ftr, every w:comment), at most `max` of them.
 */
export function readPartStories(bytes: Uint8Array, part: string, root: string, styles: StyleSheet, numbering: Numbering, options: StoryOptions & { max?: number } = {}): PartStory[] {
  const xml = xmlText(bytes);
  const cursor: XmlCursor = { offset: 0 };
  const stories: PartStory[] = [];
  let ctx: BodyReader | null = null;
  let story: PartStory | null = null;
  parseXml(
    xml,
    {
      open(name, a) {
        if (!ctx || !story) {
          if (name !== root) return;
          if (stories.length >= (options.max ?? Infinity)) return SKIP;
          ctx = new BodyReader(xml, cursor, styles, numbering, options);
          ctx.inBody = true;
          story = { attrs: a, blocks: ctx.body.blocks, marks: ctx.marks.marks };
          return;
        }
        if (name === 'w:p' && ctx.paras.length === 0 && ctx.sections.length === 0) story.lastParagraph = a;
        return dispatchOpen(ctx, name, a);
      },
      close(name) {
        if (!ctx || !story) return;
        if (name !== root || ctx.sections.length > 0) return dispatchClose(ctx, name);
        flushHeld(ctx, ctx.body);
        stories.push(story);
        ctx = null;
        story = null;
      },
      text(t) {
        if (ctx) readCharacters(ctx, t);
      },
    },
    part,
    cursor,
  );
  return stories;
}

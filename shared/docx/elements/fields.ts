/**
 * Fields, hyperlinks, bookmarks and comment anchors in the text. A complex field (w:fldChar
 * begin … separate … end, spanning runs and paragraphs) shows its result, never its
 * instructions; a simple field (w:fldSimple) and a hyperlink are read through to their runs;
 * bookmarks hold no text. Read with fieldPlaceholders (headers and footers for the panel), a
 * PAGE / NUMPAGES / SECTIONPAGES field shows {页码} / {总页数} / {本节页数} instead of its result.
 * Comments are counted by their anchors, and their ranges recorded (storyMarks.ts). Saving writes
 * untouched paragraphs back with all of these as they were.
 */
import { skipping, type BodyReader, type ElementHandler, type ElementHandlers } from './context';
import { SKIP } from '../read/xml';
import { addText } from './text';

/** Field instructions shown as a placeholder rather than their last result. */
const FIELD_PLACEHOLDERS: Record<string, string> = {
  PAGE: '{页码}',
  NUMPAGES: '{总页数}',
  SECTIONPAGES: '{本节页数}',
};

function placeholderOf(instr: string): string | undefined {
  const word = /^\s*([A-Za-z]+)/.exec(instr)?.[1]?.toUpperCase();
  return word ? FIELD_PLACEHOLDERS[word] : undefined;
}

/** The innermost field's instructions are complete: from here on its result, or its placeholder. */
function separate(ctx: BodyReader): void {
  const { fields } = ctx;
  const top = fields.length - 1;
  if (fields[top] !== 'instr') return;
  const placeholder = ctx.options.fieldPlaceholders ? placeholderOf(ctx.fieldInstr[top] ?? '') : undefined;
  if (!placeholder) {
    ctx.fieldsInInstr--;
    fields[top] = 'result';
    return;
  }
  // Shown where the field is, when the fields around it show their results; its own result stays hidden.
  fields[top] = 'placeholder';
  ctx.fieldsInInstr--;
  addText(ctx, placeholder, true);
  ctx.fieldsInInstr++;
}

function readFieldChar(ctx: BodyReader, type: string | undefined): void {
  const { fields } = ctx;
  if (type === 'begin') {
    fields.push('instr');
    if (ctx.options.fieldPlaceholders) ctx.fieldInstr.push('');
    ctx.fieldsInInstr++;
  } else if (type === 'separate') separate(ctx);
  else if (type === 'end' && fields.length > 0) {
    separate(ctx); // a field without a separator has no result: its placeholder, if any, is shown
    if (fields.pop() === 'placeholder') ctx.fieldsInInstr--;
    if (ctx.options.fieldPlaceholders) ctx.fieldInstr.pop();
  }
}

/** Instructions are read only to tell a page field (with fieldPlaceholders); otherwise skipped. */
const instrText: ElementHandler = {
  open(ctx) {
    if (!ctx.options.fieldPlaceholders) return SKIP;
    ctx.inInstr = true;
  },
  close: (ctx) => void (ctx.inInstr = false),
};

/** A simple field: read through to its result, or (a page field, with fieldPlaceholders) its placeholder. */
const simpleField: ElementHandler = {
  open(ctx, a) {
    const placeholder = ctx.options.fieldPlaceholders ? placeholderOf(a['w:instr'] ?? '') : undefined;
    if (!placeholder) return;
    addText(ctx, placeholder, true);
    return SKIP;
  },
};

const paragraphAt = (ctx: BodyReader) => ctx.para()?.at;

export const fieldHandlers: ElementHandlers = {
  'w:fldChar': { open: (ctx, a) => readFieldChar(ctx, a['w:fldCharType']) },
  'w:instrText': instrText,
  'w:fldSimple': simpleField,
  ...skipping('w:fldData'),
  'w:commentRangeStart': {
    open(ctx, a) {
      const id = a['w:id'];
      if (id === undefined) return;
      ctx.commentIds.add(id);
      ctx.marks.rangeStart(id, paragraphAt(ctx));
    },
  },
  'w:commentRangeEnd': {
    open(ctx, a) {
      if (a['w:id'] !== undefined) ctx.marks.rangeEnd(a['w:id'], paragraphAt(ctx));
    },
  },
  'w:commentReference': {
    open(ctx, a) {
      const id = a['w:id'];
      if (id === undefined) return;
      ctx.commentIds.add(id);
      ctx.marks.rangeEnd(id, paragraphAt(ctx));
    },
  },
};

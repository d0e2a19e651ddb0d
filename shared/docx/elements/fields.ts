/**
 * Fields, hyperlinks, bookmarks and comment anchors in the text. A complex field (w:fldChar
 * begin … separate … end, spanning runs and paragraphs) shows its result, never its
 * instructions; a simple field (w:fldSimple) and a hyperlink are read through to their runs;
 * bookmarks hold no text. Comments are counted by their anchors. Saving writes untouched
 * paragraphs back with all of these as they were.
 */
import { skipping, type BodyReader, type ElementHandler, type ElementHandlers } from './context';

function readFieldChar(ctx: BodyReader, type: string | undefined): void {
  const { fields } = ctx;
  if (type === 'begin') {
    fields.push('instr');
    ctx.fieldsInInstr++;
  } else if (type === 'separate') {
    if (fields[fields.length - 1] === 'instr') ctx.fieldsInInstr--;
    if (fields.length > 0) fields[fields.length - 1] = 'result';
  } else if (type === 'end' && fields.pop() === 'instr') ctx.fieldsInInstr--;
}

const commentAnchor: ElementHandler = {
  open(ctx, a) {
    if (a['w:id'] !== undefined) ctx.commentIds.add(a['w:id']);
  },
};

export const fieldHandlers: ElementHandlers = {
  'w:fldChar': { open: (ctx, a) => readFieldChar(ctx, a['w:fldCharType']) },
  ...skipping('w:instrText', 'w:fldData'),
  'w:commentReference': commentAnchor,
  'w:commentRangeStart': commentAnchor,
};

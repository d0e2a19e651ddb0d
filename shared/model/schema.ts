/**
 * The document model as a zod schema: validates documents that cross a process boundary (IPC,
 * HTTP) or come from disk (.wgd, backups). Whatever a reader accepts the schema accepts, so
 * every document that opens can be saved, backed up and saved as .wgd: the limits below are
 * the readers' own limits (they import them from here), not separate guesses.
 *
 * - The size of a document is its characters as `documentText` counts them (the text, plus one
 *   separator between paragraphs, rows and cells): every reader refuses a document above
 *   MAX_DOCUMENT_CHARS with a Chinese message, and the schema checks the same measure.
 * - Every paragraph, row and cell costs a character of that measure (and every run at least
 *   one of text), so no list can be longer than MAX_DOCUMENT_PARTS.
 * - Indents: at most MAX_INDENT_CHARS either way (readers clamp to it; a .txt line with wider
 *   leading whitespace keeps it as text).
 */
import { z } from 'zod';
import { ALIGNMENTS, INLINE_OBJECT_KINDS, PARAGRAPH_ROLES, VERTICAL_ALIGNS, documentSize, type WgDocument } from './document';
import { MAX_COLUMN_SPAN, MAX_DOCUMENT_CHARS, MAX_DOCUMENT_PARTS, MAX_INDENT_CHARS, MAX_META_CHARS, tooLargeMessage } from './limits';

export { MAX_COLUMN_SPAN, MAX_DOCUMENT_CHARS, MAX_DOCUMENT_PARTS, MAX_INDENT_CHARS, MAX_META_CHARS, tooLargeMessage } from './limits';

const chars = z.number().finite().min(-MAX_INDENT_CHARS).max(MAX_INDENT_CHARS);
const parts = <T extends z.ZodType>(item: T) => z.array(item).max(MAX_DOCUMENT_PARTS);

const offset = z.number().int().min(0).max(2 ** 40);
const InlineObjectSchema = z.object({
  kind: z.enum(INLINE_OBJECT_KINDS),
  at: offset.optional(),
  rel: z.string().max(255).optional(),
  width: z.number().finite().min(0).max(100_000).optional(),
  height: z.number().finite().min(0).max(100_000).optional(),
  // An equation's label is its linear text, as long as the run's text (which the size limit counts).
  label: z.string().max(MAX_DOCUMENT_CHARS).optional(),
});

/** The longest label of an object other than an equation ("SmartArt 图形", a note's mark). */
const MAX_LABEL_CHARS = 40;

const RunSchema = z.object({
  text: z.string().max(MAX_DOCUMENT_CHARS),
  object: InlineObjectSchema.optional(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  underline: z.boolean().optional(),
  strike: z.boolean().optional(),
  vertAlign: z.enum(VERTICAL_ALIGNS).optional(),
  size: z.number().finite().min(0.5).max(1638).optional(),
  font: z.string().max(200).optional(),
  fontLatin: z.string().max(200).optional(),
  color: z.string().regex(/^[0-9A-F]{6}$/).optional(),
  highlight: z.string().max(40).optional(),
  src: z.string().max(64).optional(),
}).refine((r) => (r.object?.label?.length ?? 0) <= MAX_LABEL_CHARS || (r.object!.kind === 'equation' && r.object!.label === r.text), {
  error: '对象的标签过长',
});

const BlockSourceSchema = z.object({
  at: offset,
  to: offset,
  fp: z.string().max(64),
  part: z.number().int().min(0).max(1_000_000).optional(),
  parts: z.number().int().min(1).max(1_000_000).optional(),
  p: offset.optional(),
  pf: z.string().max(64).optional(),
  label: z.string().max(200).optional(),
  typed: z.number().int().min(0).max(100).optional(),
  objects: z.array(offset).max(MAX_DOCUMENT_PARTS).optional(),
});

export const ParagraphSchema = z.object({
  type: z.literal('paragraph'),
  role: z.enum(PARAGRAPH_ROLES).optional(),
  align: z.enum(ALIGNMENTS).optional(),
  indent: z
    .object({
      firstLineChars: chars.optional(),
      leftChars: chars.optional(),
      rightChars: chars.optional(),
    })
    .optional(),
  runs: parts(RunSchema),
  source: BlockSourceSchema.optional(),
  continuesLine: z.literal(true).optional(),
});

const TableSchema = z.object({
  type: z.literal('table'),
  rows: parts(
    z.object({
      cells: parts(
        z.object({
          colSpan: z.number().int().min(1).max(MAX_COLUMN_SPAN).optional(),
          rowSpan: z.number().int().min(1).max(MAX_DOCUMENT_PARTS).optional(),
          paragraphs: parts(ParagraphSchema),
        }),
      ),
      header: z.boolean().optional(),
    }),
  ),
  columnWidths: parts(z.number().finite().min(0)).optional(),
  source: BlockSourceSchema.optional(),
});

export const BlockSchema = z.discriminatedUnion('type', [ParagraphSchema, TableSchema]);

export const DocumentMetaSchema = z.object({
  title: z.string().max(MAX_META_CHARS).optional(),
  author: z.string().max(MAX_META_CHARS).optional(),
});

export const DocumentSchema = z
  .object({
    meta: DocumentMetaSchema,
    blocks: parts(BlockSchema),
  })
  .refine((d) => documentSize(d) <= MAX_DOCUMENT_CHARS, { error: () => tooLargeMessage() });

// The schema and the model's types must describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const schemaMatchesModel: Same<z.output<typeof DocumentSchema>, WgDocument> = true;
void schemaMatchesModel;

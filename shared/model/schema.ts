/**
 * The document model as a zod schema: validates documents that cross a process boundary (IPC,
 * HTTP) or come from disk (.wgd, backups). Sizes are capped so a bad peer cannot make a handler
 * allocate without bound; the caps are far above any real 公文.
 */
import { z } from 'zod';
import { ALIGNMENTS, PARAGRAPH_ROLES, VERTICAL_ALIGNS, type WgDocument } from './document';

/** Characters in one document, all runs together: 10× the 200,000-character design target and then some. */
export const MAX_DOCUMENT_CHARS = 5_000_000;

const chars = z.number().finite().min(-100).max(100);

const RunSchema = z.object({
  text: z.string().max(MAX_DOCUMENT_CHARS),
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
});

const offset = z.number().int().min(0).max(2 ** 40);
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
  runs: z.array(RunSchema).max(1_000_000),
  source: BlockSourceSchema.optional(),
});

const TableSchema = z.object({
  type: z.literal('table'),
  rows: z
    .array(
      z.object({
        cells: z
          .array(
            z.object({
              colSpan: z.number().int().min(1).max(1000).optional(),
              rowSpan: z.number().int().min(1).max(100_000).optional(),
              paragraphs: z.array(ParagraphSchema).max(100_000),
            }),
          )
          .max(1000),
        header: z.boolean().optional(),
      }),
    )
    .max(100_000),
  columnWidths: z.array(z.number().finite().min(0)).max(1000).optional(),
  source: BlockSourceSchema.optional(),
});

export const BlockSchema = z.discriminatedUnion('type', [ParagraphSchema, TableSchema]);

export const DocumentSchema = z.object({
  meta: z.object({
    title: z.string().max(10_000).optional(),
    author: z.string().max(10_000).optional(),
  }),
  blocks: z.array(BlockSchema).max(1_000_000),
});

// The schema and the model's types must describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const schemaMatchesModel: Same<z.output<typeof DocumentSchema>, WgDocument> = true;
void schemaMatchesModel;

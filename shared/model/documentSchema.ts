/**
 * The document model as a zod schema, for documents crossing the API boundary (export; save
 * later). Sizes are capped so a bad or hostile message cannot exhaust the main process: 2 million
 * characters per run, 200,000 blocks, tables up to 2,000 × 100.
 */
import { z } from 'zod';
import { ALIGNMENTS, PARAGRAPH_ROLES, type WgDocument } from './document';

const Run = z.object({ text: z.string().max(2_000_000), bold: z.boolean().optional(), italic: z.boolean().optional(), underline: z.boolean().optional() }).strict();
const Chars = z.number().min(-100).max(100);
const Paragraph = z
  .object({
    type: z.literal('paragraph'),
    role: z.enum(PARAGRAPH_ROLES).optional(),
    align: z.enum(ALIGNMENTS).optional(),
    indent: z.object({ firstLineChars: Chars.optional(), leftChars: Chars.optional(), rightChars: Chars.optional() }).strict().optional(),
    runs: z.array(Run).max(100_000),
  })
  .strict();
const Cell = z.object({ colSpan: z.number().int().min(1).max(100).optional(), rowSpan: z.number().int().min(1).max(2000).optional(), paragraphs: z.array(Paragraph).max(10_000) }).strict();
const Table = z
  .object({
    type: z.literal('table'),
    rows: z.array(z.object({ cells: z.array(Cell).max(100), header: z.boolean().optional() }).strict()).max(2000),
    columnWidths: z.array(z.number().min(0).max(1e6)).max(100).optional(),
  })
  .strict();

export const WgDocumentSchema: z.ZodType<WgDocument> = z
  .object({
    meta: z.object({ title: z.string().max(1000).optional(), author: z.string().max(1000).optional() }).strict(),
    blocks: z.array(z.discriminatedUnion('type', [Paragraph, Table])).max(200_000),
  })
  .strict();

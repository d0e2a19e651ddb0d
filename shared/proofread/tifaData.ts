/**
 * The shape of a 提法 data file (data/tifa.json, or a user's file laid over it), on its own so that
 * the API contract can check it without loading the checker and its lexicon (tifa.ts), which only
 * the 校对 worker and the CLI need; tifa.ts re-exports it.
 */
import { z } from 'zod';

export const TifaDataSchema = z.object({
  format: z.literal('wengao-tifa'),
  version: z.number().int().min(1).max(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD'),
  source: z.string().max(2000).default(''),
  phrases: z.array(z.string().min(2).max(80)).max(20000).default([]),
  /** Words of 公文 the segmenter's dictionary lacks: never suspected as typos. */
  words: z.array(z.string().min(2).max(8)).max(20000).default([]),
  sets: z.array(z.object({ name: z.string().min(2).max(20), members: z.array(z.string().min(2).max(80)).min(2).max(20) })).max(2000).default([]),
  core: z.object({ pattern: z.string(), names: z.array(z.string().min(2).max(6)).max(100) }).optional(),
  forbidden: z.array(z.object({ wrong: z.string().min(2).max(80), right: z.string().max(80), note: z.string().max(200) })).max(20000).default([]),
});
export type TifaData = z.infer<typeof TifaDataSchema>;

/**
 * The user's 提法 file: `tifa.json` in the user-data folder, in the format of the built-in
 * shared/proofread/data/tifa.json ({"format":"wengao-tifa","version":1,"date":…}). Its phrases, sets,
 * words and forbidden wordings are added to the built-in ones; a file that is missing, too large
 * or malformed is reported, never fatal.
 */
import { promises as fs } from 'node:fs';
import { TifaDataSchema, type TifaData } from '../../shared/proofread/tifaData';

export const USER_TIFA_FILE = 'tifa.json';
const MAX_BYTES = 4 * 1024 * 1024;

export async function readUserTifa(file: string): Promise<{ path: string; data: TifaData | null; error: string | null }> {
  let text: string;
  try {
    const stat = await fs.stat(file);
    if (stat.size > MAX_BYTES) return { path: file, data: null, error: `提法文件超过 ${MAX_BYTES / 1024 / 1024} MB，未载入` };
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { path: file, data: null, error: null };
    return { path: file, data: null, error: `无法读取提法文件：${(e as Error).message}` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { path: file, data: null, error: '提法文件不是有效的 JSON' };
  }
  const parsed = TifaDataSchema.safeParse(raw);
  if (!parsed.success) return { path: file, data: null, error: `提法文件格式不对：${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? ''}`.trim() };
  return { path: file, data: parsed.data, error: null };
}

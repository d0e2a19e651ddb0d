/** A text file of one very long line, as a web page copied without its line breaks gives one. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { SHARED } from './fixtures';

/**
 * The reports of ../shared/corpus with their line breaks removed, repeated until the line is at
 * least `bytes` long in UTF-8; `ending` is appended once (a final line break, or nothing).
 */
export function oneLineText(bytes: number, ending = '\n'): string {
  const parts: string[] = [];
  for (const sub of ['seeds', 'gov']) {
    const dir = path.join(SHARED, 'corpus', sub);
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.txt')) parts.push(readFileSync(path.join(dir, f), 'utf8').replace(/\s*\r?\n\s*/g, ''));
  }
  const unit = parts.join('');
  const unitBytes = Buffer.byteLength(unit, 'utf8');
  return unit.repeat(Math.ceil(bytes / unitBytes)) + ending;
}

/** Benchmark inputs generated from the real reports in ../shared/corpus. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const SHARED = path.resolve(__dirname, '..', '..', 'shared');

export function corpusTexts(): Array<{ name: string; text: string }> {
  const out: Array<{ name: string; text: string }> = [];
  for (const sub of ['seeds', 'gov']) {
    const dir = path.join(SHARED, 'corpus', sub);
    for (const f of readdirSync(dir).sort()) {
      if (f.endsWith('.txt')) out.push({ name: f, text: readFileSync(path.join(dir, f), 'utf8') });
    }
  }
  return out;
}

/** A document of at least `chars` characters, made of whole corpus paragraphs. */
export function generateDocumentText(chars: number): string {
  const paras = corpusTexts().flatMap((d) => d.text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean));
  const out: string[] = [];
  let len = 0;
  for (let i = 0; len < chars; i++) {
    const p = paras[i % paras.length]!;
    out.push(p);
    len += p.length + 1;
  }
  return out.join('\n');
}

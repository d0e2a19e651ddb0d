/** Benchmark inputs generated from the real reports in ../shared/corpus. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { prepareCorpus, type PreparedDocument } from '../shared/corpus/prepare';

export const SHARED = path.resolve(__dirname, '..', '..', 'shared');

/** The reports of ../shared/corpus (seeds and gov), `id` being "seeds/…" or "gov/…". */
export function corpusTexts(): Array<{ id: string; name: string; text: string }> {
  const out: Array<{ id: string; name: string; text: string }> = [];
  for (const sub of ['seeds', 'gov']) {
    const dir = path.join(SHARED, 'corpus', sub);
    for (const f of readdirSync(dir).sort()) {
      if (f.endsWith('.txt')) out.push({ id: `${sub}/${f}`, name: f, text: readFileSync(path.join(dir, f), 'utf8') });
    }
  }
  return out;
}

let prepared: PreparedDocument[] | undefined;

/** The corpus cleaned and de-duplicated as it is indexed (computed once). */
export function corpusDocuments(): PreparedDocument[] {
  prepared ??= prepareCorpus(corpusTexts().map((d) => ({ id: d.id, name: d.name, lines: d.text.split(/\r?\n/) }))).documents;
  return prepared;
}

/** A deterministic pseudo-random integer in [0, n) per call (a linear congruential generator). */
export function lcg(seed: number): (n: number) => number {
  let x = seed;
  return (n) => {
    x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff;
    return x % n;
  };
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

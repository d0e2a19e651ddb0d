/**
 * A large corpus made from the real one: the reports in ../shared/corpus are cleaned and cut
 * into paragraphs, and synthetic documents of 15–40 paragraphs are drawn from them, every
 * paragraph varied (figures changed, about one character in twenty swapped for another from the
 * corpus) so that documents are not copies of each other and phrases recur as in a real
 * collection of a unit's reports. Deterministic for a given size.
 */
import type { IndexInput } from '../shared/suggest/phraseIndex';
import { corpusDocuments, lcg } from './corpus';

export function generateCorpus(chars: number, seed = 1): IndexInput[] {
  const paras = corpusDocuments().flatMap((d) => d.paragraphs).filter((p) => p.length >= 8);
  const alphabet = [...new Set(paras.join(''))].filter((c) => /[\u4e00-\u9fa5]/.test(c));
  const rand = lcg(seed);
  const docs: IndexInput[] = [];
  let total = 0;
  while (total < chars) {
    const count = 15 + rand(26);
    const paragraphs: string[] = [];
    for (let i = 0; i < count && total < chars; i++) {
      const src = paras[rand(paras.length)]!;
      const out: string[] = [];
      for (const ch of src) {
        if (ch >= '0' && ch <= '9') out.push(String(rand(10)));
        else if (rand(20) === 0 && /[\u4e00-\u9fa5]/.test(ch)) out.push(alphabet[rand(alphabet.length)]!);
        else out.push(ch);
      }
      const para = out.join(''); // a flat string, as a file reader gives
      paragraphs.push(para);
      total += para.length + 1;
    }
    docs.push({ name: `生成-${docs.length + 1}.txt`, kind: 'corpus', paragraphs });
  }
  return docs;
}

/** Contexts as a user would type them: the 2–12 characters before a random point of a real paragraph. */
export function sampleContexts(count: number, seed = 7): string[] {
  const paras = corpusDocuments().flatMap((d) => d.paragraphs).filter((p) => p.length >= 14);
  const rand = lcg(seed);
  const out: string[] = [];
  while (out.length < count) {
    const p = paras[rand(paras.length)]!;
    const end = 2 + rand(p.length - 1);
    out.push(p.slice(Math.max(0, end - 12), end));
  }
  return out;
}

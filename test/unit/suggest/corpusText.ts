/** The shared corpus, read at test time (never copied into the repo). */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { phrasebookDocuments } from '../../../shared/corpus/phrasebook';
import { prepareCorpus, type SourceDocument } from '../../../shared/corpus/prepare';
import { buildPhraseIndex, type PhraseIndex } from '../../../shared/suggest/phraseIndex';

export const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');
export const SEED_WITH_ADS = path.join(CORPUS, 'seeds', '004_9342abefdd77c34e.txt');

export function corpusSources(): SourceDocument[] {
  const out: SourceDocument[] = [];
  for (const sub of ['seeds', 'gov']) {
    for (const f of readdirSync(path.join(CORPUS, sub)).sort()) {
      if (f.endsWith('.txt')) out.push({ id: `${sub}/${f}`, name: f, lines: readFileSync(path.join(CORPUS, sub, f), 'utf8').split(/\r?\n/) });
    }
  }
  return out;
}

let cached: PhraseIndex | null = null;
/** The corpus and the phrasebook in one index, as the app builds it. */
export function corpusIndex(): PhraseIndex {
  cached ??= buildPhraseIndex([
    ...prepareCorpus(corpusSources()).documents.map((d) => ({ name: d.name, kind: 'corpus' as const, paragraphs: d.paragraphs })),
    ...phrasebookDocuments().map((d) => ({ ...d, kind: 'phrasebook' as const })),
  ]);
  return cached;
}

/**
 * Leave-one-out evaluation of phrase suggestions over ../shared/corpus: index every document
 * but one, replay the held-out one character by character, and whenever a ghost is shown count
 * whether it was right (the text goes on with exactly the ghost: the user presses Tab, saving
 * its length less one keystroke) or wrong (the user types on; the ghost stays while it still
 * matches, as in the editor, and a new one is asked for once it no longer does).
 */
import { phrasebookDocuments } from '../shared/corpus/phrasebook';
import type { PreparedDocument } from '../shared/corpus/prepare';
import { buildPhraseIndex, layoutText, stringOf, type IndexInput, type PhraseIndex } from '../shared/suggest/phraseIndex';
import { RANKING, suggest, type RankingParams } from '../shared/suggest/engine';
import { NaiveSuggester } from './naiveSuggest';

export interface EvalFigures {
  chars: number;
  saved: number;
  shown: number;
  right: number;
}

export type GhostFn = (before: string, typedSoFar: string[]) => string | null;

/** Replays one document's paragraphs against a ghost function. */
export function replay(paragraphs: string[], ghostAt: (before: string, typedSoFar: string[]) => string | null, onParagraph?: (typed: string[]) => void, onShown?: (right: boolean) => void): EvalFigures {
  const f: EvalFigures = { chars: 0, saved: 0, shown: 0, right: 0 };
  const typed: string[] = [];
  for (const p of paragraphs) {
    onParagraph?.(typed);
    f.chars += p.length;
    let i = 0;
    let ghost: string | null = null;
    while (i < p.length) {
      if (ghost === null) {
        const g = ghostAt(p.slice(0, i), typed);
        if (g) {
          f.shown++;
          onShown?.(p.startsWith(g, i));
          if (p.startsWith(g, i)) {
            f.right++;
            f.saved += g.length - 1;
            i += g.length;
            continue;
          }
          ghost = g;
        }
      }
      // The user types the next character; a ghost it matches stays.
      ghost = ghost !== null && ghost[0] === p[i] && ghost.length > 1 ? ghost.slice(1) : null;
      i++;
    }
    typed.push(p);
  }
  return f;
}

export interface EngineSpec {
  name: string;
  phrasebook: boolean;
  currentDocument: boolean;
  naive?: 'always' | 'majority';
  /** Ranking parameters other than the engine's own (for tuning). */
  params?: RankingParams;
}

function add(total: EvalFigures, f: EvalFigures): void {
  total.chars += f.chars;
  total.saved += f.saved;
  total.shown += f.shown;
  total.right += f.right;
}

/** Replays `held` with an engine indexing `indexed` (plus the phrasebook when the spec says so). */
function evaluate(indexed: PreparedDocument[], held: PreparedDocument, spec: EngineSpec): EvalFigures {
  const book: IndexInput[] = spec.phrasebook ? phrasebookDocuments().map((d) => ({ ...d, kind: 'phrasebook' as const })) : [];
  const inputs: IndexInput[] = [...indexed.map((d) => ({ name: d.name, kind: 'corpus' as const, paragraphs: d.paragraphs })), ...book];
  let ghostAt: (before: string, typed: string[]) => string | null;
  let onParagraph: ((typed: string[]) => void) | undefined;
  if (spec.naive) {
    const { text } = layoutText(inputs);
    const naive = new NaiveSuggester(stringOf(text), spec.naive === 'majority');
    ghostAt = (before) => naive.ghost(before);
  } else {
    const corpus = buildPhraseIndex(inputs);
    const params = spec.params ?? RANKING;
    let current: PhraseIndex | null = null;
    onParagraph = (typed) => {
      current = spec.currentDocument && typed.length > 0 ? buildPhraseIndex(typed.map((p) => ({ name: '当前文档', kind: 'current' as const, paragraphs: [p] }))) : null;
    };
    ghostAt = (before) => {
      const sources = current ? [corpus, current] : [corpus];
      return suggest(sources, { before, mode: 'ghost' }, undefined, params).ghost?.text ?? null;
    };
  }
  return replay(held.paragraphs, ghostAt, onParagraph);
}

/** Every document replayed against an index of the others. */
export function leaveOneOut(docs: PreparedDocument[], spec: EngineSpec): EvalFigures {
  const total: EvalFigures = { chars: 0, saved: 0, shown: 0, right: 0 };
  for (const held of docs) add(total, evaluate(docs.filter((d) => d !== held), held, spec));
  return total;
}

/** Each test document replayed against an index of the training documents only. */
export function trainTest(train: PreparedDocument[], test: PreparedDocument[], spec: EngineSpec): EvalFigures {
  const total: EvalFigures = { chars: 0, saved: 0, shown: 0, right: 0 };
  for (const held of test) add(total, evaluate(train, held, spec));
  return total;
}

/**
 * The bench's split of the corpus: every third document (by id: seeds and gov alike) is a test
 * document, the rest train. The ranking's parameters are tuned on the training documents only.
 */
export function corpusSplit(docs: PreparedDocument[]): { train: PreparedDocument[]; test: PreparedDocument[] } {
  const sorted = [...docs].sort((a, b) => (a.id < b.id ? -1 : 1));
  return { train: sorted.filter((_, i) => i % 3 !== 2), test: sorted.filter((_, i) => i % 3 === 2) };
}

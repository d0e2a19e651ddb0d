/**
 * `npm run bench -- suggest-tune`: how the ranking's parameters were chosen. A grid over them,
 * each point scored by a leave-one-out over the split's TRAINING documents only (the test
 * documents of suggestEval.ts's split never take part). Of the points with at least 45% precision
 * (a margin over the 40%), those within 0.2 points of the most keystrokes saved count as
 * equal, and the most precise of them is chosen: RANKING in shared/suggest/engine.ts.
 */
import { RANKING, type RankingParams } from '../shared/suggest/engine';
import { corpusDocuments } from './corpus';
import { corpusSplit, leaveOneOut, type EvalFigures } from './suggestEval';
import { printTable } from './table';

const MIN_PRECISION = 0.45;
/** Savings this close to the best count as equal (0.2 points: less than one document's spread). */
const SAVING_MARGIN = 0.002;

const GRID = {
  backoff: [1, 1.5, 3],
  shrink: [1.5],
  shrinkPerChar: [0.1, 0.2],
  ghostConfidence: [0.5, 0.55, 0.6, 0.65],
};

function* points(): Generator<RankingParams> {
  for (const backoff of GRID.backoff)
    for (const shrink of GRID.shrink)
      for (const shrinkPerChar of GRID.shrinkPerChar)
        for (const ghostConfidence of GRID.ghostConfidence) yield { backoff, shrink, shrinkPerChar, ghostConfidence };
}

const describe = (p: RankingParams) => `backoff ${p.backoff}, shrink ${p.shrink} + ${p.shrinkPerChar}/char, ghost ≥ ${p.ghostConfidence}`;
const saved = (f: EvalFigures) => f.saved / f.chars;
const precision = (f: EvalFigures) => f.right / Math.max(1, f.shown);

export async function benchSuggestTune(): Promise<void> {
  const { train } = corpusSplit(corpusDocuments());
  const only = process.env.WENGAO_TUNE_FAST ? [RANKING] : [...points()];
  const results = only.map((params) => ({ params, f: leaveOneOut(train, { name: '', phrasebook: true, currentDocument: true, params }) }));
  results.sort((a, b) => {
    const okA = precision(a.f) >= MIN_PRECISION;
    const okB = precision(b.f) >= MIN_PRECISION;
    return okA !== okB ? (okA ? -1 : 1) : saved(b.f) - saved(a.f);
  });
  // Among the points within SAVING_MARGIN of the best, the most precise: as useful, fewer wrong ghosts.
  const top = results[0] ? saved(results[0].f) : 0;
  const near = results.filter((r) => precision(r.f) >= MIN_PRECISION && saved(r.f) >= top - SAVING_MARGIN);
  const chosen = near.sort((a, b) => precision(b.f) - precision(a.f))[0];
  if (chosen) process.stdout.write(`chosen: ${describe(chosen.params)}${describe(chosen.params) === describe(RANKING) ? ' (in use)' : ' (NOT the one in use)'}\n`);
  printTable(`Ranking parameters, leave-one-out over the ${train.length} training documents of the split (best first: most saved at ≥ ${100 * MIN_PRECISION}% precision)`, results.slice(0, 12).map(({ params, f }) => ({
    figure: describe(params) + (describe(params) === describe(RANKING) ? ' (in use)' : ''),
    ours: `${(100 * saved(f)).toFixed(2)}% saved`,
    baseline: `${(100 * precision(f)).toFixed(1)}% precise`,
    ratio: `${f.shown} ghosts`,
    goal: '',
  })), { figure: 'parameters', ours: 'keystrokes saved', baseline: 'precision', ratio: 'ghosts shown', goal: '' });
}

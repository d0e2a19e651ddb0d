/**
 * Quality of the suggestions on ../shared/corpus (see suggestEval.ts): keystrokes saved and
 * precision of the ghosts shown, for Wengao and for the two naive engines of the issue (longest
 * context, most frequent continuation; and the same shown only with a clear majority), computed
 * in the same run over the same documents, twice:
 * - leave-one-out: every document typed against an index of all the others;
 * - a split: the test documents (every third by id) typed against an index of the training
 *   documents only. The ranking's parameters were tuned on the training documents alone
 *   (suggestTune.ts), so the split's figures are the honest ones for text the tuning never saw;
 *   the leave-one-out's include the training documents.
 */
import { corpusDocuments } from './corpus';
import { corpusSplit, leaveOneOut, trainTest, type EngineSpec, type EvalFigures } from './suggestEval';
import { printTable } from './table';

const SPECS: EngineSpec[] = [
  { name: 'naive: longest context, most frequent', phrasebook: true, currentDocument: false, naive: 'always' },
  { name: 'naive: … only with a clear majority', phrasebook: true, currentDocument: false, naive: 'majority' },
  { name: 'Wengao', phrasebook: true, currentDocument: true },
  { name: 'Wengao without the phrasebook', phrasebook: false, currentDocument: true },
  { name: 'Wengao without the open document', phrasebook: true, currentDocument: false },
];

function table(title: string, rows: Array<{ spec: EngineSpec; f: EvalFigures }>): void {
  printTable(title, rows.map(({ spec, f }) => ({
    figure: spec.name,
    ours: `${((100 * f.saved) / f.chars).toFixed(2)}% saved`,
    baseline: `${((100 * f.right) / Math.max(1, f.shown)).toFixed(1)}% precise`,
    ratio: `${f.shown.toLocaleString()} ghosts`,
    goal: spec.name === 'Wengao' ? '≥ 6% saved at ≥ 40% precision' : '',
  })), { figure: 'engine', ours: 'keystrokes saved', baseline: 'precision', ratio: 'ghosts shown', goal: 'goal' });
}

export async function benchSuggestQuality(): Promise<void> {
  const docs = corpusDocuments();
  const loo = SPECS.map((spec) => ({ spec, f: leaveOneOut(docs, spec) }));
  table(`Suggestion quality, leave-one-out over ${docs.length} documents of ../shared/corpus (${loo[0]!.f.chars.toLocaleString()} characters typed; the phrasebook is in every index unless stated; parameters tuned on the split's training documents)`, loo);
  const { train, test } = corpusSplit(docs);
  const split = SPECS.map((spec) => ({ spec, f: trainTest(train, test, spec) }));
  table(`Suggestion quality, split: ${test.length} test documents (${test.map((d) => d.id).join(', ')}; ${split[0]!.f.chars.toLocaleString()} characters) typed against an index of the other ${train.length}, never used in tuning`, split);
}

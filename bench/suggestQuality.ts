/**
 * Quality of the suggestions on a leave-one-out run over ../shared/corpus (see suggestEval.ts):
 * keystrokes saved and precision of the ghosts shown, for Wengao and for the two naive engines
 * of the issue (longest context, most frequent continuation; and the same shown only with a
 * clear majority), computed in the same run over the same documents.
 */
import { corpusDocuments } from './corpus';
import { leaveOneOut, type EngineSpec } from './suggestEval';
import { printTable } from './table';

export async function benchSuggestQuality(): Promise<void> {
  const docs = corpusDocuments();
  const specs: EngineSpec[] = [
    { name: 'naive: longest context, most frequent', phrasebook: true, currentDocument: false, naive: 'always' },
    { name: 'naive: … only with a clear majority', phrasebook: true, currentDocument: false, naive: 'majority' },
    { name: 'Wengao', phrasebook: true, currentDocument: true },
    { name: 'Wengao without the phrasebook', phrasebook: false, currentDocument: true },
    { name: 'Wengao without the open document', phrasebook: true, currentDocument: false },
  ];
  const rows = specs.map((spec) => {
    const f = leaveOneOut(docs, spec);
    return { spec, f };
  });
  const chars = rows[0]!.f.chars;
  printTable(`Suggestion quality, leave-one-out over ${docs.length} documents of ../shared/corpus (${chars.toLocaleString()} characters typed; the phrasebook is in every index unless stated)`, [
    ...rows.map(({ spec, f }) => ({
      figure: spec.name,
      ours: `${((100 * f.saved) / f.chars).toFixed(2)}% saved`,
      baseline: `${((100 * f.right) / Math.max(1, f.shown)).toFixed(1)}% precise`,
      ratio: `${f.shown.toLocaleString()} ghosts`,
      goal: spec.name === 'Wengao' ? 'beat both naive clearly' : '',
    })),
  ], { figure: 'engine', ours: 'keystrokes saved', baseline: 'precision', ratio: 'ghosts shown', goal: 'goal' });
}

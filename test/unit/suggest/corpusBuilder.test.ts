/**
 * The streamed corpus (each document cleaned and written into the index text as it is read)
 * gives exactly what cleaning all the documents together gives: same text, same documents, same
 * duplicates, same cleaning report — with ads recurring across documents, copies, and documents
 * that clean away to nothing.
 */
import { describe, expect, it } from 'vitest';
import { CorpusBuilder } from '../../../shared/corpus/corpusBuilder';
import { phrasebookDocuments } from '../../../shared/corpus/phrasebook';
import { prepareCorpus, type SourceDocument } from '../../../shared/corpus/prepare';
import { layoutText, type IndexInput } from '../../../shared/suggest/phraseIndex';
import { corpusSources } from './corpusText';

const phrasebook = (): IndexInput[] => phrasebookDocuments().map((d) => ({ ...d, kind: 'phrasebook' as const }));

function together(sources: SourceDocument[]) {
  const p = prepareCorpus(sources);
  const { text, docStarts } = layoutText([...p.documents.map((d) => ({ name: d.name, kind: 'corpus' as const, paragraphs: d.paragraphs })), ...phrasebook()]);
  return { text: Array.from(text), docStarts: Array.from(docStarts), documents: p.documents.map((d) => d.id), duplicates: p.duplicates, report: p.report };
}

function streamed(sources: SourceDocument[]) {
  const b = new CorpusBuilder(16);
  for (const s of sources) b.add({ ...s, lines: [...s.lines] });
  const r = b.finish(phrasebook());
  return { text: Array.from(r.text), docStarts: Array.from(r.docStarts), documents: r.documents.map((d) => d.id), duplicates: r.duplicates, report: r.report };
}

/** The front documents in one builder, the back ones in a part's builder (passed as another thread would get it), appended. */
function inTwo(sources: SourceDocument[], k: number) {
  const front = new CorpusBuilder(16);
  for (const s of sources.slice(0, k)) front.add({ ...s, lines: [...s.lines] });
  const back = new CorpusBuilder(16, undefined, true);
  for (const s of sources.slice(k)) back.add({ ...s, lines: [...s.lines] });
  front.append(structuredClone(back.part()));
  const r = front.finish(phrasebook());
  return { text: Array.from(r.text), docStarts: Array.from(r.docStarts), documents: r.documents.map((d) => d.id), duplicates: r.duplicates, report: r.report };
}

const doc = (id: string, lines: string[]): SourceDocument => ({ id, name: `${id}.txt`, lines });

/** Ads recurring across documents, a line that only an ad's recurrence removes whole, copies (the longer one later), documents cleaned away to nothing. */
function adsAndCopies(): SourceDocument[] {
  const footer = '—— 笔友素材网 每日精选 ——';
  const edited = '坚持稳中求进工作总基调（来源：某某网）。笔友素材网';
  // One cue (素材库) and nothing left once its attribution is removed: dropped as an attribution, or as promotion once it recurs.
  const bracket = '（来源：笔友素材库）';
  return [
    doc('a', ['一、总体要求', '坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。', footer, edited, bracket]),
    doc('empty', ['', '第 2 页 共 10 页', '扫码关注公众号，获取更多材料']),
    doc('b', ['二、主要任务', '持续优化营商环境，激发各类经营主体活力。', footer]),
    // Only the footer and the edited line: nothing is left once they recur.
    doc('onlyAds', [footer, edited]),
    doc('c', ['三、保障措施', '加强组织领导，压实工作责任，确保各项任务落地见效。', edited, bracket]),
    // A copy of a longer document that comes later: the later, longer one is kept.
    doc('short', ['四、工作要求', '各地区各部门要结合实际抓好贯彻落实，及时报告进展情况和存在问题。']),
    doc('long', ['四、工作要求', '各地区各部门要结合实际抓好贯彻落实，及时报告进展情况和存在问题。', '本通知自印发之日起施行。']),
  ];
}

describe('CorpusBuilder', () => {
  it('gives the shared corpus exactly as cleaning it all together does', () => {
    const sources = corpusSources();
    const a = streamed(sources);
    expect(a.text.length).toBeGreaterThan(50_000);
    expect(a).toEqual(together(sources));
  });

  it('drops a one-cue footer kept at first once a later document repeats it, and dedups the shortened documents', () => {
    const sources = adsAndCopies();
    const a = streamed(sources);
    const b = together(sources);
    expect(a).toEqual(b);
    expect(b.documents).toEqual(['a', 'b', 'c', 'long']);
    expect(b.duplicates).toEqual([['short', 'long']]);
    expect(b.report.promo).toBeGreaterThanOrEqual(5);
    const text = String.fromCharCode(...a.text);
    expect(text).not.toContain('笔友素材网');
    expect(text).not.toContain('素材库');
    // The bracket line (and the edited one) count once, as promotion (they recur), not also as attributions.
    expect(b.report.attribution).toBe(0);
  });

  it('gives the same corpus when the back documents are read into a part by another builder and appended, wherever the cut', () => {
    const sources = adsAndCopies();
    const expected = together(sources);
    for (let k = 0; k <= sources.length; k++) expect(inTwo(sources, k), `cut before ${k}`).toEqual(expected);
    const shared = corpusSources();
    const whole = together(shared);
    for (const k of [1, Math.floor(shared.length / 2), shared.length - 1]) expect(inTwo(shared, k), `cut before ${k}`).toEqual(whole);
  });

  it('grows its text past the first guess', () => {
    const sources = Array.from({ length: 40 }, (_, i) => doc(`d${i}`, [`第${i}部分`, `${'推进高质量发展，'.repeat(20 + i)}第${i}号。`]));
    expect(streamed(sources)).toEqual(together(sources));
  });
});

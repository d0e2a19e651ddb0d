/**
 * Ranking of phrase suggestions on the real corpus (../shared/corpus) and the built-in phrasebook,
 * as the app indexes them: longer contexts outweigh shorter ones, agreeing sources add up, a
 * near-tie between contexts of different lengths hides neither, and common 公文 phrase starts get
 * the right ghost.
 */
import { describe, expect, it } from 'vitest';
import { suggest, suggestionKey } from '../../../shared/suggest/engine';
import { buildPhraseIndex } from '../../../shared/suggest/phraseIndex';
import { corpusIndex } from './corpusText';

/** The open document as the app indexes it: each paragraph a document of its own. */
const openDocument = (paragraphs: string[]) => buildPhraseIndex(paragraphs.map((p) => ({ name: '当前文档', kind: 'current' as const, paragraphs: [p] })));

describe('ranking of phrase suggestions', () => {
  const index = corpusIndex();

  it('shows 深刻领悟 → “两个确立”的决定性意义, which the phrasebook and the corpus both give', () => {
    const r = suggest([index], { before: '要深刻领悟', mode: 'ghost' });
    expect(r.ghost?.text).toBe('“两个确立”的决定性意义');
    expect(r.ghost!.documents).toBeGreaterThanOrEqual(2);
  });

  it('shows 一体推进 → 不敢腐、不能腐、不想腐 with no other context before it', () => {
    expect(suggest([index], { before: '一体推进', mode: 'ghost' }).ghost?.text).toBe('不敢腐、不能腐、不想腐');
  });

  it('gives most common 公文 phrase starts a right ghost and none a wrong one', () => {
    // Eight starts a drafter types every day, with the continuation the phrasebook holds.
    const starts: Array<[string, string]> = [
      ['深刻领悟', '“两个确立”的决定性意义'],
      ['一体推进', '不敢腐、不能腐、不想腐'],
      ['全面从严', '治党'],
      ['以习近平新时代', '中国特色社会主义思想为指导'],
      ['坚持以人民为中心', '的发展思想'],
      ['推动高质量', '发展'],
      ['增强“四个意识”', '、坚定“四个自信”、做到“两个维护”'],
      ['认真贯彻落实', '党中央、国务院决策部署'],
    ];
    const ghosts = starts.map(([before]) => suggest([index], { before, mode: 'ghost' }).ghost?.text ?? null);
    const right = starts.filter(([, want], i) => ghosts[i] === want).length;
    expect(ghosts.filter((g, i) => g !== null && g !== starts[i]![1]), 'wrong ghosts').toEqual([]);
    expect(right, JSON.stringify(ghosts)).toBeGreaterThanOrEqual(6);
  });

  it('lets a longer context outweigh a shorter one, and a near-tie between them hide neither', () => {
    // The open document continues the 2-character context 领悟 with 力 three times; the corpus and
    // the phrasebook continue the 4-character 深刻领悟 with “两个确立”的决定性意义.
    const current = openDocument(['提高政治判断力、政治领悟力、政治执行力。', '增强政治领悟力。', '不断提升政治领悟力。']);
    const long = suggest([index, current], { before: '要深刻领悟', mode: 'list', k: 5 });
    expect(long.context).toBe('深刻领悟');
    expect(long.ghost?.text).toBe('“两个确立”的决定性意义');
    expect(long.suggestions.slice(1).some((s) => s.text.startsWith('力')), JSON.stringify(long.suggestions)).toBe(true);
    // Only the short context: its own candidate leads.
    const short = suggest([index, current], { before: '政治领悟', mode: 'list', k: 5 });
    expect(short.suggestions[0]?.text).toMatch(/^力/);
  });

  it('adds up agreeing sources: corpus and phrasebook, the open document, the user’s accepts', () => {
    const before = '坚持以人民为中心';
    const text = '的发展思想';
    const confidence = (r: ReturnType<typeof suggest>) => r.suggestions.find((s) => s.text === text)?.confidence ?? 0;
    const corpusOnly = confidence(suggest([index], { before, mode: 'list' }));
    const withDocument = confidence(suggest([index, openDocument([`始终${before}${text}。`])], { before, mode: 'list' }));
    const key = suggestionKey(text);
    const withAccepts = confidence(suggest([index, openDocument([`始终${before}${text}。`])], { before, mode: 'list' }, (k) => (k === key ? { accepted: 2, dismissed: 0 } : undefined)));
    expect(corpusOnly).toBeGreaterThan(0);
    expect(withDocument).toBeGreaterThan(corpusOnly);
    expect(withAccepts).toBeGreaterThan(withDocument);
  });

  it('prefers a likely short ghost to an unlikely long one that starts with it', () => {
    // 推动高质量 goes on with 发展 nearly everywhere, but with many different clauses after it.
    const r = suggest([index], { before: '推动高质量', mode: 'list', k: 5 });
    expect(r.ghost?.text).toBe('发展');
    expect(r.suggestions[0]?.text).toBe('发展');
    expect(r.suggestions.length).toBeGreaterThan(1);
  });
});

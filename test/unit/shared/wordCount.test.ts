import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addCounts, countWords } from '../../../shared/text/wordCount';

describe('countWords (Word 字数统计)', () => {
  it('counts each Chinese character and full-width punctuation mark as one', () => {
    expect(countWords('现将有关情况汇报如下：').words).toBe(11);
    expect(countWords('增强“四个意识”、坚定“四个自信”。')).toMatchObject({ cjk: 18, nonCjkWords: 0, words: 18 });
  });

  it('counts each run of Latin letters or digits as one word', () => {
    const c = countWords('2024年3月5日 GB/T 9704-2012');
    expect(c.cjk).toBe(3);
    expect(c.nonCjkWords).toBe(5); // 2024, 3, 5, GB/T, 9704-2012
    expect(c.words).toBe(8);
  });

  it('ignores spaces, ideographic spaces and line breaks', () => {
    const c = countWords('　　一、总体要求\n\n  各地区 ');
    expect(c.words).toBe(9);
    expect(c.charsNoSpaces).toBe(9);
    expect(c.charsWithSpaces).toBe(14);
  });

  it('is additive over paragraphs, so incremental counting equals a full count', () => {
    const text = readFileSync(new URL('../../../../shared/corpus/seeds/000_40f08a2d6707e5f7.txt', import.meta.url), 'utf8');
    const paras = text.split('\n');
    const summed = paras.map(countWords).reduce(addCounts);
    expect(summed).toEqual(countWords(text));
    // The report is several thousand characters long: a plausible count, not zero.
    expect(summed.words).toBeGreaterThan(2000);
    expect(summed.cjk).toBeGreaterThan(summed.nonCjkWords * 10);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SLOT } from '../../../shared/corpus/slots';
import { suggest, suggestionKey } from '../../../shared/suggest/engine';
import { buildPhraseIndex, docOf } from '../../../shared/suggest/phraseIndex';
import { suffixArray } from '../../../shared/suggest/sais';
import { SEED_WITH_ADS, corpusIndex } from './corpusText';

function naiveSuffixArray(t: Uint16Array): number[] {
  const idx = [...t.keys()];
  return idx.sort((a, b) => {
    for (let k = 0; ; k++) {
      if (a + k >= t.length) return -1;
      if (b + k >= t.length) return 1;
      const d = t[a + k]! - t[b + k]!;
      if (d !== 0) return d;
    }
  });
}

describe('docOf', () => {
  it('names the document of every position of the corpus index, and of documents shorter and longer than its table’s blocks', () => {
    const short = buildPhraseIndex(Array.from({ length: 300 }, (_, i) => ({ name: String(i), kind: 'current' as const, paragraphs: ['短'.repeat(i % 7) + '段落'.repeat(i % 900)] })));
    for (const index of [corpusIndex(), short]) {
      let d = 0;
      let wrong = 0;
      for (let pos = 0; pos < index.text.length; pos++) {
        while (index.docStarts[d + 1]! <= pos) d++;
        if (docOf(index, pos) !== d) wrong++;
      }
      expect(wrong).toBe(0);
    }
  });
});

describe('SA-IS suffix array', () => {
  it('sorts the suffixes of random texts over small and large alphabets like a naive sort', () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let trial = 0; trial < 400; trial++) {
      const n = 1 + Math.floor(rand() * 80);
      const k = trial % 3 === 0 ? 2 : trial % 3 === 1 ? 5 : 40000;
      const t = new Uint16Array(n).map(() => Math.floor(rand() * k) + (k > 100 ? 0x4e00 - 100 : 0));
      expect([...suffixArray(t)], [...t].join(',')).toEqual(naiveSuffixArray(t));
    }
  });

  it('handles empty, one-character and repetitive texts', () => {
    expect([...suffixArray(new Uint16Array(0))]).toEqual([]);
    expect([...suffixArray(new Uint16Array([7]))]).toEqual([0]);
    const same = new Uint16Array(50).fill(0x515a);
    expect([...suffixArray(same)]).toEqual(naiveSuffixArray(same));
  });
});

describe('phrase suggestions from ../shared/corpus', () => {
  const index = corpusIndex();

  it('continues 增强 with the three formulations and 一体推进 with 不敢腐、不能腐、不想腐', () => {
    const after增强 = suggest([index], { before: '要引导党员干部增强', mode: 'list' });
    expect(after增强.suggestions[0]?.text).toBe('“四个意识”、坚定“四个自信”、做到“两个维护”');
    expect(after增强.suggestions[0]?.documents).toBeGreaterThanOrEqual(3);
    const after一体推进 = suggest([index], { before: '坚定不移执纪反腐，一体推进', mode: 'ghost' });
    expect(after一体推进.ghost?.text).toBe('不敢腐、不能腐、不想腐');
    expect(after一体推进.ghost?.source).toMatch(/\.txt$/);
  });

  it('never suggests promotional text from the seeds', () => {
    const raw = readFileSync(SEED_WITH_ADS, 'utf8');
    const contexts = new Set<string>(['哒哒', '公众号', '素材库', '【', '材料来源', '##paid', '会员', '客服', '添加', '欢迎加入', '原则，在调研']);
    for (let i = 2; i < raw.length; i += 3) contexts.add(raw.slice(Math.max(0, i - 6), i));
    for (const before of contexts) {
      for (const s of suggest([index], { before, mode: 'list', k: 5 }).suggestions) {
        expect(s.text, before).not.toMatch(/哒哒|公众号|##paid|素材库|会员群|客服/);
      }
    }
  });

  it('ends at a clause end with balanced quotes and brackets', () => {
    const pairs: Array<[string, string]> = [['“', '”'], ['《', '》'], ['（', '）'], ['【', '】']];
    for (const before of ['增强', '落实', '坚持', '建立', '严格执行', '印发《', '推动', '以']) {
      for (const s of suggest([index], { before, mode: 'list', k: 5 }).suggestions) {
        expect(s.text).not.toMatch(/[，。；：！？\n]$/);
        for (const [o, c] of pairs) {
          const opened = before.split(o).length - before.split(c).length;
          expect(s.text.split(o).length - s.text.split(c).length + opened, `${before}|${s.text}`).toBeGreaterThanOrEqual(0);
        }
      }
    }
  });

  it('shows a ghost only when it is likely right, and lists alternatives on request', () => {
    const ghost = suggest([index], { before: '我们要', mode: 'ghost' });
    expect(ghost.ghost).toBeNull();
    expect(suggest([index], { before: '我们要', mode: 'list', k: 5 }).suggestions.length).toBeGreaterThan(1);
    expect(suggest([index], { before: '尊', mode: 'list' }).suggestions).toEqual([]);
  });

  it('keeps placeholders as a slot in a suggestion', () => {
    const list = suggest([index], { before: '尊敬的', mode: 'list', k: 5 }).suggestions.map((s) => s.text);
    expect(list).toContain(`${SLOT}部长`);
  });

  it('boosts phrases of the open document and follows the user’s accepts and dismissals', () => {
    const phrase = '聚焦“一老一小”民生实事';
    const current = buildPhraseIndex([1, 2, 3].map(() => ({ name: '当前文档', kind: 'current' as const, paragraphs: [`二是${phrase}，加快推进。`] })));
    expect(suggest([index], { before: '三是聚焦“一', mode: 'ghost' }).ghost).toBeNull();
    expect(suggest([index, current], { before: '三是聚焦“一', mode: 'ghost' }).ghost?.text).toBe('老一小”民生实事');

    const before = '坚定不移执纪反腐，一体推进';
    const key = suggestionKey('不敢腐、不能腐、不想腐');
    expect(suggest([index], { before, mode: 'ghost' }, (k) => (k === key ? { accepted: 0, dismissed: 2 } : undefined)).ghost).toBeNull();
    const boosted = suggest([index], { before: '我们要', mode: 'list' }).suggestions[2]!;
    const lifted = suggest([index], { before: '我们要', mode: 'list' }, (k) => (k === suggestionKey(boosted.text) ? { accepted: 3, dismissed: 0 } : undefined));
    expect(lifted.suggestions[0]!.text).toBe(boosted.text);
  });

  it('never reads a context across a paragraph and needs two characters', () => {
    expect(suggest([index], { before: '一体推进\n', mode: 'list' }).suggestions).toEqual([]);
    expect(suggest([index], { before: '一体推进\n增强', mode: 'list' }).context).toBe('增强');
  });
});

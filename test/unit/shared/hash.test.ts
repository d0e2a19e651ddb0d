import { describe, expect, it } from 'vitest';
import { hashHalves, hashText } from '../../../shared/text/hash';

describe('the one string hash', () => {
  it('gives the fingerprints .wgd files already hold (values from before the hash was shared)', () => {
    expect(['', '一、总体要求', 'a'.repeat(1000)].map(hashText)).toEqual(['0bdcb81aee8d83', '00256706ca6f73', '1c0002518a359e']);
  });

  it('gives the corpus builder two 32-bit halves that tell apart lines differing in one character', () => {
    const [a, b] = hashHalves('一、总体要求');
    const [c, d] = hashHalves('一、总体要末');
    expect([a, b].every((h) => Number.isInteger(h) && h >= 0 && h < 2 ** 32)).toBe(true);
    expect(a !== c && b !== d).toBe(true);
  });
});

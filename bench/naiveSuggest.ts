/**
 * The naive baseline the issue describes: find the longest context suffix (12 → 2 characters)
 * with indexOf over the plain text, collect every occurrence's continuation up to a clause end,
 * offer the most frequent one. With `majority`, offer it only when more than half of the
 * occurrences agree.
 */
const CLAUSE_END = '，。；：！？,;:!?\n\u0000';

export class NaiveSuggester {
  constructor(
    readonly text: string,
    readonly majority = false,
  ) {}

  ghost(before: string): string | null {
    const para = before.slice(before.lastIndexOf('\n') + 1);
    for (let len = Math.min(12, para.length); len >= 2; len--) {
      const pat = para.slice(-len);
      let at = this.text.indexOf(pat);
      if (at < 0) continue;
      const counts = new Map<string, number>();
      let total = 0;
      while (at >= 0) {
        let end = at + len;
        while (end < this.text.length && end - at - len < 40 && !CLAUSE_END.includes(this.text[end]!)) end++;
        const cont = this.text.slice(at + len, end);
        counts.set(cont, (counts.get(cont) ?? 0) + 1);
        total++;
        at = this.text.indexOf(pat, at + 1);
      }
      let best = '';
      let bestN = 0;
      for (const [c, n] of counts) if (n > bestN) [best, bestN] = [c, n];
      if (best === '' || (this.majority && bestN * 2 <= total)) return null;
      return best;
    }
    return null;
  }
}

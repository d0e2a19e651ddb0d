/**
 * 重复: a character or word typed twice ("的的", "加强加强"), not legitimate reduplication
 * (常常, 人人, 看看, 研究研究, 等等) nor a word that contains the pair (不了了之, 是是非非).
 */
import { getLexicon } from './lexicon';
import type { Finding } from './types';

/** Function characters that never reduplicate in 公文. */
const NEVER_DOUBLED = '的地得了是在和与及对把被将从向为以而并或但就也都要于之其所按由让使已已经因';
/** Verbs whose ABAB form is legitimate ("研究研究"). */
const ABAB_OK = new Set(['研究', '讨论', '学习', '商量', '考虑', '了解', '锻炼', '活动', '休息', '打扫', '整理', '琢磨', '检查', '交流', '沟通', '分析', '比较', '总结', '介绍', '体验', '感受', '尝试', '认识', '思考', '反思', '收拾', '准备']);

function insideWord(text: string, i: number, len: number): boolean {
  const lex = getLexicon();
  for (let a = Math.max(0, i - 2); a <= i; a++) {
    for (let l = 3; l <= 4; l++) {
      if (a + l < i + len || a + l > text.length) continue;
      if (lex.words.has(text.slice(a, a + l))) return true;
    }
  }
  return false;
}

/** 重复 findings in a paragraph. */
export function checkRepeats(text: string): Finding[] {
  const lex = getLexicon();
  const out: Finding[] = [];
  for (const m of text.matchAll(/([\u4e00-\u9fa5])\1+/g)) {
    const c = m[1]!;
    if (!NEVER_DOUBLED.includes(c)) continue;
    if (insideWord(text, m.index, m[0].length) || lex.words.has(m[0])) continue;
    out.push({ start: m.index, end: m.index + m[0].length, category: 'repeat', authority: '建议', rule: 'repeat-char', message: `“${c}”重复`, suggestion: c });
  }
  for (const m of text.matchAll(/([\u4e00-\u9fa5]{2,4})\1/g)) {
    const w = m[1]!;
    if (!lex.words.has(w) || ABAB_OK.has(w) || /^(.)\1$/.test(w)) continue;
    if (lex.words.has(m[0]) || insideWord(text, m.index, m[0].length)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, category: 'repeat', authority: '建议', rule: 'repeat-word', message: `“${w}”重复`, suggestion: w });
  }
  return out;
}

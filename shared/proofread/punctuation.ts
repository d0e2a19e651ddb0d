/**
 * 标点 per GB/T 15834-2011: half-width marks between Chinese characters, doubled marks, unbalanced
 * pairs, a 顿号 between adjacent 《》 or “”, "..." for ……, a 顿号 before 等, nested quotes and
 * 书名号, year ranges with a hyphen. URLs, e-mail addresses, version numbers (3.5) and Latin text
 * are left alone.
 */
import type { Finding } from './types';

const HAN = '\\u4e00-\\u9fa5';
const GB = 'GB/T 15834-2011《标点符号用法》';

/** Ranges that are not Chinese prose: URLs, e-mail, file names, numbers with dots, Latin phrases. */
export function maskedRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /(?:https?|ftp):\/\/[^\s\u4e00-\u9fa5，。；、“”（）]+|www\.[^\s\u4e00-\u9fa5，。；、“”（）]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b\d+(?:\.\d+)+\b|`[^`]*`|[A-Za-z][A-Za-z0-9 ,.;:?!'"()-]*[A-Za-z0-9.)]/g;
  for (const m of text.matchAll(re)) out.push([m.index, m.index + m[0].length]);
  return out;
}

const inMask = (mask: Array<[number, number]>, s: number, e: number) => mask.some(([a, b]) => s < b && e > a);

const HALF_TO_FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '.': '。' };

interface Pair {
  open: string;
  close: string;
  name: string;
}
const PAIRS: Pair[] = [
  { open: '“', close: '”', name: '引号' },
  { open: '‘', close: '’', name: '单引号' },
  { open: '《', close: '》', name: '书名号' },
  { open: '〈', close: '〉', name: '单书名号' },
  { open: '（', close: '）', name: '括号' },
  { open: '〔', close: '〕', name: '六角括号' },
  { open: '【', close: '】', name: '方头括号' },
];
const OPENERS = new Map(PAIRS.map((p) => [p.open, p]));
const CLOSERS = new Map(PAIRS.map((p) => [p.close, p]));

export interface PunctContext {
  /** The next paragraph starts with “ (a quotation running over paragraphs leaves this one open). */
  nextOpensQuote?: boolean;
  /** This paragraph continues a quotation opened in an earlier one (it may close a ” it did not open). */
  insideQuote?: boolean;
}

function pairs(text: string, ctx: PunctContext, out: Finding[]): void {
  const stack: Array<{ p: Pair; at: number }> = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const open = OPENERS.get(ch);
    if (open) {
      const top = stack[stack.length - 1];
      if (top && top.p.open === ch && (ch === '“' || ch === '《')) {
        const inner = ch === '“' ? '‘' : '〈';
        out.push({ start: i, end: i + 1, category: 'punct', authority: '规定', rule: 'nesting', message: `${ch === '“' ? '引号' : '书名号'}里面还要用${ch === '“' ? '引号' : '书名号'}时，里面一层用“${inner}”（${GB}）`, suggestion: null });
      }
      stack.push({ p: open, at: i });
      continue;
    }
    const close = CLOSERS.get(ch);
    if (!close) continue;
    const top = stack[stack.length - 1];
    if (top && top.p === close) {
      stack.pop();
      continue;
    }
    if (stack.some((s) => s.p === close)) {
      // a pair left open inside: report the inner opener, then close this one
      while (stack.length && stack[stack.length - 1]!.p !== close) {
        const s = stack.pop()!;
        out.push({ start: s.at, end: s.at + 1, category: 'punct', authority: '规定', rule: 'unbalanced', message: `${s.p.name}“${s.p.open}”没有配对的“${s.p.close}”（${GB}）`, suggestion: null });
      }
      stack.pop();
      continue;
    }
    if (ch === '”' && ctx.insideQuote) continue;
    out.push({ start: i, end: i + 1, category: 'punct', authority: '规定', rule: 'unbalanced', message: `${close.name}“${close.close}”前没有配对的“${close.open}”（${GB}）`, suggestion: null });
  }
  for (const s of stack) {
    if (s.p.open === '“' && ctx.nextOpensQuote) continue;
    out.push({ start: s.at, end: s.at + 1, category: 'punct', authority: '规定', rule: 'unbalanced', message: `${s.p.name}“${s.p.open}”没有配对的“${s.p.close}”（${GB}）`, suggestion: null });
  }
}

/** 标点 findings in a paragraph. */
export function checkPunctuation(text: string, ctx: PunctContext = {}): Finding[] {
  const mask = maskedRanges(text);
  const out: Finding[] = [];
  const push = (f: Omit<Finding, 'category'>) => {
    if (!inMask(mask, f.start, f.end)) out.push({ ...f, category: 'punct' });
  };
  // half-width , ; : ? ! after a Chinese character (before Chinese, a quote, or the end)
  for (const m of text.matchAll(new RegExp(`(?<=[${HAN}”）》])[,;:?!](?=[${HAN}“（《]|\\s*$)`, 'g'))) {
    push({ start: m.index, end: m.index + 1, authority: '规定', rule: 'half-width', message: `中文里应使用全角标点“${HALF_TO_FULL[m[0]]}”（${GB}）`, suggestion: HALF_TO_FULL[m[0]]! });
  }
  // a half-width full stop ending a Chinese sentence
  for (const m of text.matchAll(new RegExp(`(?<=[${HAN}”）》])\\.(?=[${HAN}“]|\\s*$)`, 'g'))) {
    push({ start: m.index, end: m.index + 1, authority: '规定', rule: 'half-width', message: `中文句末应使用句号“。”（${GB}）`, suggestion: '。' });
  }
  // half-width parentheses around Chinese text
  for (const m of text.matchAll(new RegExp(`\\(([^()]*[${HAN}][^()]*)\\)`, 'g'))) {
    const before = text[m.index - 1];
    if (m.index > 0 && before && !new RegExp(`[${HAN}，。、；：“”]`).test(before) && !/^[\u4e00-\u9fa5]/.test(m[1]!)) continue;
    push({ start: m.index, end: m.index + m[0].length, authority: '规定', rule: 'half-width-paren', message: `中文里应使用全角括号“（）”（${GB}）`, suggestion: `（${m[1]}）` });
  }
  // doubled marks
  for (const m of text.matchAll(/([，。、；：！？])\1+|[，、；：][。，；：]|[。][，、；：]/g)) {
    push({ start: m.index, end: m.index + m[0].length, authority: '规定', rule: 'doubled', message: `标点重复：“${m[0]}”（${GB}）`, suggestion: m[1] ? m[1] : null });
  }
  // 顿号 between adjacent 《》《》 (between quotes, published documents keep it: not checked)
  for (const m of text.matchAll(/》、《/g)) {
    push({ start: m.index + 1, end: m.index + 2, authority: '规定', rule: 'dun-between-quotes', message: `并列的引号或书名号之间通常不用顿号（${GB} 4.5.3.5）`, suggestion: '' });
  }
  // "..." "。。。" or a single … for ……
  for (const m of text.matchAll(/\.{3,6}|。{3,6}|(?<!…)…(?!…)|…{3,}|(?<=[\u4e00-\u9fa5])·{3,6}/g)) {
    if (m[0] === '…' && text[m.index + 1] === '…') continue;
    push({ start: m.index, end: m.index + m[0].length, authority: '规定', rule: 'ellipsis', message: `省略号应为“……”（${GB}）`, suggestion: '……' });
  }
  // a 顿号 before 等
  for (const m of text.matchAll(/、(?=等(?:[方领工问部单地措内事行]|[，。；]|$))/g)) {
    push({ start: m.index, end: m.index + 1, authority: '建议', rule: 'dun-before-deng', message: '“等”前不用顿号', suggestion: '' });
  }
  // year ranges with a hyphen: 2021-2025年 → 2021—2025年
  for (const m of text.matchAll(/(?<![\d-])((?:19|20)\d{2})\s*[-－–~]\s*((?:19|20)\d{2})(?=年)/g)) {
    push({ start: m.index, end: m.index + m[0].length, authority: '规定', rule: 'dash-years', message: `标示时间的起止用一字线“—”（${GB} 4.13.3）`, suggestion: `${m[1]}—${m[2]}` });
  }
  // half-width double quotes around Chinese text
  for (const m of text.matchAll(new RegExp(`"([^"]*[${HAN}][^"]*)"`, 'g'))) {
    push({ start: m.index, end: m.index + m[0].length, authority: '规定', rule: 'half-width-quote', message: `中文里应使用全角引号“”（${GB}）`, suggestion: `“${m[1]}”` });
  }
  pairs(text, ctx, out);
  return out;
}

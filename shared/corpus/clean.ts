/**
 * Cleaning copied material before it is indexed (and, as 清理素材, in the open document).
 * Reports found on the web carry advertising lines, source attributions, paywall markup, page
 * numbers and mojibake; none of it may ever come back as a suggestion. The rules are generic —
 * cues of promotion, not the name of one brand — and keep genuine phrases that merely contain
 * 来源, 材料 or 免费.
 */

export type CleanReason = 'promo' | 'attribution' | 'markup' | 'pageFurniture' | 'mojibake' | 'control';

export const CLEAN_REASON_LABELS: Record<CleanReason, string> = {
  promo: '推广信息',
  attribution: '来源标注',
  markup: '网页标记',
  pageFurniture: '页码',
  mojibake: '乱码',
  control: '控制字符',
};

/** What happens to one line (paragraph). Ranges are [start, end) in the original line. */
export type LineAction =
  | { kind: 'keep' }
  | { kind: 'drop'; reason: CleanReason }
  | { kind: 'edit'; remove: Array<[number, number]>; reasons: CleanReason[]; text: string };

export type CleanReport = Record<CleanReason, number>;

export function emptyReport(): CleanReport {
  return { promo: 0, attribution: 0, markup: 0, pageFurniture: 0, mojibake: 0, control: 0 };
}

// ---------- promotion cues, by kind: a line is an ad when several kinds meet ----------
const CHANNEL = /公众号|微信号|微信群|QQ群|网盘|素材库|素材网|范文网|客服|小红书|抖音号|视频号/i;
const COMMERCE = /更多(?:范文|材料|素材|精品)|获取更多|会员|s?vip(?![a-z])|代笔|润笔|接单|付费|优惠|下载|素材需求|万字材料|好评如潮|每[天日]更新|一键|原创高质量|高度保密|代发布/i;
const CALL = /扫码|扫一扫|二维码|长按识别|关注我们|关注公众号|添加微信|加微信|有意加入|欢迎加入|请联系|联系方式|认准|谨防假冒|私信|后台回复|阅读原文|点击下方|添加客服|加入请|欢迎转发|转发分享/;
const CONTACT = /(?:https?:\/\/|www\.)\S+|[\w.-]+@[\w-]+\.[a-z]{2,}|(?<!\d)1[3-9]\d{9}(?!\d)|(?:QQ|qq|微信|VX|vx)\s*[:：]?\s*[\w-]{5,}|[:：]\s*\d[\d -]{4,}\d|[:：]\s*[a-z][a-z0-9_]{2,}(?![A-Za-z0-9_])/;

/** How many kinds of promotional cue a line carries (0–4). */
export function promoKinds(line: string): number {
  let n = 0;
  if (CHANNEL.test(line)) n++;
  if (COMMERCE.test(line)) n++;
  if (CALL.test(line)) n++;
  if (CONTACT.test(line)) n++;
  return n;
}

function isPromoLine(line: string, kinds = promoKinds(line)): boolean {
  if (kinds >= 3) return true;
  if (kinds === 2) return line.length <= 80 || CONTACT.test(line);
  return false;
}

// ---------- whole-line furniture ----------
const PAGE_FURNITURE = [
  /^[—–\-－~～]{1,2}\s*\d{1,4}\s*[—–\-－~～]{1,2}$/,
  /^第\s*\d{1,4}\s*页(?:\s*[，,/／]?\s*共\s*\d{1,4}\s*页)?$/,
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/,
  /^[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?$/,
];

// ---------- inline removals ----------
/** (材料来源：【公众号：…】), （来源：…）, (转自…): attributions, with or without brackets inside. */
const ATTRIBUTION = [
  /[（(]\s*(?:材料|资料|文章|内容|信息|素材|图片|本文)?(?:来源|来自|出处|转自|摘自|转载自)\s*[：:]?[^（）()]*?(?:【[^】]*】[^（）()]*?)*[）)]/g,
  /[（(][^（）()]*?(?:公众号|素材库)[^（）()]*?[）)]/g,
  /【[^】]*?(?:公众号|素材库)[^】]*?】/g,
  /(?:材料|文章|资料)?来源\s*[：:]\s*(?:【[^】]*】|公众号\S*)\s*$/g,
];
const MARKUP = [/##[A-Za-z_]{2,20}##/g, /<\/?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?\/?>/g, /&(?:nbsp|amp|lt|gt|quot|emsp|ensp);/g];
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200D\u2060\uFEFF\uFFFD]/g;
const MOJIBAKE_CHUNK = /锟斤拷|烫烫|屯屯|ï¿½/;

function isMojibake(line: string): boolean {
  if (MOJIBAKE_CHUNK.test(line)) return true;
  let latin1 = 0;
  let replacement = 0;
  for (const ch of line) {
    const c = ch.charCodeAt(0);
    if (c >= 0xc0 && c <= 0xff) latin1++;
    else if (c === 0xfffd) replacement++;
  }
  const len = line.length || 1;
  return replacement >= 3 || replacement / len > 0.1 || (latin1 >= 4 && latin1 / len > 0.25);
}

function addMatches(re: RegExp, line: string, reason: CleanReason, ranges: Array<[number, number, CleanReason]>): void {
  re.lastIndex = 0;
  for (const m of line.matchAll(re)) if (m[0].length > 0) ranges.push([m.index, m.index + m[0].length, reason]);
}

/**
 * Decides what to do with one line. `recurring` says the line also appears elsewhere (in other
 * documents of the corpus, or repeated in this one): then one promotional cue is enough. As a
 * function it is asked only when the answer matters (the line has exactly that one cue or two).
 */
export function cleanLine(line: string, recurring: boolean | (() => boolean) = false): LineAction {
  const trimmed = line.trim();
  if (trimmed === '') return { kind: 'keep' };
  if (isMojibake(trimmed)) return { kind: 'drop', reason: 'mojibake' };
  if (PAGE_FURNITURE.some((re) => re.test(trimmed))) return { kind: 'drop', reason: 'pageFurniture' };
  const kinds = promoKinds(trimmed);
  if (isPromoLine(trimmed, kinds) || (kinds >= 1 && (recurring === true || (recurring !== false && recurring())))) return { kind: 'drop', reason: 'promo' };

  const ranges: Array<[number, number, CleanReason]> = [];
  for (const re of MARKUP) addMatches(re, line, 'markup', ranges);
  for (const re of ATTRIBUTION) addMatches(re, line, 'attribution', ranges);
  addMatches(CONTROL, line, 'control', ranges);
  if (ranges.length === 0) return { kind: 'keep' };
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  const reasons = new Set<CleanReason>();
  for (const [s, e, r] of ranges) {
    reasons.add(r);
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  let text = '';
  let at = 0;
  for (const [s, e] of merged) {
    text += line.slice(at, s);
    at = e;
  }
  text += line.slice(at);
  if (text.trim() === '') return { kind: 'drop', reason: [...reasons][0]! };
  return { kind: 'edit', remove: merged, reasons: [...reasons], text };
}

/** Shorter line keys never count as recurring (a heading such as 工作总结 may recur anywhere). */
export const MIN_RECURRING_KEY = 6;

/** A line's identity for recurrence: without spaces and punctuation differences. */
export function lineKey(line: string): string {
  return line.replace(/[\s\u3000]+/g, '').replace(/[，,。.！!？?：:；;、]/g, '');
}

/** Lines that appear in at least `minDocs` documents (as keys), for the recurrence rule. */
export function recurringLines(docs: string[][], minDocs = 2): Set<string> {
  const seen = new Map<string, number>();
  for (const lines of docs) {
    const mine = new Set<string>();
    for (const l of lines) {
      const k = lineKey(l);
      if (k.length >= MIN_RECURRING_KEY) mine.add(k);
    }
    for (const k of mine) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  const out = new Set<string>();
  for (const [k, n] of seen) if (n >= minDocs) out.add(k);
  return out;
}

export interface CleanedLines {
  /** One action per input line. */
  actions: LineAction[];
  /** The lines that remain, cleaned (dropped lines omitted, empty lines kept). */
  lines: string[];
  report: CleanReport;
}

/**
 * Cleans the lines of one document. `recurringElsewhere` holds line keys seen in other
 * documents (from recurringLines over the corpus); a line repeated within this document counts
 * as recurring too. `keys` are the lines' keys (lineKey), when the caller has them already.
 */
export function cleanLines(lines: string[], recurringElsewhere: Pick<ReadonlySet<string>, 'has'> = new Set(), keys: string[] = lines.map(lineKey)): CleanedLines {
  const counts = new Map<string, number>();
  for (const k of keys) if (k.length >= MIN_RECURRING_KEY) counts.set(k, (counts.get(k) ?? 0) + 1);
  const report = emptyReport();
  const out: string[] = [];
  const actions = lines.map((line, i) => {
    const k = keys[i]!;
    const action = cleanLine(line, () => (counts.get(k) ?? 0) > 1 || recurringElsewhere.has(k));
    if (action.kind === 'drop') report[action.reason]++;
    else if (action.kind === 'edit') {
      for (const r of action.reasons) report[r]++;
      out.push(action.text);
    } else out.push(line);
    return action;
  });
  return { actions, lines: out, report };
}

/** Cleans a plain text (lines separated by newlines). */
export function cleanText(text: string): { text: string; report: CleanReport } {
  const { lines, report } = cleanLines(text.split(/\r\n|\r|\n/));
  return { text: lines.join('\n'), report };
}

/** "删除推广信息 4 行、来源标注 1 处" — what a cleaning did, for a notice. */
export function describeReport(report: CleanReport): string {
  const parts: string[] = [];
  for (const r of Object.keys(report) as CleanReason[]) {
    const n = report[r];
    if (n > 0) parts.push(`${CLEAN_REASON_LABELS[r]} ${n} 处`);
  }
  return parts.join('、');
}

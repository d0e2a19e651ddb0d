/**
 * Heading numbers as 公文 write them: 一、 / （一） / 1. / （1） and the regulation style
 * 第一章 / 第一节 / 第一条. Parsing a number at the start of a paragraph (with the variants and
 * mistakes people type: half-width brackets, "1、", "（一）、"), and writing one back in a given
 * style, for renumbering.
 */
import { chineseNumeral, parseArabic, parseNumeral, toWideDigits } from '../text/numerals';

export type NumberKind =
  /** 一、 */
  | 'cn-dun'
  /** （一） */
  | 'cn-paren'
  /** 1. or 1． */
  | 'arabic-dot'
  /** （1） */
  | 'arabic-paren'
  /** 第一章 */
  | 'chapter'
  /** 第一节 */
  | 'section'
  /** 第一条 */
  | 'article';

/** How a number is written, beyond its kind: kept when renumbering ("the document's own style"). */
export interface NumberStyle {
  kind: NumberKind;
  /** The separator after an arabic or Chinese numeral: "、" "." "．" (cn-dun, arabic-dot). */
  sep?: string;
  /** Half-width brackets "(一)" instead of "（一）" (cn-paren, arabic-paren). */
  halfWidth?: boolean;
  /** Full-width digits "１．" (arabic kinds). */
  wideDigits?: boolean;
}

/** Mistakes in a written number that the checker reports. */
export type NumberFlaw =
  /** "(一)" or "(1)": half-width brackets. */
  | 'half-width-brackets'
  /** "（一）、" "（1）．": punctuation after a bracketed number. */
  | 'punct-after-number'
  /** "1、" instead of "1.". */
  | 'arabic-dun'
  /** "一." or "一，" instead of "一、". */
  | 'cn-separator';

export interface NumberToken {
  kind: NumberKind;
  /** 1-based value ("三" → 3). */
  value: number;
  style: NumberStyle;
  /** The number as written, without stray punctuation after it: "（一）", "1、", "第三章". */
  text: string;
  /** Offset of the number in the paragraph text (after leading spaces). */
  start: number;
  /** Offset just after the number proper. */
  end: number;
  /** Offset after stray punctuation and spaces that follow the number (where the title starts). */
  titleStart: number;
  flaws: NumberFlaw[];
}

/** The outline level each kind of number marks. */
export const LEVEL_OF_KIND: Record<NumberKind, 1 | 2 | 3 | 4> = {
  'cn-dun': 1,
  'cn-paren': 2,
  'arabic-dot': 3,
  'arabic-paren': 4,
  chapter: 1,
  section: 2,
  article: 3,
};

/** The usual number style of each level when a document shows none of its own. */
export const DEFAULT_STYLES: Record<1 | 2 | 3 | 4, NumberStyle> = {
  1: { kind: 'cn-dun', sep: '、' },
  2: { kind: 'cn-paren' },
  3: { kind: 'arabic-dot', sep: '.' },
  4: { kind: 'arabic-paren' },
};

const CN_CHARS = '[一二三四五六七八九十百〇零两]';

/** Writes a number in a style: (cn-paren, 3) → "（三）"; (arabic-dot, 12, sep "．") → "12．". */
export function formatNumber(style: NumberStyle, value: number): string {
  const arabic = style.wideDigits ? toWideDigits(String(value)) : String(value);
  const [open, close] = style.halfWidth ? ['(', ')'] : ['（', '）'];
  switch (style.kind) {
    case 'cn-dun':
      return chineseNumeral(value) + (style.sep ?? '、');
    case 'cn-paren':
      return open + chineseNumeral(value) + close;
    case 'arabic-dot':
      return arabic + (style.sep ?? '.');
    case 'arabic-paren':
      return open + arabic + close;
    case 'chapter':
      return `第${chineseNumeral(value)}章`;
    case 'section':
      return `第${chineseNumeral(value)}节`;
    case 'article':
      return `第${chineseNumeral(value)}条`;
  }
}

/** The style a number should have: its own, with the mistakes the checker reports corrected. */
export function correctedStyle(style: NumberStyle): NumberStyle {
  switch (style.kind) {
    case 'cn-dun':
      return { kind: 'cn-dun', sep: '、' };
    case 'arabic-dot':
      return { ...style, sep: style.sep === '、' ? '.' : style.sep };
    case 'cn-paren':
    case 'arabic-paren':
      return { ...style, halfWidth: false };
    default:
      return style;
  }
}

const DIGITS = '[0-9０-９]{1,2}';
// A list inside a sentence: "一、二季度", "一、二线城市", "一、二、三产业", "一、二等奖" — the next
// numeral follows on ("一、一年来的主要工作" and "三、三个方面的问题" are headings).
const IN_SENTENCE_LIST = new RegExp(`^(${CN_CHARS}+)(?:[、季月年等类级批期个次号日届线档]|产业)`);
// After 第X章/节/条 a heading goes on after a space, or (章, 节) is a short line of its own:
// "第一节课由校长主讲。" and "第三条经验是…" are sentences.
const AFTER_CHAPTER = /^(?:$|[\s\u3000]|[^，。；！？,;!?]{1,15}$)/;
const AFTER_ARTICLE = /^(?:$|[\s\u3000])/;
const STRAY = /^[、，,.．:：;；]+/;
const SPACES = /^[\s\u3000]+/;

interface Rule {
  kind: NumberKind;
  re: RegExp;
  parse(m: RegExpExecArray): { value: number; style: NumberStyle; flaws: NumberFlaw[] } | null;
}

const RULES: Rule[] = [
  {
    kind: 'cn-paren',
    re: new RegExp(`^([（(])(${CN_CHARS}+)([）)])`),
    parse: (m) => {
      const half = m[1] === '(' || m[3] === ')';
      return { value: parseNumeral(m[2]!), style: { kind: 'cn-paren', halfWidth: half }, flaws: half ? ['half-width-brackets'] : [] };
    },
  },
  {
    kind: 'arabic-paren',
    re: new RegExp(`^([（(])(${DIGITS})([）)])`),
    parse: (m) => {
      const half = m[1] === '(' || m[3] === ')';
      const wide = /[０-９]/.test(m[2]!);
      return { value: parseArabic(m[2]!), style: { kind: 'arabic-paren', halfWidth: half, wideDigits: wide }, flaws: half ? ['half-width-brackets'] : [] };
    },
  },
  {
    kind: 'cn-dun',
    // "一、", also the mistaken "一." / "一．" / "一，" (flagged).
    re: new RegExp(`^(${CN_CHARS}+)([、.．，])`),
    parse: (m) => {
      const sep = m[2]!;
      return { value: parseNumeral(m[1]!), style: { kind: 'cn-dun', sep }, flaws: sep === '、' ? [] : ['cn-separator'] };
    },
  },
  {
    kind: 'arabic-dot',
    // "1." / "1．", also "1、" (flagged); never "3.5万元", "2024.3" or "1、2号楼".
    re: new RegExp(`^(${DIGITS})([.．、])(?![0-9０-９])`),
    parse: (m) => {
      const sep = m[2]!;
      return { value: parseArabic(m[1]!), style: { kind: 'arabic-dot', sep, wideDigits: /[０-９]/.test(m[1]!) }, flaws: sep === '、' ? ['arabic-dun'] : [] };
    },
  },
  {
    kind: 'chapter',
    re: new RegExp(`^第(${CN_CHARS}+)([章节条])`),
    parse: (m) => {
      const kind: NumberKind = m[2] === '章' ? 'chapter' : m[2] === '节' ? 'section' : 'article';
      return { value: parseNumeral(m[1]!), style: { kind }, flaws: [] };
    },
  },
];

/**
 * The heading number at the start of `text`, or null. `text` is the whole paragraph; leading
 * spaces are skipped. Numbers that are really the start of a sentence ("一、二季度…", "3.5万元")
 * are not numbers.
 */
export function parseNumber(text: string): NumberToken | null {
  const lead = SPACES.exec(text)?.[0].length ?? 0;
  const t = text.slice(lead);
  for (const rule of RULES) {
    const m = rule.re.exec(t);
    if (!m) continue;
    const parsed = rule.parse(m);
    if (!parsed || !Number.isFinite(parsed.value)) return null;
    const written = m[0];
    let rest = t.slice(written.length);
    if (parsed.style.kind === 'cn-dun') {
      const list = IN_SENTENCE_LIST.exec(rest);
      if (list && parseNumeral(list[1]!) === parsed.value + 1) return null;
    }
    if (parsed.style.kind === 'article' && !AFTER_ARTICLE.test(rest)) return null;
    if ((parsed.style.kind === 'chapter' || parsed.style.kind === 'section') && !AFTER_CHAPTER.test(rest)) return null;
    const flaws = [...parsed.flaws];
    let stray = 0;
    if (parsed.style.kind === 'cn-paren' || parsed.style.kind === 'arabic-paren') {
      stray = STRAY.exec(rest)?.[0].length ?? 0;
      if (stray > 0) flaws.push('punct-after-number');
      rest = rest.slice(stray);
    }
    const spaces = SPACES.exec(rest)?.[0].length ?? 0;
    const start = lead;
    const end = lead + written.length;
    return { kind: parsed.style.kind, value: parsed.value, style: parsed.style, text: written, start, end, titleStart: end + stray + spaces, flaws };
  }
  return null;
}

/**
 * Evaluation of the proofreader: errors injected at known places into clean official texts, by
 * kind; recall per kind, and false alarms per 10,000 characters on the clean texts.
 *
 * Injection. Each trial copies one clean document and puts ONE error into one paragraph, then
 * checks the whole document (cached per paragraph, as the editor does) and counts the error as found
 * when a finding of that kind overlaps the injected span. The errors are made from general sources,
 * not from the checker's rules:
 *  - typo: a frequent two-character word of the text gets one character replaced by a character
 *    of the same pinyin in ANY tone (the checker only suspects same-tone homophones), or by a
 *    look-alike from a hand list of common 形近 pairs; plus common misspellings from published
 *    错别字 lists (HAND_TYPOS);
 *  - idiom: a common 公文 idiom/four-character phrase (hand list) inserted with one character swapped
 *    for a homophone in any tone;
 *  - tifa, wording, repeat, punct, number, gongwen, placeholder, numbering: the corruptions
 *    listed in ../shared/docs/proofreading.md (examples of each category) applied at random places.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { paragraph, type WgDocument } from '../shared/model/document';
import { Proofreader } from '../shared/proofread';
import { analyzeAnatomy } from '../shared/anatomy/anatomy';
import { getLexicon } from '../shared/proofread/lexicon';
import type { DocFinding, ProofCategory } from '../shared/proofread/types';
import { plainTextToDocument } from '../shared/text/plainText';
import { OWN_TEXTS } from './proofreadTexts';

const SHARED = path.resolve(__dirname, '..', '..', 'shared');

export interface CleanText {
  id: string;
  text: string;
}

export function cleanTexts(): CleanText[] {
  const dir = path.join(SHARED, 'corpus', 'gov');
  const gov = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ id: `gov/${f}`, text: readFileSync(path.join(dir, f), 'utf8') }));
  return [...gov, ...OWN_TEXTS];
}

function rng(seed: number): (n: number) => number {
  let x = seed;
  return (n) => {
    x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff;
    return x % n;
  };
}

/** Common misspellings from published 常见错别字 lists (wrong, right), none generated from the checker's data. */
const HAND_TYPOS: Array<[string, string]> = [
  ['按装', '安装'], ['部暑', '部署'], ['既使', '即使'], ['报筹', '报酬'], ['辨论', '辩论'], ['松驰', '松弛'], ['急燥', '急躁'],
  ['座落', '坐落'], ['气慨', '气概'], ['震憾', '震撼'], ['精减', '精简'], ['竟赛', '竞赛'], ['追朔', '追溯'], ['瑕疵', '瑕疵'],
  ['暄闹', '喧闹'], ['侯车', '候车'], ['膺品', '赝品'], ['渲泄', '宣泄'], ['沉缅', '沉湎'], ['蛰伏', '蛰伏'], ['针贬', '针砭'],
  ['幅射', '辐射'], ['修茸', '修葺'], ['九洲', '九州'], ['粘贴', '粘贴'], ['选拨', '选拔'], ['己有', '已有'], ['收人', '收入'],
  ['贫团', '贫困'], ['戊边', '戍边'], ['福址', '福祉'], ['不愉懒', '不偷懒'], ['凋研', '调研'], ['蓝图', '蓝图'],
];
const COMMON_IDIOMS = ['实事求是', '与时俱进', '再接再厉', '一如既往', '脚踏实地', '坚持不懈', '兢兢业业', '雷厉风行', '求真务实', '迫在眉睫', '持之以恒', '因地制宜', '统筹兼顾', '循序渐进', '精益求精', '齐心协力', '同心同德', '开拓进取', '艰苦奋斗', '攻坚克难', '任重道远', '全力以赴', '有的放矢', '当务之急', '众志成城', '责无旁贷', '一丝不苟', '锲而不舍', '想方设法', '层层落实', '身体力行', '以身作则', '恪尽职守', '廉洁奉公', '旗帜鲜明', '不折不扣', '一以贯之', '行之有效', '切实可行', '源源不断'];
const SHAPE_PAIRS = ['己已', '戊戍', '人入', '未末', '土士', '拨拔', '困团', '偷愉', '侯候', '辨辩', '崇祟', '暧暖', '析折', '贪贫', '历厉', '幕暮', '即既', '撤撒', '栽裁', '账帐', '竞竟', '往住', '侍待', '峰锋', '籍藉', '免兔', '鸟乌', '日曰', '千干', '刀力'];

interface Injected {
  block: number;
  start: number;
  end: number;
  kind: ProofCategory;
  what: string;
}

type Injector = (paras: string[], r: (n: number) => number) => Injected | null;

const HAN2 = /[\u4e00-\u9fa5]{2}/g;
const randomOf = <T>(xs: readonly T[], r: (n: number) => number): T | undefined => (xs.length ? xs[r(xs.length)] : undefined);

/** Paragraphs of body text (long enough, not a title). */
function bodyBlocks(paras: string[]): number[] {
  return paras.map((p, i) => [p, i] as const).filter(([p]) => p.length >= 40).map(([, i]) => i);
}

function replaceAt(paras: string[], block: number, start: number, end: number, text: string): void {
  paras[block] = paras[block]!.slice(0, start) + text + paras[block]!.slice(end);
}

function insertSentence(paras: string[], r: (n: number) => number, sentence: string, errStart: number, errLen: number, kind: ProofCategory, what: string): Injected | null {
  const b = randomOf(bodyBlocks(paras), r);
  if (b === undefined) return null;
  const p = paras[b]!;
  const stops = [...p.matchAll(/。/g)].map((m) => m.index + 1);
  const at = randomOf(stops, r) ?? p.length;
  replaceAt(paras, b, at, at, sentence);
  return { block: b, start: at + errStart, end: at + errStart + errLen, kind, what };
}

const toneless = (() => {
  let map: Map<string, string> | null = null;
  return () => (map ??= getLexicon().nearHomophones);
})();

const typo: Injector = (paras, r) => {
  const lex = getLexicon();
  const mode = r(3);
  if (mode === 0) {
    const [wrong, right] = HAND_TYPOS[r(HAND_TYPOS.length)]!;
    if (wrong === right) return null;
    // "各单位要做好…工作。" / "各单位要坚持…。": the misspelling starts at offset 6
    const sentence = wrong.length === 3 ? `各单位要坚持${wrong}。` : `各单位要做好${wrong}工作。`;
    return insertSentence(paras, r, sentence, 6, wrong.length, 'typo', `${right}→${wrong}`);
  }
  const b = randomOf(bodyBlocks(paras), r);
  if (b === undefined) return null;
  const p = paras[b]!;
  const cands = [...p.matchAll(HAN2)].filter((m) => (lex.words.get(m[0]) ?? 0) >= 5);
  for (let tries = 0; tries < 20; tries++) {
    const m = randomOf(cands, r);
    if (!m) return null;
    const k = r(2);
    const c = m[0][k]!;
    let alt: string | undefined;
    if (mode === 1) alt = randomOf([...(toneless().get(c) ?? '')].filter((x) => (lex.chars.get(x) ?? 0) >= 6), r);
    else alt = SHAPE_PAIRS.find((pair) => pair.includes(c))?.replace(c, '');
    if (!alt) continue;
    const at = m.index + k;
    replaceAt(paras, b, at, at + 1, alt);
    return { block: b, start: m.index, end: m.index + 2, kind: 'typo', what: `${m[0]}→${paras[b]!.slice(m.index, m.index + 2)}` };
  }
  return null;
};

const idiom: Injector = (paras, r) => {
  const id = COMMON_IDIOMS[r(COMMON_IDIOMS.length)]!;
  const k = r(4);
  const alt = randomOf([...(toneless().get(id[k]!) ?? '')], r);
  if (!alt) return null;
  const wrong = id.slice(0, k) + alt + id.slice(k + 1);
  return insertSentence(paras, r, `我们要${wrong}，抓好落实。`, 3, 4, 'idiom', `${id}→${wrong}`);
};

const TIFA_ERRORS: Array<[string, number, number]> = [
  ['坚持以习近平为核心的党中央的坚强领导。', 2, 13],
  ['深入开展主体教育。', 4, 8],
  ['深入开展主题教有。', 4, 8],
  ['增强政治意识、大局意识、核心意识、服务意识。', 17, 21],
  ['坚定道路自信、理论自信、制度自信、历史自信。', 17, 21],
  ['深入学习贯彻党的20大精神。', 6, 11],
  ['认真学习二十届3中全会精神。', 4, 11],
  ['积极参与“一带一路”战略。', 4, 12],
  ['坚持以习近平新时代中国特色社会主义为指导。', 3, 17],
  ['推动构建人类命运共同休。', 4, 11],
  ['推动全过程人民名主建设。', 2, 9],
  ['落实中央八项规定精神，持续纠治四风。', 2, 10],
];
const tifa: Injector = (paras, r) => {
  const [s, a, b] = TIFA_ERRORS[r(TIFA_ERRORS.length)]!;
  return insertSentence(paras, r, s, a, b - a, 'tifa', s);
};

const WORDING_ERRORS: Array<[string, number, number]> = [
  ['其它工作同步推进。', 0, 2],
  ['截止2024年底已完成。', 0, 2],
  ['截止目前已完成。', 0, 2],
  ['要及时交待清楚。', 3, 5],
  ['及时向上级反应情况。', 5, 7],
  ['作出安排布署。', 4, 6],
  ['为发展做出了重要贡献。', 3, 5],
  ['加强法制建设。', 2, 6],
];
const wording: Injector = (paras, r) => {
  const [s, a, b] = WORDING_ERRORS[r(WORDING_ERRORS.length)]!;
  return insertSentence(paras, r, s, a, b - a, 'wording', s);
};

const repeat: Injector = (paras, r) => {
  const b = randomOf(bodyBlocks(paras), r);
  if (b === undefined) return null;
  const p = paras[b]!;
  const spots = [...p.matchAll(/[的了是在和对把将为]/g)];
  const m = randomOf(spots, r);
  if (!m) return null;
  replaceAt(paras, b, m.index, m.index, m[0]);
  return { block: b, start: m.index, end: m.index + 2, kind: 'repeat', what: `${m[0]}${m[0]}` };
};

const punct: Injector = (paras, r) => {
  const b = randomOf(bodyBlocks(paras), r);
  if (b === undefined) return null;
  const p = paras[b]!;
  const mode = r(4);
  const re = [/(?<=[\u4e00-\u9fa5])，(?=[\u4e00-\u9fa5])/g, /(?<=[\u4e00-\u9fa5])，(?=[\u4e00-\u9fa5])/g, /”/g, /(?<=[\u4e00-\u9fa5])。/g][mode]!;
  const m = randomOf([...p.matchAll(re)], r);
  if (!m) return null;
  const rep = [',', '，，', '', '...'][mode]!;
  if (mode === 2) {
    replaceAt(paras, b, m.index, m.index + 1, '');
    const open = p.lastIndexOf('“', m.index);
    return { block: b, start: open, end: open + 1, kind: 'punct', what: 'unbalanced' };
  }
  replaceAt(paras, b, m.index, m.index + 1, rep);
  return { block: b, start: m.index, end: m.index + rep.length, kind: 'punct', what: rep };
};

const NUMBER_ERRORS: Array<[string, number, number]> = [
  ['2024年03月05日召开会议。', 0, 11],
  ['2024年3月05日召开会议。', 0, 10],
  ['二零二四年完成。', 0, 4],
  ['二〇二四年3月完成。', 0, 7],
  ['24年3月完成。', 0, 3],
  ['增长15～30%。', 2, 8],
  ['共有3千人参加。', 2, 4],
  ['共有３０人参加。', 2, 4],
  ['老人七、八十岁。', 2, 5],
  ['定于5月6号召开。', 4, 6],
];
const number: Injector = (paras, r) => {
  const [s, a, b] = NUMBER_ERRORS[r(NUMBER_ERRORS.length)]!;
  return insertSentence(paras, r, s, a, b - a, 'number', s);
};

const placeholder: Injector = (paras, r) => {
  const ph = ['XX', '××', '某某', '□□', '**'][r(5)]!;
  return insertSentence(paras, r, `由${ph}同志负责。`, 1, ph.length, 'placeholder', ph);
};

/** 公文要素 need the document's parts: corrupt the title, 主送, 发文字号 or 附件 if the text has one. */
const gongwen: Injector = (paras, r) => {
  const doc = docOf(paras);
  const { parts } = analyzeAnatomy(doc.blocks);
  const options: Array<() => Injected | null> = [];
  parts.forEach((part, i) => {
    const t = paras[i]!;
    if (part === 'title') options.push(() => (paras[i] = `${t}。`, { block: i, start: t.length, end: t.length + 1, kind: 'gongwen', what: 'title。' }));
    if (/^[\u4e00-\u9fa5、]{2,60}：$/.test(t) && i < 8) options.push(() => (paras[i] = t.slice(0, -1), { block: i, start: t.length - 1, end: t.length - 1, kind: 'gongwen', what: '主送：' }));
    const dn = /〔(\d{4})〕(\d+)号$/.exec(t);
    if (dn) options.push(() => (paras[i] = t.replace(`〔${dn[1]}〕`, `[${dn[1]}]`), { block: i, start: 0, end: t.length, kind: 'gongwen', what: '〔〕' }));
    if (part === 'date' && /^\d{4}年\d{1,2}月\d{1,2}日$/.test(t)) options.push(() => (paras[i] = t.replace(/年(\d)月/, '年0$1月'), { block: i, start: 0, end: t.length + 1, kind: 'number', what: 'date0' }));
  });
  const pick = randomOf(options, r);
  return pick ? pick() : null;
};

const numbering: Injector = (paras, r) => {
  const heads = paras.map((p, i) => [p, i] as const).filter(([p]) => /^（[二三四五六]）/.test(p));
  const h = randomOf(heads, r);
  if (!h) return null;
  const [p, i] = h;
  if (r(2) === 0) {
    paras[i] = p.replace(/^（(.)）/, '($1)');
    return { block: i, start: 0, end: 3, kind: 'numbering', what: '(二)' };
  }
  const next = '二三四五六七'['二三四五六'.indexOf(p[1]!) + 1]!;
  paras[i] = `（${next}）${p.slice(3)}`;
  return { block: i, start: 0, end: 3, kind: 'numbering', what: 'skip' };
};

export const INJECTORS: Partial<Record<ProofCategory, Injector>> = { typo, idiom, tifa, wording, repeat, punct, number, gongwen, placeholder, numbering };

function docOf(paras: string[]): WgDocument {
  const doc = plainTextToDocument(paras.join('\n')).doc;
  return doc.blocks.length === paras.length ? doc : { meta: {}, blocks: paras.map((p) => paragraph(p)) };
}

function findingsOf(pr: Proofreader, paras: string[]): DocFinding[] {
  const doc = docOf(paras);
  const { parts, outline } = analyzeAnatomy(doc.blocks);
  return pr.document(paras.map((text, i) => ({ text: doc.blocks[i]?.type === 'paragraph' ? text.replace(/^[ \t\u3000]+/, '') : '', part: parts[i] ?? null })), outline);
}

export interface EvalResult {
  recall: Record<string, { found: number; total: number }>;
  overall: number;
  cleanChars: number;
  falseAlarms: DocFinding[];
  falseAlarmsPer10k: number;
  missed: string[];
}

export function evaluate(trialsPerKind = 40, seed = 7): EvalResult {
  const pr = new Proofreader();
  const texts = cleanTexts().map((t) => t.text.split(/\r?\n/).map((l) => l.replace(/^[ \t\u3000]+/, '')));
  let cleanChars = 0;
  const falseAlarms: Array<DocFinding & { doc?: string }> = [];
  texts.forEach((paras) => {
    cleanChars += paras.join('').length;
    falseAlarms.push(...findingsOf(pr, paras));
  });
  const r = rng(seed);
  const recall: EvalResult['recall'] = {};
  const missed: string[] = [];
  for (const [kind, inject] of Object.entries(INJECTORS)) {
    let n = 0;
    for (let tries = 0; n < trialsPerKind && tries < trialsPerKind * 5; tries++) {
      const paras = [...texts[r(texts.length)]!];
      const inj = inject!(paras, r);
      if (!inj) continue;
      n++;
      const found = findingsOf(pr, paras).some((f) => f.block === inj.block && f.start <= inj.end && f.end >= inj.start && (f.category === inj.kind || (inj.kind === 'typo' && f.category === 'idiom') || (inj.kind === 'idiom' && f.category === 'typo')));
      const key = inj.kind;
      recall[key] ??= { found: 0, total: 0 };
      recall[key].total++;
      if (found) recall[key].found++;
      else missed.push(`${kind}: ${inj.what}`);
    }
  }
  const all = Object.values(recall).reduce((a, b) => ({ found: a.found + b.found, total: a.total + b.total }), { found: 0, total: 0 });
  return { recall, overall: all.found / all.total, cleanChars, falseAlarms, falseAlarmsPer10k: (falseAlarms.length / cleanChars) * 1e4, missed };
}

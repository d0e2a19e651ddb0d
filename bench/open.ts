/**
 * Opening .docx: the 872-page handbook fixture and a generated 200,000-character 公文 whose
 * headings are numbered by Word numbering (一、/（一）/1.), through Wengao's reader (readDocx)
 * and through mammoth's raw text conversion of the same file in the same run. Time is the
 * median of warm runs, alternating the two; peak memory is the max RSS of a fresh process that
 * opens the file once. "Labels" counts paragraphs that start with a numbering label in the
 * extracted text: mammoth drops labels produced by Word numbering.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import mammoth from 'mammoth';
import { readDocx } from '../shared/docx/read';
import { documentText } from '../shared/model/document';
import { SHARED, generateDocumentText } from './corpus';
import { fmtMs, median, printTable, ratio } from './table';

const ROOT = path.resolve(__dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const LABEL = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+(?:\.\d+)*\.?[\t ])/;

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A 200,000-character document: corpus paragraphs, every tenth one a heading numbered by Word. */
function generatedDocx(chars: number): Uint8Array {
  const paras = generateDocumentText(chars).split('\n');
  const body = paras
    .map((t, i) => {
      const level = i % 10 === 0 ? (i / 10) % 3 : -1;
      const pPr = level >= 0 ? `<w:pPr><w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="1"/></w:numPr></w:pPr>` : '<w:pPr><w:ind w:firstLineChars="200"/></w:pPr>';
      // A heading's typed number is removed: Word numbering supplies it.
      const text = level >= 0 ? t.replace(/^[（(]?[一二三四五六七八九十\d]+[、.．）)]/, '') : t;
      return `<w:p>${pPr}<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;
    })
    .join('');
  const lvl = (i: number, fmt: string, text: string) => `<w:lvl w:ilvl="${i}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`;
  const numbering = `<w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}${lvl(2, 'decimal', '%3.')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zipSync({
    '[Content_Types].xml': strToU8(
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`),
    'word/_rels/document.xml.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/numbering" Target="numbering.xml"/></Relationships>`),
    'word/document.xml': strToU8(`<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`),
    'word/numbering.xml': strToU8(numbering),
  });
}

async function extract(which: 'wengao' | 'mammoth', bytes: Uint8Array): Promise<string> {
  if (which === 'wengao') return documentText(readDocx(bytes).doc);
  return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
}

const labels = (text: string) => text.split('\n').filter((l) => LABEL.test(l)).length;

/** Peak RSS (MB) of a fresh process that opens the file once. */
function peakMemory(which: 'wengao' | 'mammoth', file: string): number {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'openOnce.ts'), which, file], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openOnce ${which} failed: ${r.stderr}`);
  return Number(r.stdout.trim()) / 1024;
}

export async function benchOpen(): Promise<void> {
  const dir = path.join(ROOT, 'build', 'bench');
  mkdirSync(dir, { recursive: true });
  const generated = path.join(dir, 'gongwen-200k.docx');
  writeFileSync(generated, generatedDocx(210_000));
  const inputs = [
    { name: '872-page handbook (perf_handbook_872p.docx)', file: path.join(SHARED, 'fixtures', 'docx', 'perf_handbook_872p.docx') },
    { name: '200,000-character 公文 with numbered headings (generated)', file: generated },
  ];
  for (const input of inputs) {
    const bytes = new Uint8Array(readFileSync(input.file));
    const times: Record<'wengao' | 'mammoth', number[]> = { wengao: [], mammoth: [] };
    const texts: Record<'wengao' | 'mammoth', string> = { wengao: '', mammoth: '' };
    // One warm-up each, then alternate so machine noise hits both alike.
    for (let run = -1; run < RUNS; run++) {
      for (const which of ['wengao', 'mammoth'] as const) {
        const t0 = performance.now();
        texts[which] = await extract(which, bytes);
        if (run >= 0) times[which].push(performance.now() - t0);
      }
    }
    const memOurs = peakMemory('wengao', input.file);
    const memBase = peakMemory('mammoth', input.file);
    const ours = median(times.wengao);
    const base = median(times.mammoth);
    printTable(`Open ${input.name}, ${(bytes.length / 1024).toFixed(0)} KB — Wengao readDocx vs mammoth.extractRawText (${RUNS} runs each)`, [
      { figure: 'time (median)', ours: fmtMs(ours), baseline: fmtMs(base), ratio: ratio(ours, base), goal: '≤ 1× mammoth' },
      { figure: 'peak memory (RSS)', ours: `${memOurs.toFixed(0)} MB`, baseline: `${memBase.toFixed(0)} MB`, ratio: ratio(memOurs, memBase) },
      { figure: 'characters extracted', ours: texts.wengao.length.toLocaleString(), baseline: texts.mammoth.length.toLocaleString() },
      { figure: 'numbering labels', ours: String(labels(texts.wengao)), baseline: String(labels(texts.mammoth)), goal: 'more than mammoth' },
    ]);
  }
}

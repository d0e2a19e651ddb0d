/**
 * Proofreading: a 200,000-character document checked cold (a fresh Proofreader, data already
 * loaded), the same document re-checked after a keystroke in one paragraph (the cache answers for
 * every other paragraph), one paragraph alone after a keystroke (p50/p95), the data's load time
 * and memory, and the quality figures of the evaluation (recall per kind, false alarms).
 */
import { Proofreader, proofreadDocument } from '../shared/proofread';
import { getLexicon } from '../shared/proofread/lexicon';
import { prepareTifa } from '../shared/proofread/tifa';
import { plainTextToDocument } from '../shared/text/plainText';
import { generateDocumentText } from './corpus';
import { evaluate } from './proofreadEval';
import { fmtMs, percentile, printTable, type Row } from './table';

const DOC_CHARS = 200_000;

export async function benchProofread(): Promise<void> {
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let t = performance.now();
  getLexicon();
  prepareTifa();
  const loadMs = performance.now() - t;
  global.gc?.();
  const heapData = process.memoryUsage().heapUsed - heapBefore;

  const text = generateDocumentText(DOC_CHARS);
  const { doc } = plainTextToDocument(text);
  const pr = new Proofreader();
  t = performance.now();
  const findings = proofreadDocument(doc, pr);
  const coldMs = performance.now() - t;

  // a keystroke in a body paragraph: re-check that paragraph (the other sentences of it answer from
  // the run and sentence caches), measured alone; then the whole document through the cache
  const bodyParas = doc.blocks.map((b, i) => [b, i] as const).filter(([b]) => b.type === 'paragraph' && b.runs.map((r) => r.text).join('').length > 100);
  const keystroke = (k: number, pool: typeof bodyParas) => {
    const [block, i] = pool[(k * 7) % pool.length]!;
    const text0 = block.type === 'paragraph' ? block.runs.map((r) => r.text).join('') : '';
    const at = (k * 13) % text0.length;
    return { block, i, edited: text0.slice(0, at) + '的' + text0.slice(at) };
  };
  // wall time, and this process's CPU time (the wall time of a 0.3 ms task on 2 shared cores includes
  // the time other processes hold the CPU)
  const timeParagraphs = (pool: typeof bodyParas, n: number) => {
    const ms: number[] = [];
    const cpu: number[] = [];
    for (let k = 0; k < n; k++) {
      const { edited } = keystroke(k, pool);
      const c0 = process.cpuUsage();
      t = performance.now();
      pr.paragraph(edited, { part: 'body', genre: '' });
      ms.push(performance.now() - t);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    return { ms, cpu };
  };
  const para = timeParagraphs(bodyParas, 300);
  const longParas = bodyParas.filter(([b]) => b.type === 'paragraph' && b.runs.map((r) => r.text).join('').length >= 800);
  const longPara = timeParagraphs(longParas, 200);
  const docMs: number[] = [];
  for (let k = 0; k < 20; k++) {
    const { block, i, edited } = keystroke(k + 1000, bodyParas);
    if (block.type !== 'paragraph') continue;
    const doc2 = { ...doc, blocks: doc.blocks.map((b, j) => (j === i ? { ...block, runs: [{ text: edited }] } : b)) };
    t = performance.now();
    proofreadDocument(doc2, pr);
    docMs.push(performance.now() - t);
  }
  const rows: Row[] = [
    { figure: 'data load (lexicon + 提法)', ours: fmtMs(loadMs), baseline: `heap +${(heapData / 1e6).toFixed(1)} MB` },
    { figure: `cold check, ${(text.length / 1000).toFixed(0)}k chars`, ours: fmtMs(coldMs), baseline: `${findings.length} findings` },
    { figure: 'one paragraph after a keystroke p50', ours: fmtMs(percentile(para.ms, 50)), baseline: `CPU ${fmtMs(percentile(para.cpu, 50))}` },
    { figure: 'one paragraph after a keystroke p95', ours: fmtMs(percentile(para.ms, 95)), baseline: `CPU ${fmtMs(percentile(para.cpu, 95))}`, goal: '≤ 5 ms' },
    { figure: `same, ${longParas.length} paragraphs of 800+ chars p50`, ours: fmtMs(percentile(longPara.ms, 50)), baseline: `CPU ${fmtMs(percentile(longPara.cpu, 50))}` },
    { figure: `same, ${longParas.length} paragraphs of 800+ chars p95`, ours: fmtMs(percentile(longPara.ms, 95)), baseline: `CPU ${fmtMs(percentile(longPara.cpu, 95))}`, goal: '≤ 5 ms' },
    { figure: 'whole document re-check via cache p50', ours: fmtMs(percentile(docMs, 50)), baseline: 'outline + parts + 1 paragraph' },
  ];
  printTable('proofread — speed and memory', rows, { figure: 'figure', ours: 'Wengao', baseline: 'note', goal: 'goal' });

  t = performance.now();
  const r = evaluate(40, 7);
  const q: Row[] = Object.entries(r.recall).map(([k, v]) => ({ figure: `recall ${k}`, ours: `${((v.found / v.total) * 100).toFixed(0)}%`, baseline: `${v.found}/${v.total}`, goal: '≥ 60%' }));
  q.push({ figure: 'overall recall', ours: `${(r.overall * 100).toFixed(1)}%`, goal: '≥ 85%' });
  q.push({ figure: 'false alarms / 10,000 chars', ours: r.falseAlarmsPer10k.toFixed(2), baseline: `${r.falseAlarms.length} on ${r.cleanChars} clean chars`, goal: '≤ 2' });
  printTable(`proofread — quality (injected errors; ${fmtMs(performance.now() - t)})`, q, { figure: 'figure', ours: 'Wengao', baseline: 'note', goal: 'goal' });
}

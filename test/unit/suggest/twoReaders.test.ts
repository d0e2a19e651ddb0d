/**
 * A full build reads the back half of the .txt files on the second core (corpusReader.ts) and
 * appends what it read to the indexing thread's documents: the index is exactly the one read on
 * one thread (text, suffix array, documents, header), on a generated folder of many reports with
 * ads recurring across the two halves, copies across them, GB18030 and unreadable files; and a
 * reader that fails in any way only costs its time.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readerSplit } from '../../../electron/services/suggest/corpusReader';
import { readIndexFile } from '../../../electron/services/suggest/indexCache';
import { PhraseLibrary, type LibraryOptions } from '../../../electron/services/suggest/phraseLibrary';
import { encodeText } from '../../../electron/services/textEncoding';
import { corpusSources } from './corpusText';

const tmp = (what: string) => mkdtempSync(path.join(os.tmpdir(), `wengao-${what}-`));

/** 120 reports drawn from the shared corpus's paragraphs, with promotional lines, copies and bad files on both sides of the middle. */
function generatedFolder(): string {
  const dir = tmp('two-readers');
  const paras = corpusSources()
    .flatMap((s) => s.lines)
    .map((l) => l.trim())
    .filter((l) => l.length >= 12);
  let seed = 7;
  const rand = (k: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) % k);
  const ads = ['—— 笔友素材网 每日精选 ——', '（来源：笔友素材库）', '更多范文请关注公众号：bysc2024'];
  const docs: string[][] = [];
  for (let i = 0; i < 120; i++) {
    const lines = Array.from({ length: 20 + rand(30) }, () => paras[rand(paras.length)]!);
    // An ad in one report of ten: some in one half only, most in both.
    if (i % 10 === 3) lines.splice(rand(lines.length), 0, ads[rand(ads.length)]!);
    if (i === 17 || i === 101) lines.push('本材料由某某素材网整理');
    docs.push(lines);
  }
  // Copies across the middle: a shorter copy in front of a longer one behind, and the reverse.
  docs[110] = [...docs[5]!, '附件：工作台账'];
  docs[30] = docs[90]!.slice(0, -1);
  docs.forEach((lines, i) => {
    const name = path.join(dir, `${String(i).padStart(3, '0')}.txt`);
    const text = `${lines.join('\n')}\n`;
    // GB18030 on both sides; CRLF on some.
    if (i % 25 === 4) writeFileSync(name, encodeText(text.replace(/\n/g, '\r\n'), 'gb18030', false).bytes);
    else writeFileSync(name, text);
  });
  // Unreadable and empty files, in front and behind.
  writeFileSync(path.join(dir, '040-binary.txt'), Buffer.from([0x41, 0, 0, 1, 2, 3, 0, 0x42, 0, 0, 0, 0]));
  writeFileSync(path.join(dir, '100-binary.txt'), Buffer.from([0x41, 0, 0, 1, 2, 3, 0, 0x42, 0, 0, 0, 0]));
  writeFileSync(path.join(dir, '050-empty.txt'), '');
  writeFileSync(path.join(dir, '115-empty.txt'), '\n\n');
  return dir;
}

async function build(folder: string, reader: LibraryOptions['reader']) {
  const cacheFile = path.join(tmp('two-readers-out'), 'index.bin');
  const lib = new PhraseLibrary({ cacheFile, reader });
  const status = await lib.rebuild([folder], true);
  const file = await readIndexFile(cacheFile);
  if (!file) throw new Error('no index written');
  const { text, sa, docStarts, docs } = file.index;
  return {
    lastRead: lib.lastRead,
    status: { state: status.state, documents: status.documents, characters: status.characters, duplicates: status.duplicates, failed: status.failed },
    index: { text: Buffer.from(text.buffer, text.byteOffset, text.byteLength), sa: Buffer.from(sa.buffer, sa.byteOffset, sa.byteLength), docStarts: [...docStarts], docs },
    header: { files: file.header.files, report: file.header.report },
  };
}

describe('two readers', () => {
  const folder = generatedFolder();
  const one = build(folder, { minBytes: Infinity });

  it('gives the index read on one thread, byte for byte', async () => {
    const a = await one;
    expect(a.lastRead).toEqual({ readers: 1 });
    expect(a.status).toMatchObject({ state: 'ready', documents: 120 - 1 - 1 });
    expect(a.status.duplicates).toBe(2);
    expect(a.status.failed.map((f) => path.basename(f.path))).toEqual(['040-binary.txt', '100-binary.txt']);
    expect(a.header.report.promo).toBeGreaterThan(10);
    const b = await build(folder, { minBytes: 0 });
    expect(b.lastRead).toEqual({ readers: 2 });
    expect(b.status).toEqual(a.status);
    expect(b.header).toEqual(a.header);
    expect(b.index.docs).toEqual(a.index.docs);
    expect(b.index.docStarts).toEqual(a.index.docStarts);
    expect(b.index.text.equals(a.index.text)).toBe(true);
    expect(b.index.sa.equals(a.index.sa)).toBe(true);
    expect(a.index.text.toString('utf16le')).not.toMatch(/素材网|素材库/);
  });

  it('reads everything on one thread, with the same index, when the reader fails', async () => {
    const a = await one;
    const dir = tmp('reader');
    const scripts: Array<[string, string, RegExp]> = [
      ['exits.cjs', "require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n", /exited with code 3/],
      ['throws.cjs', "throw new Error('broken reader');\n", /broken reader/],
      ['refuses.cjs', "const p = require('node:worker_threads').parentPort; p.on('message', () => p.postMessage({ type: 'failed', message: 'no memory' }));\n", /no memory/],
      ['hangs.cjs', "require('node:worker_threads').parentPort.on('message', () => { for (;;); });\n", /took over/],
      ['missing.cjs', '', /./],
    ];
    for (const [name, source, why] of scripts) {
      const workerPath = path.join(dir, name);
      if (source) writeFileSync(workerPath, source);
      const b = await build(folder, { minBytes: 0, workerPath, timeoutMs: 1500 });
      expect(b.lastRead?.readers, name).toBe(1);
      expect(b.lastRead?.fallback, name).toMatch(why);
      expect(b.status, name).toEqual(a.status);
      expect(b.header, name).toEqual(a.header);
      expect(b.index.text.equals(a.index.text), name).toBe(true);
      expect(b.index.sa.equals(a.index.sa), name).toBe(true);
      expect(b.index.docStarts, name).toEqual(a.index.docStarts);
    }
  });

  it('gives the second reader the back half by size, .txt files only, and nothing when that is small', () => {
    const f = (name: string, size: number) => ({ path: `/c/${name}`, size, mtimeMs: 0 });
    const txt = Array.from({ length: 10 }, (_, i) => f(`${i}.txt`, 1000));
    expect(readerSplit(txt, 0, 0.5)).toBe(5);
    expect(readerSplit(txt, 0, 0.56)).toBe(5);
    expect(readerSplit(txt, 0, 0.6)).toBe(6);
    expect(readerSplit(txt, 6000, 0.5)).toBe(10);
    // A .docx among the back files: the reader starts after it.
    expect(readerSplit([...txt.slice(0, 7), f('7.docx', 1000), ...txt.slice(8)], 0, 0.5)).toBe(8);
    expect(readerSplit([...txt.slice(0, 9), f('9.wgd', 1000)], 0, 0.5)).toBe(10);
  });
});

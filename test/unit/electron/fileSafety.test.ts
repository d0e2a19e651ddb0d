/**
 * Saving never garbles or silently overwrites (issue #13): encodings that cannot hold the text,
 * texts whose encoding is a guess, UTF-16 without a BOM, UTF-8 with stray bytes, read-only
 * files, names at the 255-byte limit, and temp files left by interrupted saves.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { DocumentSource, SaveAccept, SaveOutcome } from '../../../shared/api/contract';
import type { WgDocument } from '../../../shared/model/document';
import { readDocumentFile, saveDocumentFile } from '../../../electron/services/documentFiles';
import { STALE_TEMP_AGE_MS, tempPathFor } from '../../../electron/services/atomicWrite';
import { SHARED, fixturePath, writableCopy } from '../../support/fixtures';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'wengao-safety-'));
const GOV = path.join(SHARED, 'corpus', 'gov');
const govTexts = readdirSync(GOV)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(path.join(GOV, f), 'utf8'));
const govChars = [...new Set(govTexts.join('').replace(/[\s\x00-\x7f]/g, ''))].join('');

const save = (file: string, doc: WgDocument, source: DocumentSource | null, accept: SaveAccept = {}): Promise<SaveOutcome> => saveDocumentFile({ path: file, doc, source, accept });
const withParagraph = (doc: WgDocument, text: string): WgDocument => ({ ...doc, blocks: [...doc.blocks, { type: 'paragraph', runs: [{ text }] }] });

describe('the target encoding must hold every character', () => {
  it('asks before saving the gov corpus’s characters into a Big5 file, naming some, including those the old encoder wrote as Hong Kong codes', async () => {
    const file = path.join(tmp(), '繁体.txt');
    writableCopy(fixturePath('txt', 'txt_big5_trad.txt'), file);
    const before = readFileSync(file);
    const opened = await readDocumentFile(file);
    const outcome = await save(file, withParagraph(opened.doc, govChars), opened.source);
    expect(outcome).toMatchObject({ status: 'unencodable', encoding: 'big5' });
    // 国 and 务 were written as HKSCS 0x98C7 / 0x8955, which Big5 readers show as other characters.
    const named = outcome.status === 'unencodable' ? outcome.characters : '';
    expect(named.length).toBeGreaterThan(0);
    expect(named.length).toBeLessThanOrEqual(20);
    expect(readFileSync(file)).toEqual(before);
    const unencodable = [...govChars].filter((ch) => iconv.decode(iconv.encode(ch, 'cp950'), 'cp950') !== ch || new TextDecoder('big5').decode(iconv.encode(ch, 'cp950')) !== ch);
    expect(unencodable).toContain('国');
    expect(unencodable.length).toBeGreaterThanOrEqual(400);
    const onlyHongKong = withParagraph(opened.doc, '国务院办公厅');
    expect(await save(file, onlyHongKong, opened.source)).toMatchObject({ status: 'unencodable', characters: expect.stringContaining('国') });
    const saved = await save(file, withParagraph(opened.doc, govChars), opened.source, { encodingFallback: true });
    expect(saved).toMatchObject({ status: 'saved', source: { text: { encoding: 'utf-8' } } });
    expect(readFileSync(file, 'utf8')).toContain(govChars);
  });

  it('saves the same characters into GB18030 and UTF-16 files without a question, and they read back', async () => {
    const dir = tmp();
    for (const [name, bytes] of [
      ['gb.txt', iconv.encode('关于印发的通知\n', 'gb18030')],
      ['u16.txt', Buffer.from('\ufeff关于印发的通知\n', 'utf16le')],
    ] as const) {
      const file = path.join(dir, name);
      writeFileSync(file, bytes);
      const opened = await readDocumentFile(file);
      expect(await save(file, withParagraph(opened.doc, govChars), opened.source)).toMatchObject({ status: 'saved' });
      const again = await readDocumentFile(file);
      expect(again.source.text?.encoding).toBe(opened.source.text?.encoding);
      expect(again.doc.blocks.at(-1)).toMatchObject({ runs: [{ text: govChars }] });
    }
  });
});

describe('texts whose encoding the bytes do not settle', () => {
  it('a short Big5 file opens as Big5, or with a question whose choices show the right reading', async () => {
    const dir = tmp();
    let asked = 0;
    for (const text of ['政府資訊', '香港特別行政區', '無障礙網頁嘉許計劃', '資訊科技總監辦公室電子政府']) {
      const file = path.join(dir, `${text}.txt`);
      writeFileSync(file, iconv.encode(text, 'cp950'));
      const opened = await readDocumentFile(file);
      if (opened.encodingGuess) {
        asked++;
        expect(opened.encodingGuess.message).toMatch(/无法确定/);
        expect(opened.encodingGuess.choices).toContainEqual({ encoding: 'big5', preview: text });
        const reopened = await readDocumentFile(file, { encoding: 'big5' });
        expect(reopened.encodingGuess).toBeUndefined();
        expect(reopened.doc.blocks[0]).toMatchObject({ runs: [{ text }] });
      } else {
        expect(opened.source.text?.encoding, text).toBe('big5');
        expect(opened.doc.blocks[0]).toMatchObject({ runs: [{ text }] });
      }
    }
    expect(asked).toBeGreaterThan(0);
  });

  it('opens gov texts saved as UTF-16LE without a BOM, says so, and writes them back byte for byte', async () => {
    const dir = tmp();
    for (const [i, text] of govTexts.entries()) {
      const file = path.join(dir, `${i}.txt`);
      const bytes = Buffer.from(text.replace(/[\x00-\x7f]/g, ''), 'utf16le');
      writeFileSync(file, bytes);
      const opened = await readDocumentFile(file);
      expect(opened.source.text).toMatchObject({ encoding: 'utf-16le', bom: false });
      expect(opened.notices.join()).toMatch(/已按其字节特征识别为 UTF-16 LE/);
      expect(await save(file, opened.doc, opened.source)).toMatchObject({ status: 'saved' });
      expect(readFileSync(file)).toEqual(bytes);
    }
  });

  it('opens UTF-8 with a stray byte as UTF-8, says so, and asks before saving over it', async () => {
    const file = path.join(tmp(), '报告.txt');
    const good = Buffer.from(govTexts[0]!, 'utf8');
    writeFileSync(file, Buffer.concat([good.subarray(0, 300), Buffer.from([0xa1]), good.subarray(300)]));
    const opened = await readDocumentFile(file);
    expect(opened.source.text?.encoding).toBe('utf-8');
    expect(opened.notices.join()).toMatch(/是 UTF-8 文本，但其中有 \d 处字节不符合 UTF-8/);
    expect(opened.doc.blocks.map((b) => (b.type === 'paragraph' ? b.runs.map((r) => r.text).join('') : '')).join('\n')).toContain(govTexts[0]!.slice(400, 500).split('\n')[0]!.trim());
    expect(await save(file, opened.doc, opened.source)).toMatchObject({ status: 'loss' });
  });
});

describe('read-only files', () => {
  it('asks before saving over a file with mode 444, and keeps it read-only when the user says so', async () => {
    const file = path.join(tmp(), '只读.txt');
    writeFileSync(file, '原文\n');
    chmodSync(file, 0o444);
    const opened = await readDocumentFile(file);
    const doc = withParagraph(opened.doc, '修改');
    expect(await save(file, doc, opened.source)).toEqual({ status: 'read-only' });
    expect(readFileSync(file, 'utf8')).toBe('原文\n');
    expect(await save(file, doc, opened.source, { readOnly: true })).toMatchObject({ status: 'saved' });
    expect(readFileSync(file, 'utf8')).toBe('原文\n修改\n');
    expect(statSync(file).mode & 0o777).toBe(0o444);
  });
});

describe('temporary files of saves', () => {
  it('saves a file whose name is 255 bytes (a long Chinese title), twice', async () => {
    const dir = tmp();
    const name = `${'关于进一步加强和改进新时代机关党建工作推动全面从严治党向纵深发展的实施意见'.repeat(3).slice(0, 83)}xx.txt`;
    expect(Buffer.byteLength(name)).toBe(255);
    const file = path.join(dir, name);
    const doc: WgDocument = { meta: {}, blocks: [{ type: 'paragraph', runs: [{ text: '正文' }] }] };
    const first = await save(file, doc, null);
    expect(first).toMatchObject({ status: 'saved' });
    if (first.status !== 'saved') return;
    expect(await save(file, withParagraph(doc, '第二段'), first.source)).toMatchObject({ status: 'saved' });
    expect(readdirSync(dir)).toEqual([name]);
    expect(Buffer.byteLength(path.basename(tempPathFor(file)))).toBeLessThanOrEqual(24);
  });

  it('removes our stale temp files on the next save into the folder, keeps fresh ones and those of a live process', async () => {
    const dir = tmp();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(dead.stdout).toString(36);
    const livePid = process.ppid.toString(36);
    const old = new Date(Date.now() - STALE_TEMP_AGE_MS - 60_000);
    const files = {
      staleDead: `.wgtmp-${deadPid}-0123abcd`,
      staleLegacy: '.报告.wgd.0123456789ab.wgtmp',
      oldLive: `.wgtmp-${livePid}-89abcdef`,
      freshDead: `.wgtmp-${deadPid}-fedcba98`,
      notOurs: '.wgtmp-notes.txt',
    };
    for (const [key, n] of Object.entries(files)) {
      writeFileSync(path.join(dir, n), 'torn');
      if (key !== 'freshDead') utimesSync(path.join(dir, n), old, old);
    }
    const doc: WgDocument = { meta: {}, blocks: [{ type: 'paragraph', runs: [{ text: '正文' }] }] };
    expect(await save(path.join(dir, '报告.wgd'), doc, null)).toMatchObject({ status: 'saved' });
    expect(readdirSync(dir).sort()).toEqual([files.freshDead, files.notOurs, files.oldLive, '报告.wgd'].sort());
  });
});

/**
 * Hostile .docx files (issue #13), crafted here: each once froze, exhausted or fooled the reader.
 * Every one must now open or be refused with our typed UserError, in bounded work.
 */
import { deflateRawSync } from 'node:zlib';
import { inflateSync, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/api/contract';
import { readDocx } from '../../../shared/docx/read';
import { MAX_NESTING } from '../../../shared/docx/read/body';
import { MAX_LABEL_CHARS } from '../../../shared/docx/read/numberFormats';
import { crc32, readZipDirectory } from '../../../shared/docx/read/zip';
import { documentText, paragraphText, type Paragraph } from '../../../shared/model/document';
import { MAX_DOCUMENT_CHARS } from '../../../shared/model/schema';
import { fixtureBytes } from '../../support/fixtures';
import { letterLabelBomb, lyingEntryCount, nestedTables, nestedTextBoxes, zipBomb, zipWithRawEntry, eocdOffset } from '../../support/hostileDocx';
import { abstractNum, makeDocx, p } from '../../support/makeDocx';

function refusal(run: () => unknown): UserError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return e as UserError;
  }
  throw new Error('expected a refusal, but the document opened');
}

const lines = (bytes: Uint8Array) => readDocx(bytes).doc.blocks.map((b) => paragraphText(b as Paragraph));

describe('numbering labels', () => {
  it('caps a letter label at Word’s 31 characters however high the list starts', () => {
    const bytes = letterLabelBomb(3);
    expect(bytes.length).toBeLessThan(2048);
    const got = lines(bytes);
    // 2,000,000,000 is the 76,923,077th repetition of "X": Word keeps a label to 31 characters.
    expect(got[0]).toBe(`${'X'.repeat(MAX_LABEL_CHARS)}\t第1段`);
    expect(got[2]).toBe(`${'Z'.repeat(MAX_LABEL_CHARS)}\t第3段`);
    expect(lines(letterLabelBomb(1, 28, 'lowerLetter'))).toEqual(['bb.\t第1段']);
  });

  it('formats a huge level text only as far as a label can show', () => {
    // 1 MB of level text for each of 20,000 numbered paragraphs: 20 GB of formatting before.
    const numbering = `<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、${'长'.repeat(1_000_000)}"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>`;
    const body = p('段', '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>').repeat(20_000);
    const got = lines(makeDocx({ body, numbering }));
    expect(got).toHaveLength(20_000);
    expect(got[1]).toBe(`二、${'长'.repeat(MAX_LABEL_CHARS - 2)}\t段`);
  });

  it('counts generated labels against the document size limit', () => {
    // 20,000 paragraphs of 240 characters (4.8M, under the limit), each labelled with 31 letters
    // and a tab: with the labels, 5.44M characters.
    const count = 20_000;
    expect(count * 240).toBeLessThan(MAX_DOCUMENT_CHARS);
    expect(count * (240 + MAX_LABEL_CHARS + 1)).toBeGreaterThan(MAX_DOCUMENT_CHARS);
    const numbering = `${abstractNum(1, [{ fmt: 'upperLetter', text: '%1', start: 26 * 40 }])}<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>`;
    const body = p('字'.repeat(240), '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>').repeat(count);
    const err = refusal(() => readDocx(makeDocx({ body, numbering }), { name: '编号.docx' }));
    expect(err.code).toBe('too-large');
    expect(err.message).toMatch(/文档过大（连同自动编号超过 5,000,000 字）/);
  });
});

describe('nesting', () => {
  it('reads text boxes nested a few deep, in order', () => {
    expect(lines(nestedTextBoxes(3))).toEqual(['正文开头', '框1', '框2', '框3', '末3', '末2', '末1']);
  });

  it('refuses text boxes and tables nested deeper than any real document, at once', () => {
    // 1,500 levels: 10 KB; reading them used to cost time quadratic in the depth.
    for (const bytes of [nestedTextBoxes(1500), nestedTables(1500), nestedTextBoxes(MAX_NESTING + 1)]) {
      const err = refusal(() => readDocx(bytes));
      expect(err.code).toBe('too-complex');
      expect(err.message).toMatch(/嵌套超过 16 层/);
    }
    expect(documentText(readDocx(nestedTables(MAX_NESTING - 1)).doc)).toContain('最里层');
  });

  it('keeps the work per field linear: text after 50,000 unclosed fields', () => {
    const body = `<w:p>${'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'.repeat(50_000)}<w:r>${'<w:tab/>'.repeat(50_000)}<w:t>结果</w:t></w:r></w:p>`;
    const got = lines(makeDocx({ body }));
    expect(got[0]).toBe(`${'\t'.repeat(50_000)}结果`);
  });
});

describe('the zip container', () => {
  it('walks only the directory present, whatever entry count the end record claims', () => {
    // The zip64 end record claims 100,000,000 entries: reading used to take minutes and 2 GB.
    const bytes = lyingEntryCount(100_000_000);
    expect(bytes.length).toBeLessThan(1500);
    expect(readZipDirectory(bytes)).toHaveLength(4);
    expect(lines(bytes)).toEqual(['一、总体要求']);
  });

  it('stops inflating a member whose output passes its declared size', () => {
    // 5 MB inflating to 5,000 MB, declared as about 300 bytes.
    const bytes = zipBomb(5000);
    expect(bytes.length).toBeLessThan(6 * 1024 * 1024);
    const err = refusal(() => readDocx(bytes));
    expect(err.code).toBe('corrupt');
    expect(err.message).toMatch(/word\/document\.xml 解压后的大小与记录不符/);
  });

  it('refuses a member declared larger than the cap before inflating it, and counts what it inflates', () => {
    const huge = refusal(() => readDocx(zipBomb(300, 300 * 1024 * 1024), { limits: { maxXmlBytes: 256 * 1024 * 1024 } }));
    expect(huge).toMatchObject({ code: 'too-large', message: expect.stringMatching(/解压后超过 256 MB/) });
    // Declared within a small cap, inflating past it: refused when the output passes the cap.
    const counted = refusal(() => readDocx(zipBomb(40, 30 * 1024 * 1024), { limits: { maxXmlBytes: 8 * 1024 * 1024 } }));
    expect(counted).toMatchObject({ code: 'too-large', message: expect.stringMatching(/解压后超过 8 MB/) });
  });

  it('refuses a stored member with a flipped byte (CRC-32) instead of showing changed text', () => {
    const files = unzipSync(makeDocx({ body: p('一、总体要求') }));
    const stored: Zippable = {};
    for (const [name, data] of Object.entries(files)) stored[name] = [data, { level: 0 }];
    const bytes = zipSync(stored);
    const at = Buffer.from(bytes).indexOf(Buffer.from('总体'));
    expect(at).toBeGreaterThan(0);
    expect(lines(bytes)).toEqual(['一、总体要求']);
    const flipped = bytes.slice();
    flipped[at + 1]! ^= 0x01; // 总 (E6 80 BB) becomes E6 81 BB: another valid character
    const err = refusal(() => readDocx(flipped, { name: '改动.docx' }));
    expect(err.code).toBe('corrupt');
    expect(err.message).toMatch(/word\/document\.xml 校验不符（CRC-32）/);
  });

  it('refuses every flip in a real document’s compressed text that still inflates to other bytes', () => {
    const bytes = fixtureBytes('docx', 'numbered_heading.docx');
    const entry = readZipDirectory(bytes).find((e) => e.name === 'word/document.xml')!;
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    const start = entry.localOffset + 30 + view.getUint16(entry.localOffset + 26, true) + view.getUint16(entry.localOffset + 28, true);
    const original = inflateSync(bytes.subarray(start, start + entry.compressedSize));
    let silent = 0;
    for (let i = 0; i < entry.compressedSize && silent < 4; i += 7) {
      const mutant = bytes.slice();
      mutant[start + i]! ^= 0x10;
      let inflated: Uint8Array;
      try {
        inflated = inflateSync(mutant.subarray(start, start + entry.compressedSize));
      } catch {
        continue;
      }
      if (inflated.length === original.length && crc32(inflated) === entry.crc) continue;
      silent++;
      expect(refusal(() => readDocx(mutant)).code).toBe('corrupt');
    }
    expect(silent).toBe(4);
  });

  it('refuses two members with one part name', () => {
    const base = makeDocx({ body: p('原文') });
    const other = unzipSync(makeDocx({ body: p('另一份') }))['word/document.xml']!;
    const files = unzipSync(base);
    const dup = zipWithRawEntry(files, 'word/document.xml', deflateRawSync(other), other.length, crc32(other));
    expect(eocdOffset(dup)).toBeGreaterThan(0);
    const err = refusal(() => readDocx(dup));
    expect(err).toMatchObject({ code: 'corrupt', message: expect.stringMatching(/两个同名的部件/) });
  });

  it('still opens documents, text boxes and all, that Word and WPS wrote', () => {
    const doc = readDocx(fixtureBytes('docx', 'zh_wps_std_guide_p6_txbx_sdt.docx')).doc;
    expect(documentText(doc)).toContain('核电厂定期安全评价指南');
  });
});

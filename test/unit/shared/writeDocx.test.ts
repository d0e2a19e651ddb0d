/**
 * The Word writer, read back: unzip the .docx and check every GB/T 9704 value in the XML
 * (../shared/docs/gbt9704.md), for the 公文 and the 通用 template.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { paragraph, type WgDocument } from '../../../shared/model/document';
import { DEFAULT_EXPORT_FONTS } from '../../../shared/export/fonts';
import { writeDocx, type DocxOptions } from '../../../shared/docx/write/writeDocx';
import { attr, on, paragraphs, readDocxParts, style, type XmlParagraph } from '../../support/docxXml';

const SHARED = path.resolve(__dirname, '../../../../shared');

const OPTIONS: DocxOptions = { template: 'gbt9704', fonts: { ...DEFAULT_EXPORT_FONTS }, author: '市政府办公室', heading3Bold: true, normalizeDates: true };

/** A 通知 with every part a 公文 has, as plain paragraphs (roles inferred) and a table. */
function notice(): WgDocument {
  return {
    meta: {},
    blocks: [
      paragraph('国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知'),
      paragraph('国办发〔2019〕3号'),
      paragraph('各省、自治区、直辖市人民政府，国务院各部委、各直属机构：'),
      paragraph('城镇小区配套建设幼儿园是“重要内容”。2018年11月，党中央印发《若干意见》。'),
      paragraph('一、总体要求'),
      paragraph('（一）工作目标。到2025年，各项任务全面完成。'),
      paragraph('1.摸底排查。各地以县为单位全面摸底排查。'),
      paragraph('（1）建立台账。逐园建立台账。'),
      { type: 'paragraph', align: 'center', runs: [{ text: '居中的正文' }] },
      { type: 'paragraph', runs: [{ text: '软换行', bold: true }, { text: '\n第二行\t制表' }] },
      {
        type: 'table',
        columnWidths: [1, 3],
        rows: [
          { header: true, cells: [{ paragraphs: [paragraph('序号')] }, { paragraphs: [paragraph('名称')] }] },
          { cells: [{ colSpan: 2, paragraphs: [paragraph('合计')] }] },
        ],
      },
      paragraph('附件：1.城镇小区配套幼儿园治理工作台账'),
      paragraph('2.治理工作联系人名单'),
      paragraph('国务院办公厅'),
      paragraph('2019年01月09日'),
    ],
  };
}

const byText = (ps: XmlParagraph[], start: string) => {
  const p = ps.find((x) => x.text.replace(/\n/g, '').startsWith(start));
  if (!p) throw new Error(`no paragraph starting with ${start}`);
  return p;
};
const eastAsia = (xml: string) => attr(xml, 'w:rFonts', 'w:eastAsia');

describe('writeDocx, 公文 template (GB/T 9704-2012)', async () => {
  const parts = readDocxParts(await writeDocx(notice(), OPTIONS));
  const ps = paragraphs(parts.document);

  it('sets up the A4 page, the margins, the 22-line grid and odd/even footers', () => {
    const sect = /<w:sectPr>.*<\/w:sectPr>/.exec(parts.document)![0];
    expect(attr(sect, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attr(sect, 'w:pgSz', 'w:h')).toBe('16838');
    expect([attr(sect, 'w:pgMar', 'w:top'), attr(sect, 'w:pgMar', 'w:bottom'), attr(sect, 'w:pgMar', 'w:left'), attr(sect, 'w:pgMar', 'w:right')]).toEqual(['2098', '1984', '1587', '1474']);
    expect(attr(sect, 'w:docGrid', 'w:linePitch')).toBe('579');
    expect(attr(sect, 'w:docGrid', 'w:type')).toBe('lines');
    expect(on(parts.settings, 'w:evenAndOddHeaders')).toBe(true);
    expect(Object.keys(parts.footerRefs).sort()).toEqual(['default', 'even']);
  });

  it('defaults every run to 仿宋_GB2312 三号 with Times New Roman for Latin, zh-CN, 28 characters a line', () => {
    const defaults = /<w:docDefaults>.*<\/w:docDefaults>/.exec(parts.styles)![0];
    expect(eastAsia(defaults)).toBe('仿宋_GB2312');
    expect(attr(defaults, 'w:rFonts', 'w:ascii')).toBe('Times New Roman');
    expect(attr(defaults, 'w:rFonts', 'w:hAnsi')).toBe('Times New Roman');
    expect(attr(defaults, 'w:rFonts', 'w:hint')).toBe('eastAsia');
    expect(attr(defaults, 'w:sz', 'w:val')).toBe('32');
    expect(attr(defaults, 'w:lang', 'w:eastAsia')).toBe('zh-CN');
    expect(attr(defaults, 'w:w', 'w:val')).toBe('98');
    expect(attr(defaults, 'w:spacing', 'w:line')).toBe('579');
    expect(attr(defaults, 'w:spacing', 'w:lineRule')).toBe('exact');
  });

  it('names heading styles like Word\'s built-ins, with outline levels and the 公文 fonts', () => {
    const fonts = ['黑体', '楷体_GB2312', '仿宋_GB2312', '仿宋_GB2312'];
    for (const level of [1, 2, 3, 4]) {
      const s = style(parts.styles, `Heading${level}`)!;
      expect(attr(s, 'w:name', 'w:val')).toBe(`heading ${level}`);
      expect(attr(s, 'w:outlineLvl', 'w:val')).toBe(String(level - 1));
      expect(eastAsia(s)).toBe(fonts[level - 1]);
      expect(attr(s, 'w:sz', 'w:val')).toBe('32');
      expect(attr(s, 'w:color', 'w:val')).toBe('auto');
    }
    expect(attr(style(parts.styles, 'Title')!, 'w:name', 'w:val')).toBe('Title');
    expect(attr(style(parts.styles, 'WgSignature')!, 'w:name', 'w:val')).toBe('署名');
  });

  it('sets the title in 方正小标宋简体 22 pt, centred, broken at a word boundary, off the grid', () => {
    const title = byText(ps, '国务院办公厅');
    expect(title.style).toBe('Title');
    expect(attr(title.pPr, 'w:jc', 'w:val')).toBe('center');
    expect(attr(title.pPr, 'w:ind', 'w:firstLine')).toBe('0');
    expect(attr(title.pPr, 'w:snapToGrid', 'w:val')).toBe('0');
    expect(title.text).toBe('国务院办公厅关于开展\n城镇小区配套幼儿园治理工作的通知');
    for (const r of title.runs) {
      expect(eastAsia(r.xml)).toBe('方正小标宋简体');
      expect(attr(r.xml, 'w:sz', 'w:val')).toBe('44');
    }
    // The 发文字号 right under the title: the blank line goes below it, above the 主送.
    expect(attr(title.pPr, 'w:spacing', 'w:after')).toBe('0');
    expect(attr(byText(ps, '国办发').pPr, 'w:spacing', 'w:after')).toBe('579');
    expect(parts.core).toContain('<dc:title>国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知</dc:title>');
    expect(parts.core).toContain('<dc:creator>市政府办公室</dc:creator>');
  });

  it('sets the 发文字号 centred and the 主送机关 flush left', () => {
    const number = byText(ps, '国办发');
    expect(attr(number.pPr, 'w:jc', 'w:val')).toBe('center');
    const to = byText(ps, '各省');
    expect(to.style).toBe('WgSalutation');
    expect(attr(to.pPr, 'w:ind', 'w:firstLine')).toBe('0');
    expect(attr(to.pPr, 'w:jc', 'w:val')).toBe('both');
  });

  it('sets body text in 仿宋_GB2312 16 pt, justified, first line indented two characters, exactly 579 twips apart', () => {
    const body = byText(ps, '城镇小区配套建设');
    expect(body.style).toBeNull();
    expect(attr(body.pPr, 'w:jc', 'w:val')).toBe('both');
    expect(attr(body.pPr, 'w:ind', 'w:firstLine')).toBe('640');
    expect(attr(body.pPr, 'w:ind', 'w:firstLineChars')).toBe('200');
    expect(attr(body.pPr, 'w:spacing', 'w:line')).toBe('579');
    expect(attr(body.pPr, 'w:spacing', 'w:lineRule')).toBe('exact');
    for (const r of body.runs) {
      expect(eastAsia(r.xml)).toBe('仿宋_GB2312');
      expect(attr(r.xml, 'w:rFonts', 'w:ascii')).toBe('Times New Roman');
      expect(attr(r.xml, 'w:rFonts', 'w:hint')).toBe('eastAsia');
      expect(attr(r.xml, 'w:sz', 'w:val')).toBe('32');
    }
    // A paragraph the user centred stays centred, without a first-line indent.
    const centred = byText(ps, '居中的正文');
    expect(attr(centred.pPr, 'w:jc', 'w:val')).toBe('center');
    expect(attr(centred.pPr, 'w:ind', 'w:firstLine')).toBe('0');
    // Soft line break and tab survive; bold stays bold.
    const soft = byText(ps, '软换行');
    expect(soft.text).toBe('软换行\n第二行\t制表');
    expect(on(soft.runs[0]!.xml, 'w:b')).toBe(true);
  });

  it('gives only the heading part of a run-in heading the heading font; numbers are literal text', () => {
    const h1 = byText(ps, '一、总体要求');
    expect(h1.style).toBe('Heading1');
    expect(h1.runs.every((r) => eastAsia(r.xml) === '黑体')).toBe(true);
    const h2 = byText(ps, '（一）工作目标');
    expect(h2.style).toBe('Heading2');
    expect(h2.runs.map((r) => [r.text, eastAsia(r.xml)])).toEqual([
      ['（一）工作目标。', '楷体_GB2312'],
      ['到2025年，各项任务全面完成。', '仿宋_GB2312'],
    ]);
    const h3 = byText(ps, '1.摸底排查');
    expect(h3.style).toBe('Heading3');
    expect(h3.runs[0]!.text).toBe('1.摸底排查。');
    expect(on(h3.runs[0]!.xml, 'w:b')).toBe(true);
    // The style is bold; the run-in body text says it is not.
    expect(attr(h3.runs[1]!.xml, 'w:b', 'w:val')).toBe('false');
    const h4 = byText(ps, '（1）建立台账');
    expect(h4.style).toBe('Heading4');
    expect(on(h4.runs[0]!.xml, 'w:b')).toBe(false);
    expect(parts.document).not.toContain('<w:numPr>');
  });

  it('places 附件说明 after a blank line, names aligned under the first name', () => {
    const first = byText(ps, '附件：1.');
    expect(first.style).toBe('WgAttachment');
    expect(attr(first.pPr, 'w:spacing', 'w:before')).toBe('579');
    // "附件：1." is 4 characters wide: the name starts 2 + 4 characters in, the first line 2 in.
    expect(attr(first.pPr, 'w:ind', 'w:left')).toBe(String(6 * 320));
    expect(attr(first.pPr, 'w:ind', 'w:hanging')).toBe(String(4 * 320));
    const second = byText(ps, '2.治理工作');
    expect(second.style).toBe('WgAttachment');
    expect(attr(second.pPr, 'w:ind', 'w:left')).toBe(String(6 * 320));
    expect(attr(second.pPr, 'w:ind', 'w:hanging')).toBe(String(1 * 320));
  });

  it('right-aligns signature and date per 7.3.5.2 and normalises the date on request', () => {
    const sig = byText(ps, '国务院办公厅');
    const sigP = ps.filter((p) => p.text === '国务院办公厅')[0]!;
    expect(sig).toBeDefined();
    expect(sigP.style).toBe('WgSignature');
    expect(attr(sigP.pPr, 'w:jc', 'w:val')).toBe('right');
    expect(attr(sigP.pPr, 'w:spacing', 'w:before')).toBe('579');
    const date = byText(ps, '2019年');
    expect(date.text).toBe('2019年1月9日');
    expect(date.style).toBe('WgDate');
    // The date (7.25 characters wide with the space Word adds around digits) is longer than the
    // signature (6): date 2 characters from the right edge, the signature moved so that the
    // date starts 2 characters right of it.
    expect(attr(date.pPr, 'w:ind', 'w:right')).toBe(String(2 * 320));
    expect(attr(sigP.pPr, 'w:ind', 'w:right')).toBe(String(5.25 * 320));
  });

  it('writes page numbers "— N —" in 宋体 14 pt: odd pages right, even pages left, one character in', () => {
    const odd = parts.footers[parts.footerRefs.default!]!;
    const even = parts.footers[parts.footerRefs.even!]!;
    for (const [footer, side] of [[odd, 'right'], [even, 'left']] as const) {
      const [p] = paragraphs(footer);
      expect(attr(p!.pPr, 'w:jc', 'w:val')).toBe(side);
      expect(attr(p!.pPr, 'w:ind', side === 'right' ? 'w:right' : 'w:left')).toBe('280');
      expect(p!.xml).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(p!.runs.filter((r) => r.text).map((r) => r.text)).toEqual(['— ', ' —']);
      for (const r of p!.runs) {
        expect(eastAsia(r.xml)).toBe('宋体');
        expect(attr(r.xml, 'w:rFonts', 'w:ascii')).toBe('宋体');
        expect(attr(r.xml, 'w:sz', 'w:val')).toBe('28');
      }
    }
  });

  it('gives tables explicit column widths over the text width and repeats header rows', () => {
    const cols = [...parts.document.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(cols).toEqual([2211, 6633]);
    expect(parts.document).toContain('<w:tblHeader/>');
    expect(parts.document).toMatch(/<w:gridSpan w:val="2"\/>/);
    // A table is never the last thing in the body.
    expect(parts.document).toMatch(/<\/w:tbl>.*<w:p>/);
  });

  it('uses the configured font names and options', async () => {
    const other = readDocxParts(
      await writeDocx(notice(), { ...OPTIONS, fonts: { ...DEFAULT_EXPORT_FONTS, body: '仿宋', heading2: '楷体', pageNumber: 'SimSun' }, heading3Bold: false, normalizeDates: false }),
    );
    const ops = paragraphs(other.document);
    expect(eastAsia(byText(ops, '城镇小区配套建设').runs[0]!.xml)).toBe('仿宋');
    expect(eastAsia(byText(ops, '（一）工作目标').runs[0]!.xml)).toBe('楷体');
    expect(on(byText(ops, '1.摸底排查').runs[0]!.xml, 'w:b')).toBe(false);
    expect(byText(ops, '2019年').text).toBe('2019年01月09日');
    expect(eastAsia(Object.values(other.footers)[0]!)).toBe('SimSun');
  });
});

describe('writeDocx, 通用 template', async () => {
  const doc: WgDocument = {
    meta: { title: '年度总结' },
    blocks: [
      paragraph('年度工作总结'),
      paragraph(''),
      paragraph('一、主要工作', { role: 'heading1' }),
      paragraph('（一）工作目标。到2025年，各项任务全面完成。'),
      paragraph('居中说明', { align: 'center' }),
      paragraph('缩进的正文', { indent: { firstLineChars: 2, leftChars: 1 } }),
      paragraph('附件：1.名单'),
      paragraph('某某局'),
      paragraph('2024年3月5日'),
    ],
  };
  const parts = readDocxParts(await writeDocx(doc, { ...OPTIONS, template: 'plain', author: '' }));
  const ps = paragraphs(parts.document);

  it('keeps the user\'s formatting, uses Word headings and 宋体 12 pt body text', () => {
    const sect = /<w:sectPr>.*<\/w:sectPr>/.exec(parts.document)![0];
    expect([attr(sect, 'w:pgMar', 'w:top'), attr(sect, 'w:pgMar', 'w:left')]).toEqual(['1440', '1800']);
    expect(on(parts.settings, 'w:evenAndOddHeaders')).toBe(false);
    expect(byText(ps, '年度工作总结').style).toBe('Title');
    const h = byText(ps, '一、主要工作');
    expect(h.style).toBe('Heading1');
    expect(attr(style(parts.styles, 'Heading1')!, 'w:outlineLvl', 'w:val')).toBe('0');
    // Bold only where the document is bold (a saved file reopens as it was).
    expect(on(style(parts.styles, 'Heading1')!, 'w:b')).toBe(false);
    // A run-in heading: the heading part in the heading's size, the rest body text (12 pt).
    const runIn = byText(ps, '（一）工作目标');
    expect(runIn.style).toBe('Heading2');
    expect(runIn.runs.map((r) => [r.text, attr(r.xml, 'w:sz', 'w:val'), attr(r.xml, 'w:b', 'w:val')])).toEqual([
      ['（一）工作目标。', '30', null],
      ['到2025年，各项任务全面完成。', '24', 'false'],
    ]);
    expect(attr(byText(ps, '居中说明').pPr, 'w:jc', 'w:val')).toBe('center');
    const indented = byText(ps, '缩进的正文');
    expect(attr(indented.pPr, 'w:ind', 'w:firstLineChars')).toBe('200');
    expect(attr(indented.pPr, 'w:ind', 'w:left')).toBe('240');
    expect(eastAsia(indented.runs[0]!.xml)).toBe('宋体');
    expect(attr(indented.runs[0]!.xml, 'w:sz', 'w:val')).toBe('24');
    expect(parts.core).toContain('<dc:title>年度总结</dc:title>');
    // Signature and date are right-aligned, and every style a paragraph names exists.
    expect(attr(byText(ps, '2024年3月5日').pPr, 'w:jc', 'w:val')).toBe('right');
    for (const p of ps) if (p.style) expect(style(parts.styles, p.style), p.style).not.toBeNull();
  });
});

describe('writeDocx on the seeds', () => {
  it('keeps every character of each seed report and marks its headings', async () => {
    const dir = path.join(SHARED, 'corpus', 'seeds');
    for (const f of ['000_40f08a2d6707e5f7.txt', '002_182f94ccda9023a4.txt']) {
      const text = readFileSync(path.join(dir, f), 'utf8');
      const lines = text.split(/\r?\n/);
      const doc: WgDocument = { meta: {}, blocks: lines.map((l) => paragraph(l)) };
      const ps = paragraphs(readDocxParts(await writeDocx(doc, OPTIONS)).document);
      expect(ps.map((p) => p.text.replace(/\n/g, ''))).toEqual(lines);
      const h1 = ps.filter((p) => p.style === 'Heading1').map((p) => p.text.slice(0, 2));
      expect(h1.length).toBeGreaterThanOrEqual(3);
      expect(h1.every((t) => /^[一二三四五六七八九十]、/.test(t))).toBe(true);
    }
  });
});

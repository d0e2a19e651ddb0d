/**
 * The export layout plan: which role each paragraph of real documents gets, title line breaks,
 * 7.3.5 signature/date placement, date normalisation and plain-text export.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { paragraph, type WgDocument } from '../../../shared/model/document';
import { normalizeDate } from '../../../shared/text/dates';
import { inferRoles, layoutDocument, signatureDateIndents } from '../../../shared/export/layout';
import { defaultTextLayout, documentToPlainText } from '../../../shared/text/plainText';
import { breakTitle } from '../../../shared/export/titleBreaks';
import { displayWidth } from '../../../shared/export/gbt9704';
import { outlineOfDocument } from '../../../shared/outline/outline';

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');
const lines = (f: string) => readFileSync(path.join(CORPUS, f), 'utf8').split(/\r?\n/);
const blocksOf = (ls: string[]) => ls.map((l) => paragraph(l));

describe('roles of a plain-text 公文', () => {
  it('finds title, 发文字号, 主送机关, headings, 署名 and 成文日期 in a State Council notice', () => {
    const ls = lines('gov/gov-010.txt');
    const roles = inferRoles(blocksOf(ls));
    const at = (start: string) => roles[ls.findIndex((l) => l.startsWith(start))];
    expect(at('国务院办公厅关于开展')).toBe('title');
    expect(at('城镇小区配套幼儿园治理工作的通知')).toBe('title');
    expect(at('国办发')).toBe('doc-number');
    expect(at('各省、自治区')).toBe('salutation');
    expect(at('2019年1月9日')).toBe('date');
    expect(ls[roles.indexOf('signature')]).toBe('国务院办公厅');
    expect(at('（此件公开发布）')).toBe('note');
    const layout = layoutDocument(blocksOf(ls), { template: 'gbt9704', heading3Bold: true, normalizeDates: false });
    const levels = layout.blocks.flatMap((b) => (b.type === 'paragraph' && b.level ? [b.level] : []));
    expect(levels.filter((l) => l === 1)).toHaveLength(4);
    expect(levels.filter((l) => l === 3)).toHaveLength(9);
  });

  it('keeps the 署名 and 成文日期 with the text above them, and puts the blank line under a 发文字号 that follows the title', () => {
    const ls = lines('gov/gov-012.txt');
    const layout = layoutDocument(blocksOf(ls), { template: 'gbt9704', heading3Bold: true, normalizeDates: false });
    const ps = layout.blocks.map((b) => (b.type === 'paragraph' ? b : null));
    const sig = ps.findIndex((p) => p?.role === 'signature');
    expect(ls[sig]).toBe('国务院办公厅');
    // From the last paragraph of text down to the date, each keeps with the next.
    let text = sig - 1;
    while (ps[text]?.role === 'empty') text--;
    expect(ps[text]?.role).toBe('body');
    for (let k = text; k <= sig; k++) expect(ps[k]?.keepNext, ls[k]).toBe(true);
    expect(ps[text - 1]?.keepNext).toBe(false);
    const title = ps.map((p) => p?.role).lastIndexOf('title');
    const number = ps.findIndex((p) => p?.role === 'doc-number');
    expect(number).toBe(title + 1);
    expect([ps[title]!.spaceAfter, ps[number]!.spaceAfter]).toEqual([0, 1]);
  });

  it('leaves a report without title or closing alone, and takes "尊敬的…：" as the salutation', () => {
    const ls = lines('seeds/000_40f08a2d6707e5f7.txt');
    const roles = inferRoles(blocksOf(ls));
    expect(roles[0]).toBe('salutation');
    expect(roles).not.toContain('title');
    expect(roles).not.toContain('date');
    // "按照会议要求，现将…报告如下：" is body text, not a salutation.
    expect(inferRoles(blocksOf(lines('seeds/002_182f94ccda9023a4.txt')))[0]).toBe('body');
    // A short first line followed by a blank line is the title.
    expect(inferRoles(blocksOf(lines('seeds/004_9342abefdd77c34e.txt')))[0]).toBe('title');
  });

  it('keeps explicit roles', () => {
    const roles = inferRoles([paragraph('一、总体要求', { role: 'body' }), paragraph('2024年3月5日', { role: 'signature' })]);
    expect(roles).toEqual(['body', 'signature']);
  });
});

describe('title line breaks (7.3.1: words whole, lines balanced)', () => {
  it('breaks long titles at word boundaries and leaves short ones', () => {
    expect(breakTitle('国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知', 20)).toEqual(['国务院办公厅关于开展', '城镇小区配套幼儿园治理工作的通知']);
    expect(breakTitle('国务院办公厅关于2019年部分节假日安排的通知', 20)).toEqual(['国务院办公厅关于2019年', '部分节假日安排的通知']);
    expect(breakTitle('党组书记抓党建工作报告', 20)).toEqual(['党组书记抓党建工作报告']);
    for (const t of ['中共某某市委办公室 某某市人民政府办公室关于进一步加强和改进新时代基层党组织建设工作的实施意见', '国务院关于同意设立中国（上海）自由贸易试验区临港新片区的批复']) {
      const out = breakTitle(t, 20);
      expect(out.join('')).toBe(t);
      expect(out.length).toBeGreaterThan(1);
      for (const l of out) expect(displayWidth(l)).toBeLessThanOrEqual(20);
      expect(out.some((l) => /^(的|和|与)/.test(l))).toBe(false);
    }
  });
});

describe('成文日期 and 署名 (7.3.5)', () => {
  it('normalises dates to 2024年3月5日', () => {
    expect(normalizeDate('2024年03月05日')).toBe('2024年3月5日');
    expect(normalizeDate('2024-3-5')).toBe('2024年3月5日');
    expect(normalizeDate('2024.03.05')).toBe('2024年3月5日');
    expect(normalizeDate('２０２４年１２月３１日')).toBe('2024年12月31日');
    expect(normalizeDate('二〇二四年三月五日')).toBe('2024年3月5日');
    expect(normalizeDate('二○一九年十二月二十五日')).toBe('2019年12月25日');
    expect(normalizeDate('2024年13月5日')).toBeNull();
    expect(normalizeDate('截至2024年3月5日')).toBeNull();
  });

  it('puts the date 2 characters right of the signature, or moves the signature when the date is longer', () => {
    // 7.3.5.2: a long signature keeps 2 characters' space, the date starts 2 characters further right.
    // Widths count the quarter-character space Word puts between Chinese and digits: the date is 7.25.
    expect(signatureDateIndents('中共某某市委办公室宣传部', '2024年3月5日')).toEqual({ signature: 2, date: 4.75 });
    expect(signatureDateIndents('国务院办公厅', '2019年1月9日')).toEqual({ signature: 5.25, date: 2 });
    expect(signatureDateIndents('某局', '2024年12月25日')).toEqual({ signature: 10.25, date: 2 });
  });
});

describe('plain-text export', () => {
  it('writes paragraphs, indents as full-width spaces, table rows with tabs, CRLF or LF', () => {
    const doc: WgDocument = {
      meta: {},
      blocks: [
        paragraph('标题'),
        paragraph('正文。', { indent: { firstLineChars: 2 } }),
        paragraph('第一行\n第二行'),
        { type: 'table', rows: [{ cells: [{ paragraphs: [paragraph('甲')] }, { paragraphs: [paragraph('乙')] }] }] },
      ],
    };
    expect(documentToPlainText(doc, defaultTextLayout('\r\n'))).toBe('标题\r\n\u3000\u3000正文。\r\n第一行\r\n第二行\r\n甲\t乙\r\n');
    expect(documentToPlainText(doc, defaultTextLayout('\n'))).toBe('标题\n\u3000\u3000正文。\n第一行\n第二行\n甲\t乙\n');
  });
});

describe('export headings are the outline sidebar\'s headings', () => {
  const files = [
    ...['000_40f08a2d6707e5f7', '001_012a46138ac0ca6d', '002_182f94ccda9023a4', '003_cc503eda10b51707', '004_9342abefdd77c34e'].map((f) => `seeds/${f}.txt`),
    ...[8, 9, 10, 11, 12, 13, 14, 15].map((n) => `gov/gov-0${String(n).padStart(2, '0')}.txt`),
  ];
  it.each(files)('%s: the same blocks at the same levels', (f) => {
    const blocks = blocksOf(lines(f));
    const laid = layoutDocument(blocks, { template: 'gbt9704', heading3Bold: true, normalizeDates: false });
    const exported = laid.blocks.flatMap((b, i) => (b.type === 'paragraph' && b.level ? [`${i}:${b.level}`] : []));
    const sidebar = outlineOfDocument({ meta: {}, blocks }).outline.entries.flatMap((e) => (e.level > 0 && e.heading ? [`${e.block}:${e.level}`] : []));
    expect(exported).toEqual(sidebar);
  });

  it('does not export numbered notes after 注： as headings', () => {
    const blocks = blocksOf(['关于做好年度工作的通知', '一、总体要求', '正文。', '注：', '1.本表由各单位填报', '2.报送截止时间为月底']);
    const laid = layoutDocument(blocks, { template: 'gbt9704', heading3Bold: true, normalizeDates: false });
    const levels = laid.blocks.map((b) => (b.type === 'paragraph' ? b.level : null));
    expect(levels.slice(4)).toEqual([null, null]);
    expect(levels[1]).toBe(1);
  });
});

/**
 * The whole 公文 in the Word export (GB/T 9704-2012 §7, §10), on documents written for the test:
 * a 通知 with every 版头 and 版记 element and two attachments, a joint issuance, a 上行文 with
 * 签发人, a 函, a 纪要 and a 命令. Read back from the XML (colours, fonts, positions, borders), then
 * rendered by LibreOffice and measured in points: the red 标志's top edge, the red line's place and
 * length, attachments on new pages, the 版记's separators on the last page's 版心 bottom, 22 lines
 * on every full page, page numbers.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { paragraph, type Block, type WgDocument } from '../../../shared/model/document';
import type { DocumentPart } from '../../../shared/model/parts';
import { DEFAULT_EXPORT_SETTINGS } from '../../../shared/settings';
import { writeDocx, type DocxOptions } from '../../../shared/docx/write/writeDocx';
import { findSoffice, pdfFromDocx } from '../../../electron/services/pdfRenderers';
import { readDocumentFile } from '../../../electron/services/documentFiles';
import { attr, paragraphs, readDocxParts, style, type XmlParagraph } from '../../support/docxXml';
import { PT_PER_MM, TEST_FONTCONFIG, bodyLines, inkBands, pageNumber, readPdf, type PdfInfo } from '../../support/pdf';

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');
const OPTIONS: DocxOptions = { ...DEFAULT_EXPORT_SETTINGS, template: 'gbt9704' };
const LINE_PT = 28.95;
const TEXT_TOP = 37 * PT_PER_MM;
const TEXT_LEFT = 28 * PT_PER_MM;
const PAGE_H = 841.89;
const TEXT_BOTTOM = PAGE_H - 35 * PT_PER_MM;

/** Lines of text, each optionally with an explicit part ("part|text"). */
function doc(lines: string[]): WgDocument {
  const blocks: Block[] = lines.map((l) => {
    const m = /^([a-z0-9-]+)\|(.*)$/.exec(l);
    return m ? paragraph(m[2]!, { role: m[1] as DocumentPart }) : paragraph(l);
  });
  return { meta: {}, blocks };
}

const BODY = '为切实做好今年防汛工作，确保人民群众生命财产安全，现将有关事项通知如下，请结合实际认真贯彻落实。';

const DOCS = {
  notice: doc([
    '000123',
    '机密★1年',
    '特急',
    '××市人民政府文件',
    '×政发〔2025〕12号',
    '××市人民政府关于做好2025年防汛工作的通知',
    '各区人民政府，市政府各部门：',
    BODY,
    '一、提高思想认识',
    BODY,
    '附件：1.防汛工作责任分工表',
    '2.防汛物资储备清单',
    '××市人民政府',
    '2025年3月5日',
    '（此件公开发布）',
    '附件1',
    '防汛工作责任分工表',
    BODY,
    '附件2',
    '防汛物资储备清单',
    BODY,
    '抄送：市委办公室，市人大常委会办公室，市政协办公室。',
    '××市人民政府办公室 2025年3月6日印发',
  ]),
  joint: doc(['中共××市委员会', '××市人民政府文件', '×委发〔2025〕3号', '关于加强基层治理的意见', '各区委、区政府：', BODY]),
  upward: doc(['××市人民政府文件', '×政〔2025〕8号', '签发人：张三 李四 王五', '××市人民政府关于申请防汛资金的请示', '省人民政府：', BODY, '妥否，请批示。', '××市人民政府', '2025年3月5日']),
  letter: doc(['××市人民政府办公室函', '×政办函〔2025〕5号', '关于商请支持防汛工作的函', '省水利厅：', ...new Array<string>(30).fill(BODY), '特此函告。', '××市人民政府办公室', '2025年3月5日', '抄送：市水务局。']),
  minutes: doc(['××市人民政府常务会议纪要', '〔2025〕3号', 'title|市政府第五次常务会议纪要', BODY, '出席：张三、李四、王五', '请假：孙七', '列席：周八']),
  order: doc(['××市人民政府令', 'doc-number|第12号', BODY, '市长  张三', '2025年3月5日']),
};
type Name = keyof typeof DOCS;
const NAMES = Object.keys(DOCS) as Name[];

const byText = (ps: XmlParagraph[], start: string) => {
  const p = ps.find((x) => x.text.startsWith(start));
  if (!p) throw new Error(`no paragraph "${start}" in ${ps.map((x) => x.text.slice(0, 8)).join(' | ')}`);
  return p;
};
const eastAsia = (p: XmlParagraph, k = 0) => attr(p.runs[k]!.xml, 'w:rFonts', 'w:eastAsia');

describe('公文 版头, 附件 and 版记 in the Word XML', () => {
  const xml = {} as Record<Name, ReturnType<typeof readDocxParts>>;
  beforeAll(async () => {
    for (const n of NAMES) xml[n] = readDocxParts(await writeDocx(DOCS[n], OPTIONS));
  });

  it('sets 份号, 密级 (黑体) and 紧急程度 (黑体) flush left, then the red 标志 35 mm under the 版心 top', () => {
    const ps = paragraphs(xml.notice.document);
    for (const [t, font] of [['000123', '仿宋_GB2312'], ['机密★1年', '黑体'], ['特急', '黑体']] as const) {
      const p = byText(ps, t);
      expect(attr(p.pPr, 'w:jc', 'w:val'), t).toBe('left');
      expect(eastAsia(p), t).toBe(font);
      expect(attr(p.pPr, 'w:spacing', 'w:line'), t).toBe('579');
    }
    const mark = byText(ps, '××市人民政府文件');
    expect(mark.style).toBe('WgIssuerMark');
    expect(attr(mark.runs[0]!.xml, 'w:color', 'w:val')).toBe('FF0000');
    expect(eastAsia(mark)).toBe('方正小标宋简体');
    expect(attr(mark.pPr, 'w:jc', 'w:val')).toBe('center');
    // Three lines of 579 twips and 247 twips before: the top at 35 mm (1984 twips) under the 版心's top.
    expect(Number(attr(mark.pPr, 'w:spacing', 'w:before')) + 3 * 579).toBe(1984);
    expect(mark.pPr).toContain('<w:snapToGrid w:val="0"/>');
  });

  it('puts the 发文字号 two lines under the 标志, the red line under it and the title two lines under that', () => {
    const ps = paragraphs(xml.notice.document);
    const number = byText(ps, '×政发〔2025〕12号');
    expect(attr(number.pPr, 'w:jc', 'w:val')).toBe('center');
    expect(attr(number.pPr, 'w:spacing', 'w:before')).toBe(String(2 * 579));
    const rule = ps[ps.indexOf(number) + 1]!;
    expect(rule.style).toBe('WgSeparator');
    expect(attr(rule.pPr, 'w:bottom', 'w:color')).toBe('FF0000');
    expect(attr(rule.pPr, 'w:bottom', 'w:sz')).toBe('8');
    expect(rule.pPr).not.toContain('w:ind w:left');
    const title = ps[ps.indexOf(rule) + 1]!;
    expect(title.style).toBe('Title');
    expect(attr(title.pPr, 'w:spacing', 'w:before')).toBe(String(2 * 579));
  });

  it('starts each 附件 on a new page: "附件N" in 黑体 flush left, its title centred in 小标宋 二号 on the third line', () => {
    const ps = paragraphs(xml.notice.document);
    for (const [label, title] of [['附件1', '防汛工作责任分工表'], ['附件2', '防汛物资储备清单']] as const) {
      const l = ps.find((p) => p.text === label)!;
      expect(l.pPr, label).toContain('<w:pageBreakBefore/>');
      expect(eastAsia(l)).toBe('黑体');
      expect(attr(l.pPr, 'w:jc', 'w:val')).toBe('left');
      const t = ps[ps.indexOf(l) + 1]!;
      expect(t.text).toBe(title);
      expect(t.style).toBe('WgAttachmentTitle');
      expect(attr(t.pPr, 'w:jc', 'w:val')).toBe('center');
      expect(attr(t.pPr, 'w:spacing', 'w:before')).toBe('579');
      expect(attr(t.runs[0]!.xml, 'w:sz', 'w:val')).toBe('44');
      expect(eastAsia(t)).toBe('方正小标宋简体');
    }
  });

  it('puts the 版记 in a text box anchored to the bottom of the 版心, with thick–thin–thick black rules', () => {
    const d = xml.notice.document;
    const anchor = /<wp:anchor [^>]*>.*?<\/wp:anchor>/.exec(d)?.[0] ?? '';
    expect(anchor).toContain('<wp:positionV relativeFrom="margin"><wp:align>bottom</wp:align></wp:positionV>');
    expect(anchor).toContain('<wp:wrapTopAndBottom/>');
    expect(anchor).toContain(`<wp:extent cx="${8845 * 635}"`);
    const inside = paragraphs(/<w:txbxContent>(.*?)<\/w:txbxContent>/.exec(anchor)![1]!);
    // Rule, 抄送, rule, 印发, rule: each rule a line of its own as wide as the 版心 (the text is indented).
    expect(inside.map((p) => p.text)).toEqual(['', '抄送：市委办公室，市人大常委会办公室，市政协办公室。', '', '××市人民政府办公室\t2025年3月6日印发', '']);
    const [, cc, , imprint] = inside;
    expect([0, 2, 4].map((k) => attr(inside[k]!.pPr, 'w:bottom', 'w:sz'))).toEqual(['8', '6', '8']);
    for (const k of [0, 2, 4]) {
      expect(attr(inside[k]!.pPr, 'w:bottom', 'w:color')).toBe('000000');
      expect(inside[k]!.pPr).not.toContain('<w:ind w:left');
    }
    // 四号, one 字 (280 twips) in on both sides; the date at a right tab one 字 from the right.
    expect(attr(cc!.runs[0]!.xml, 'w:sz', 'w:val')).toBe('28');
    expect(attr(cc!.pPr, 'w:ind', 'w:right')).toBe('280');
    expect(attr(imprint!.pPr, 'w:ind', 'w:left')).toBe('280');
    expect(attr(imprint!.pPr, 'w:tab', 'w:val')).toBe('right');
    expect(attr(imprint!.pPr, 'w:tab', 'w:pos')).toBe(String(8845 - 280));
    // The 版记 is not in the text flow any more.
    expect(paragraphs(d.replace(/<w:txbxContent>.*?<\/w:txbxContent>/g, '')).some((p) => p.text.startsWith('抄送'))).toBe(false);
  });

  it('turns widow/orphan control off in the defaults and every paragraph style', () => {
    const styles = xml.notice.styles;
    expect(/<w:pPrDefault><w:pPr>.*?<w:widowControl w:val="0"\/>/.test(styles)).toBe(true);
    for (const id of ['Normal', 'Title', 'Heading1', 'WgIssuerMark', 'WgCc']) {
      const s = style(styles, id);
      if (id === 'Normal' && !s) continue;
      expect(s, id).toContain('<w:widowControl w:val="0"/>');
    }
  });

  it('sets joint issuance as organs stacked with "文件" beside them, vertically centred', () => {
    const d = xml.joint.document;
    const table = /<w:tbl>.*?<\/w:tbl>/.exec(d)![0];
    const cells = [...table.matchAll(/<w:tc>(.*?)<\/w:tc>/g)].map((m) => m[1]!);
    expect(cells).toHaveLength(2);
    expect(paragraphs(cells[0]!).map((p) => p.text)).toEqual(['中共××市委员会', '××市人民政府']);
    expect(paragraphs(cells[1]!).map((p) => p.text)).toEqual(['文件']);
    for (const c of cells) expect(attr(c, 'w:vAlign', 'w:val')).toBe('center');
    expect(attr(paragraphs(cells[0]!)[0]!.pPr, 'w:jc', 'w:val')).toBe('distribute');
    expect(attr(table, 'w:color', 'w:val')).toBe('FF0000');
    expect(table).not.toMatch(/w:val="single"/);
  });

  it('puts a 上行文\'s 发文字号 left, one 字 in, on the line of the last 签发人, names in 楷体', () => {
    const ps = paragraphs(xml.upward.document);
    const first = byText(ps, '\t签发人：');
    expect(first.runs.map((r) => eastAsia({ ...first, runs: [r] }))).toEqual(['仿宋_GB2312', '仿宋_GB2312', '楷体_GB2312']);
    expect(first.text).toBe('\t签发人：张三 李四');
    const last = byText(ps, '×政〔2025〕8号');
    expect(last.text).toBe('×政〔2025〕8号\t王五');
    expect(attr(last.pPr, 'w:ind', 'w:left')).toBe('320');
    expect(attr(last.pPr, 'w:jc', 'w:val')).toBe('left');
    // The names of the second line start under the first line's first name.
    expect(Number(attr(last.pPr, 'w:tab', 'w:pos')) - Number(attr(first.pPr, 'w:tab', 'w:pos'))).toBe(4 * 320);
  });

  it('sets a 函 as a 信函: 标志 30 mm from the page top and red double lines, 发文字号 flush right, no number on page 1', () => {
    const d = xml.letter.document;
    const anchors = [...d.matchAll(/<wp:anchor [^>]*>.*?<\/wp:anchor>/g)].map((m) => m[0]);
    const head = anchors.find((a) => a.includes('信函版头'))!;
    const foot = anchors.find((a) => a.includes('信函下双线'))!;
    expect(head).toContain(`<wp:positionV relativeFrom="page"><wp:posOffset>${Math.round((30 * 1440) / 25.4) * 635}</wp:posOffset>`);
    expect(head).toContain(`<wp:extent cx="${Math.round((170 * 1440) / 25.4) * 635}"`);
    const headPs = paragraphs(head);
    expect(headPs[0]!.text).toBe('××市人民政府办公室函');
    expect(attr(headPs[1]!.pPr, 'w:top', 'w:sz')).toBe('18');
    expect(attr(headPs[1]!.pPr, 'w:bottom', 'w:sz')).toBe('6');
    const footPs = paragraphs(foot);
    expect([attr(footPs[0]!.pPr, 'w:top', 'w:sz'), attr(footPs[0]!.pPr, 'w:bottom', 'w:sz')]).toEqual(['6', '18']);
    expect(attr(byText(paragraphs(d), '×政办函').pPr, 'w:jc', 'w:val')).toBe('right');
    expect(d).toContain('<w:titlePg/>');
    // The 版记 of a 信函 has no separators.
    const record = anchors.find((a) => a.includes('版记'))!;
    expect(record).not.toContain('<w:pBdr>');
  });

  it('sets a 纪要\'s 出席/请假/列席 with the label in 黑体 and the names in 仿宋, two 字 in', () => {
    const ps = paragraphs(xml.minutes.document);
    for (const t of ['出席：', '请假：', '列席：']) {
      const p = byText(ps, t);
      expect(p.runs[0]!.text).toBe(t);
      expect(eastAsia(p, 0)).toBe('黑体');
      expect(eastAsia(p, 1)).toBe('仿宋_GB2312');
      // Hanging after the label, which starts two characters in.
      expect(Number(attr(p.pPr, 'w:ind', 'w:left')) - Number(attr(p.pPr, 'w:ind', 'w:hanging'))).toBe(640);
    }
  });

  it('sets a 命令 with its 标志 20 mm under the 版心 top, 令号 two lines under, no red line', () => {
    const ps = paragraphs(xml.order.document);
    const mark = byText(ps, '××市人民政府令');
    expect(attr(mark.pPr, 'w:spacing', 'w:before')).toBe(String(Math.round((20 * 1440) / 25.4)));
    expect(attr(byText(ps, '第12号').pPr, 'w:spacing', 'w:before')).toBe(String(2 * 579));
    expect(ps.some((p) => p.style === 'WgSeparator' && p.pPr.includes('FF0000'))).toBe(false);
    expect(attr(ps[ps.indexOf(byText(ps, '第12号')) + 1]!.pPr, 'w:spacing', 'w:before')).toBe(String(2 * 579));
  });
});

describe('公文 版头, 附件 and 版记 rendered by LibreOffice', () => {
  const pdfs = {} as Record<Name | 'seed1' | 'seed3', { info: PdfInfo; bytes: Uint8Array }>;

  beforeAll(async () => {
    const soffice = findSoffice();
    if (!soffice) throw new Error('LibreOffice (soffice) is not installed: .ci/run installs libreoffice-writer-nogui');
    const seeds = await Promise.all(['001_012a46138ac0ca6d', '003_cc503eda10b51707'].map((f) => readDocumentFile(path.join(CORPUS, 'seeds', `${f}.txt`))));
    const all = [...NAMES.map((n) => DOCS[n]), ...seeds.map((s) => s.doc)];
    const docx = await Promise.all(all.map((d) => writeDocx(d, OPTIONS)));
    const out = await pdfFromDocx(soffice, docx, 300_000, { ...process.env, FONTCONFIG_FILE: TEST_FONTCONFIG });
    [...NAMES, 'seed1' as const, 'seed3' as const].forEach((n, i) => (pdfs[n] = { info: readPdf(out[i]!), bytes: out[i]! }));
  }, 300_000);

  const red = (n: Name, page = 1) => inkBands(pdfs[n].bytes, page, 'red');
  const wordsOf = (n: Name, page: number, re: RegExp) => pdfs[n].info.pages[page - 1]!.words.filter((w) => re.test(w.text));

  it('prints the red 标志 with its top edge 35 mm under the 版心 top, and the 156 mm red line 4 mm under the 发文字号', () => {
    const [mark, line] = red('notice');
    expect((mark!.top - TEXT_TOP) / PT_PER_MM).toBeCloseTo(35, -0.3);
    expect(Math.abs((mark!.top - TEXT_TOP) / PT_PER_MM - 35)).toBeLessThan(1);
    expect((line!.right - line!.left) / PT_PER_MM).toBeCloseTo(156, 0);
    expect(line!.left).toBeCloseTo(TEXT_LEFT, 0);
    // 4 mm from the 发文字号's characters: the black ink just above the line.
    const ink = inkBands(pdfs.notice.bytes, 1, 'black').filter((b) => b.bottom < line!.top);
    const gap = (line!.top - ink[ink.length - 1]!.bottom) / PT_PER_MM;
    expect(gap).toBeGreaterThan(3.3);
    expect(gap).toBeLessThan(4.7);
    // The title two lines under the red line.
    const title = wordsOf('notice', 1, /^××市人民政府关于/)[0]!;
    expect((title.yMin - line!.bottom) / LINE_PT).toBeGreaterThan(1.8);
    expect((title.yMin - line!.bottom) / LINE_PT).toBeLessThan(2.4);
  });

  it('sets each 附件 on a new page, "附件N" on the first line, its title on the third, page numbers continuing', () => {
    const { pages } = pdfs.notice.info;
    for (const label of ['附件1', '附件2']) {
      const k = pages.findIndex((p) => bodyLines(p)[0]?.text.replace(/\s+/g, '') === label);
      expect(k, label).toBeGreaterThan(0);
      const lines = bodyLines(pages[k]!);
      expect(lines[0]!.y - TEXT_TOP, label).toBeLessThan(LINE_PT);
      const w = pages[k]!.words.find((x) => x.text.startsWith('附件'))!;
      expect(w.xMin).toBeCloseTo(TEXT_LEFT, 0);
      // The title's line is the third: two 28.95 pt lines further down (its 22 pt box sits lower).
      expect((lines[1]!.y - lines[0]!.y) / LINE_PT, label).toBeGreaterThan(1.8);
      expect((lines[1]!.y - lines[0]!.y) / LINE_PT, label).toBeLessThan(2.3);
      expect(pageNumber(pages[k]!)!.text.replace(/\s+/g, '')).toBe(`—${k + 1}—`);
      // Nothing of the body before it on its page.
      expect(pages[k]!.words.some((x) => x.text.startsWith('（此件'))).toBe(false);
    }
  });

  it('prints the 版记 on the last page with thick–thin–thick rules, the last on the bottom edge of the 版心', () => {
    const { pages } = pdfs.notice.info;
    const last = pages.length;
    const rules = inkBands(pdfs.notice.bytes, last, 'black', 400);
    expect(rules).toHaveLength(3);
    const thickness = rules.map((r) => r.bottom - r.top);
    expect(thickness[1]!).toBeLessThan(thickness[0]!);
    expect(thickness[1]!).toBeLessThan(thickness[2]!);
    expect(Math.abs(rules[2]!.bottom - TEXT_BOTTOM)).toBeLessThan(1.5);
    for (const r of rules) expect((r.right - r.left) / PT_PER_MM).toBeCloseTo(156, 0);
    const cc = pages[last - 1]!.words.find((w) => w.text.startsWith('抄送'))!;
    expect(cc.yMin).toBeGreaterThan(rules[0]!.bottom);
    expect(cc.yMax).toBeLessThan(rules[1]!.top);
    // 四号 one 字 (14 pt) in; the date one 字 from the right with "印发".
    expect(cc.xMin - TEXT_LEFT).toBeCloseTo(14, 0);
    const printed = pages[last - 1]!.words.filter((w) => w.yMin > rules[1]!.bottom && w.yMax < rules[2]!.top);
    const right = Math.max(...printed.map((w) => w.xMax));
    expect(595.3 - 26 * PT_PER_MM - right).toBeGreaterThan(10);
    expect(595.3 - 26 * PT_PER_MM - right).toBeLessThan(18);
    expect(printed.map((w) => w.text).join('')).toMatch(/印发$/);
  });

  it('stacks joint organs with "文件" beside them, the 标志 block still 35 mm under the 版心 top', () => {
    const [mark] = red('joint');
    expect(Math.abs((mark!.top - TEXT_TOP) / PT_PER_MM - 35)).toBeLessThan(1);
    // The organs are spread over their column: one word a character, on two lines.
    const suffix = wordsOf('joint', 1, /^文件$/)[0]!;
    const organWords = pdfs.joint.info.pages[0]!.words.filter((w) => w.yMax < mark!.bottom + 12 && w.xMax < suffix.xMin && w.yMin > mark!.top - 12);
    const ys = [...new Set(organWords.map((w) => Math.round(w.yMin)))].sort((a, b) => a - b);
    expect(ys).toHaveLength(2);
    expect(organWords.map((w) => w.text).join('')).toBe('中共××市委员会××市人民政府');
    // "文件" right of the organs, between their lines.
    const mid = (ys[0]! + ys[1]! + (suffix.yMax - suffix.yMin)) / 2;
    expect(Math.abs((suffix.yMin + suffix.yMax) / 2 - mid)).toBeLessThan(6);
  });

  it('prints the 上行文\'s 发文字号 one 字 in on the left and the 签发人 one 字 in from the right', () => {
    const number = wordsOf('upward', 1, /政〔/)[0]!;
    expect(number.xMin - TEXT_LEFT).toBeCloseTo(16, -0.5);
    const names = wordsOf('upward', 1, /李四/)[0]!;
    const right = 595.3 - 26 * PT_PER_MM;
    expect(right - names.xMax).toBeGreaterThan(12);
    expect(right - names.xMax).toBeLessThan(22);
    const wang = wordsOf('upward', 1, /王五/)[0]!;
    expect(Math.abs(wang.yMin - number.yMin)).toBeLessThan(3);
  });

  it('prints a 信函: 标志 30 mm from the page top, 170 mm double lines 4 mm under it and 20 mm above the bottom, no page number on page 1', () => {
    const bands = red('letter');
    const mark = bands[0]!;
    expect(Math.abs(mark.top / PT_PER_MM - 30)).toBeLessThan(1);
    const lines = bands.slice(1);
    expect(lines).toHaveLength(4);
    for (const l of lines) expect((l.right - l.left) / PT_PER_MM).toBeCloseTo(170, 0);
    // Thick over thin at the top, thin over thick at the bottom.
    const h = lines.map((l) => l.bottom - l.top);
    expect(h[0]!).toBeGreaterThan(h[1]!);
    expect(h[3]!).toBeGreaterThan(h[2]!);
    expect((lines[0]!.top - mark.bottom) / PT_PER_MM).toBeGreaterThan(3);
    expect((lines[0]!.top - mark.bottom) / PT_PER_MM).toBeLessThan(5.5);
    expect(Math.abs((PAGE_H - lines[3]!.bottom) / PT_PER_MM - 20)).toBeLessThan(0.7);
    const { pages } = pdfs.letter.info;
    expect(pageNumber(pages[0]!)).toBeNull();
    expect(pageNumber(pages[1]!)!.text.replace(/\s+/g, '')).toBe('—2—');
    const number = wordsOf('letter', 1, /政办函/)[0]!;
    const numberEnd = Math.max(...pages[0]!.words.filter((w) => Math.abs(w.yMin - number.yMin) < 3).map((w) => w.xMax));
    expect(595.3 - 26 * PT_PER_MM - numberEnd).toBeLessThan(3);
    expect(number.yMin).toBeGreaterThan(lines[1]!.bottom);
  });

  it('prints a 命令\'s 标志 20 mm under the 版心 top without a red line', () => {
    const bands = red('order');
    expect(bands).toHaveLength(1);
    expect(Math.abs((bands[0]!.top - TEXT_TOP) / PT_PER_MM - 20)).toBeLessThan(1);
  });

  it('holds 22 lines on every full page of a real report (widow/orphan control off)', () => {
    for (const n of ['seed1', 'seed3'] as const) {
      const { pages } = pdfs[n].info;
      const counts = pages.map((p) => bodyLines(p).length);
      expect(counts.slice(0, -1).every((c) => c === 22), `${n}: ${counts}`).toBe(true);
    }
  });
});


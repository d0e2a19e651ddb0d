/** Numbering labels and structures built to the letter of ECMA-376, beyond what the fixtures show. */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../../shared/docx/read';
import { formatNumber } from '../../../shared/docx/read/numberFormats';
import { paragraphText, type Paragraph } from '../../../shared/model/document';
import { zipBomb } from '../../support/hostileDocx';
import { abstractNum, makeDocx, p, withoutSource } from '../../support/makeDocx';

const lines = (bytes: Uint8Array) => readDocx(bytes).doc.blocks.map((b) => paragraphText(b as Paragraph));
const numPr = (numId: number, ilvl = 0) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;

describe('number formats', () => {
  it('writes Chinese counting as Word does', () => {
    expect([1, 2, 10, 11, 20, 21, 99].map((n) => formatNumber(n, 'chineseCounting'))).toEqual(['一', '二', '十', '十一', '二十', '二十一', '九十九']);
    expect([100, 101, 110, 1001].map((n) => formatNumber(n, 'chineseCountingThousand'))).toEqual(['一百', '一百零一', '一百一十', '一千零一']);
    expect([10, 101, 110].map((n) => formatNumber(n, 'japaneseCounting'))).toEqual(['十', '百一', '百十']);
    expect([1, 10, 11].map((n) => formatNumber(n, 'chineseLegalSimplified'))).toEqual(['壹', '壹拾', '壹拾壹']);
  });

  it('writes the other East Asian formats', () => {
    expect([1, 2, 10, 11].map((n) => formatNumber(n, 'ideographTraditional'))).toEqual(['甲', '乙', '癸', '甲']);
    expect([1, 12, 13].map((n) => formatNumber(n, 'ideographZodiac'))).toEqual(['子', '亥', '子']);
    expect([1, 20, 21, 50].map((n) => formatNumber(n, 'decimalEnclosedCircleChinese'))).toEqual(['①', '⑳', '㉑', '㊿']);
    expect(formatNumber(12, 'decimalFullWidth')).toBe('１２');
    expect(formatNumber(105, 'ideographDigital')).toBe('一〇五');
  });

  it('writes the Western formats', () => {
    expect([4, 9, 14, 1994].map((n) => formatNumber(n, 'upperRoman'))).toEqual(['IV', 'IX', 'XIV', 'MCMXCIV']);
    expect([1, 26, 27, 28].map((n) => formatNumber(n, 'lowerLetter'))).toEqual(['a', 'z', 'aa', 'bb']);
    expect(formatNumber(3, 'decimalZero')).toBe('03');
    expect(formatNumber(7, 'custom', '001, 002, 003, ...')).toBe('007');
    expect(formatNumber(3, 'none')).toBe('');
  });
});

describe('numbering labels', () => {
  it('turns a WPS heading numbered "%1、" into 一、 and restarts lower levels', () => {
    const numbering = `${abstractNum(0, [
      { fmt: 'chineseCounting', text: '%1、' },
      { fmt: 'chineseCounting', text: '（%2）' },
    ])}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const body = [p('总体要求', numPr(1)), p('工作目标', numPr(1, 1)), p('基本原则', numPr(1, 1)), p('主要任务', numPr(1)), p('重点工作', numPr(1, 1))].join('');
    expect(lines(makeDocx({ body, numbering }))).toEqual(['一、总体要求', '（一）工作目标', '（二）基本原则', '二、主要任务', '（一）重点工作']);
  });

  it('takes numbering from the paragraph style, with the level the abstract numbering links to the style', () => {
    const styles = `<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="H2"><w:name w:val="heading 2"/><w:basedOn w:val="H1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>`;
    const numbering = `${abstractNum(5, [
      { fmt: 'chineseCountingThousand', text: '%1、', style: 'H1' },
      { fmt: 'chineseCountingThousand', text: '（%2）', style: 'H2' },
    ])}<w:num w:numId="3"><w:abstractNumId w:val="5"/></w:num>`;
    const body = [p('总体要求', '<w:pStyle w:val="H1"/>'), p('目标', '<w:pStyle w:val="H2"/>'), p('正文。'), p('任务', '<w:pStyle w:val="H1"/>'), p('不编号', '<w:pStyle w:val="H1"/><w:numPr><w:numId w:val="0"/></w:numPr>')].join('');
    const doc = readDocx(makeDocx({ body, styles, numbering })).doc;
    expect(doc.blocks.map((b) => paragraphText(b as Paragraph))).toEqual(['一、总体要求', '（一）目标', '正文。', '二、任务', '不编号']);
    expect(doc.blocks.map((b) => (b as Paragraph).role)).toEqual(['heading1', 'heading2', undefined, 'heading1', 'heading1']);
  });

  it('continues a list across nums of one abstract numbering, restarts on startOverride, and reads isLgl', () => {
    const numbering = `${abstractNum(0, [
      { fmt: 'upperRoman', text: '%1.' },
      { fmt: 'decimal', text: '%1.%2', isLgl: true },
    ])}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>`;
    const body = [p('a', numPr(1)), p('b', numPr(2)), p('c', numPr(2, 1)), p('d', numPr(3)), p('e', numPr(3))].join('');
    expect(lines(makeDocx({ body, numbering }))).toEqual(['I.\ta', 'II.\tb', '2.1\tc', 'VII.\td', 'VIII.\te']);
  });

  it('uses the custom format in mc:Choice and not its fallback', () => {
    const numbering = `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="01, 02, 03, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val="%1"/><w:suff w:val="space"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    expect(lines(makeDocx({ body: p('甲', numPr(1)), numbering }))).toEqual(['01 甲']);
  });
});

describe('document structure', () => {
  it('finds the main part through _rels/.rels wherever it lives', () => {
    expect(lines(makeDocx({ body: p('正文在别处'), mainPath: 'content/main.xml' }))).toEqual(['正文在别处']);
  });

  it('accepts tracked changes, keeps field results and unwraps content controls and hyperlinks', () => {
    const body = `<w:p><w:r><w:t>保留</w:t></w:r><w:del w:id="1"><w:r><w:delText>删除的</w:delText></w:r></w:del><w:ins w:id="2"><w:r><w:t>插入的</w:t></w:r></w:ins><w:moveFrom><w:r><w:t>移走</w:t></w:r></w:moveFrom></w:p>
      <w:p><w:r><w:t xml:space="preserve">第 </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> 页</w:t></w:r></w:p>
      <w:sdt><w:sdtPr><w:alias w:val="标题"/></w:sdtPr><w:sdtContent><w:p><w:hyperlink r:id="x"><w:r><w:t>控件中的文字</w:t></w:r></w:hyperlink></w:p></w:sdtContent></w:sdt>`;
    const r = readDocx(makeDocx({ body }));
    expect(r.doc.blocks.map((b) => paragraphText(b as Paragraph))).toEqual(['保留插入的', '第 3 页', '控件中的文字']);
    expect(r.losses).toContain('修订记录');
  });

  it('reads a text box once, from one branch of mc:AlternateContent, after its anchor paragraph', () => {
    const box = (t: string) => `<w:txbxContent><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:txbxContent>`;
    const body = `<w:p><w:r><w:t>锚点段落</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>${box('框中文字')}</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>${box('框中文字')}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>${p('下一段')}`;
    expect(lines(makeDocx({ body }))).toEqual(['锚点段落', '框中文字', '下一段']);
  });

  it('resolves formatting, alignment and indents through styles and defaults', () => {
    const styles = `<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="32"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:pPr><w:jc w:val="both"/><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="b"><w:name w:val="强调"/><w:basedOn w:val="a"/><w:rPr><w:b/></w:rPr></w:style>`;
    const body = [p('正文'), p('加粗样式', '<w:pStyle w:val="b"/>'), p('取消加粗', '<w:pStyle w:val="b"/>', '<w:b w:val="0"/>'), p('居中无缩进', '<w:jc w:val="center"/><w:ind w:firstLine="0"/>'), p('悬挂', '<w:ind w:left="640" w:hanging="640"/>')].join('');
    const blocks = readDocx(makeDocx({ body, styles })).doc.blocks as Paragraph[];
    expect(withoutSource(blocks[0]!)).toEqual({ type: 'paragraph', align: 'justify', indent: { firstLineChars: 2 }, runs: [{ text: '正文', size: 16 }] });
    expect(withoutSource(blocks[1]!).runs).toEqual([{ text: '加粗样式', bold: true, size: 16 }]);
    expect(withoutSource(blocks[2]!).runs).toEqual([{ text: '取消加粗', size: 16 }]);
    expect(blocks[3]).toMatchObject({ align: 'center' });
    expect(blocks[3]!.indent).toBeUndefined();
    expect(blocks[4]!.indent).toEqual({ firstLineChars: -2, leftChars: 2 });
  });

  it('reads Strict OOXML namespaces and XML parts that start with a BOM', () => {
    const strict = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
    const doc = `\uFEFF<?xml version="1.0" encoding="UTF-8"?><x:document xmlns:x="${strict}"><x:body><x:p><x:pPr><x:jc x:val="center"/></x:pPr><x:r><x:rPr><x:b/></x:rPr><x:t>严格格式</x:t></x:r></x:p></x:body></x:document>`;
    const bytes = zipSync({
      '_rels/.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="/word/document.xml"/></Relationships>`),
      'word/document.xml': strToU8(doc),
    });
    expect(readDocx(bytes).doc.blocks.map(withoutSource)).toEqual([{ type: 'paragraph', align: 'center', runs: [{ text: '严格格式', bold: true }] }]);
  });

  it('refuses a zip bomb whose parts are declared larger than the cap', () => {
    // 300 MB of one character in about 300 KB, declared honestly.
    const bytes = zipBomb(300, 300 * 1024 * 1024);
    expect(bytes.length).toBeLessThan(1024 * 1024);
    expect(() => readDocx(bytes, { name: '炸弹.docx' })).toThrow(/解压后超过 256 MB/);
  });

  it('names what a renamed file really is', () => {
    expect(() => readDocx(new Uint8Array(Buffer.from('%PDF-1.7 ...')), { name: '报告.docx' })).toThrow(/实际上是PDF 文件/);
    expect(() => readDocx(new Uint8Array(Buffer.from('一、总体要求')), { name: '报告.docx' })).toThrow(/不是有效的 Word 文档/);
    expect(() => readDocx(new Uint8Array(0), { name: '空.docx' })).toThrow(/空文件/);
  });
});

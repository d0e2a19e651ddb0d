/**
 * The element families of the .docx body (shared/docx/elements/), each read and then written
 * back by the faithful writer: what is read from a sample comes back as the same XML when the
 * user did not change it, and as the same values (read again) when the user did.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../../shared/docx/read';
import { ELEMENT_FAMILIES, ELEMENT_HANDLERS } from '../../../shared/docx/elements';
import { faithfulSave, sourceDocumentXml } from '../../../shared/docx/faithful/writeFaithful';
import { documentText, paragraphText, type Block, type Paragraph, type Run, type Table, type WgDocument } from '../../../shared/model/document';
import { DocumentSchema } from '../../../shared/model/schema';
import { proofreadDocument } from '../../../shared/proofread';
import { parseWgd, serializeWgd } from '../../../shared/model/wgd';
import { defaultTextLayout, documentToPlainText, plainTextLosses } from '../../../shared/text/plainText';
import { writeDocx } from '../../../shared/docx/write/writeDocx';
import { DEFAULT_EXPORT_FONTS } from '../../../shared/export/fonts';
import { fixtureBytes, fixtureNames } from '../../support/fixtures';
import { abstractNum, makeDocx, p, withoutSource } from '../../support/makeDocx';

const NS = 'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"';

/** A package whose body is `body`; the root also declares the DrawingML namespaces. */
function docx(body: string, numbering?: string): Uint8Array {
  const files = unzipSync(makeDocx({ body, numbering }));
  const xml = strFromU8(files['word/document.xml']!).replace('<w:document ', `<w:document ${NS} `);
  return makeDocx({ body: '', numbering, extra: { 'word/document.xml': xml } });
}

const bodyOf = (bytes: Uint8Array) => /<w:body>([\s\S]*)<\/w:body>/.exec(sourceDocumentXml(bytes)!.xml)?.[1] ?? '';
const paragraphs = (doc: WgDocument) => doc.blocks.filter((b): b is Paragraph => b.type === 'paragraph');

interface RoundTrip {
  read: WgDocument;
  /** document.xml's body as written after `edit`. */
  written: string;
  /** The written package read again. */
  reread: WgDocument;
}

/** Reads the sample, lets `edit` change the model, saves it faithfully and reads the result. */
function roundTrip(bytes: Uint8Array, edit: (doc: WgDocument) => void = () => {}): RoundTrip {
  const read = readDocx(bytes).doc;
  const doc = structuredClone(read);
  edit(doc);
  const saved = faithfulSave(doc, bytes)!.bytes;
  return { read, written: bodyOf(saved), reread: readDocx(saved).doc };
}

/** Appends text to the paragraph's last text run: its format and source stay. */
function typeAtEnd(para: Paragraph, text: string): void {
  const last = [...para.runs].reverse().find((r) => !r.object);
  if (last) last.text += text;
  else para.runs.push({ text });
}

/** The sample's paragraphs show `shown`; untouched, it is written back exactly as it was. */
function expectShownAndKept(body: string, shown: string[]): void {
  const { read, written } = roundTrip(docx(body));
  expect(paragraphs(read).map(paragraphText)).toEqual(shown);
  expect(written).toBe(body);
}

const formats = (runs: Run[]) => runs.map(({ text, src: _src, ...f }) => ({ text, ...f }));

describe('the dispatch', () => {
  it('gives every element name to exactly one family', () => {
    const names = Object.values(ELEMENT_FAMILIES).flatMap((f) => Object.keys(f));
    expect(new Set(names).size).toBe(names.length);
    expect(ELEMENT_HANDLERS.size).toBe(names.length);
  });
});

describe('runs and run properties', () => {
  const rPr = '<w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312" w:hint="eastAsia"/><w:b/><w:i/><w:strike/><w:color w:val="C00000"/><w:sz w:val="32"/><w:highlight w:val="yellow"/><w:u w:val="single"/><w:vertAlign w:val="superscript"/>';
  const sample = () => docx(p('格式', '', rPr) + p('另一段'));

  it('reads every property the model holds', () => {
    const run = paragraphs(readDocx(sample()).doc)[0]!.runs[0]!;
    expect(formats([run])).toEqual([{ text: '格式', bold: true, italic: true, underline: true, strike: true, vertAlign: 'superscript', size: 16, font: '仿宋_GB2312', fontLatin: 'Times New Roman', color: 'C00000', highlight: 'yellow' }]);
  });

  it('writes a run whose text was edited with its w:rPr exactly as read', () => {
    const { written, reread } = roundTrip(sample(), (d) => typeAtEnd(paragraphs(d)[0]!, '改'));
    expect(written).toContain(`<w:rPr>${rPr}</w:rPr><w:t xml:space="preserve">格式改</w:t>`);
    expect(formats(paragraphs(reread)[0]!.runs)).toEqual([{ ...formats(paragraphs(readDocx(sample()).doc)[0]!.runs)[0]!, text: '格式改' }]);
  });

  it('writes what the user changed over the w:rPr read, keeping the rest, and reads it back the same', () => {
    const { read, written, reread } = roundTrip(sample(), (d) => {
      const run = paragraphs(d)[0]!.runs[0]!;
      Object.assign(run, { bold: false, size: 22, font: '黑体', color: '0070C0', highlight: undefined, vertAlign: undefined });
    });
    expect(written).toContain('w:hint="eastAsia"');
    expect(written).toContain('w:ascii="Times New Roman"');
    const expected = { ...formats(paragraphs(read)[0]!.runs)[0]!, bold: undefined, size: 22, font: '黑体', color: '0070C0', highlight: undefined, vertAlign: undefined };
    expect(formats(paragraphs(reread)[0]!.runs)).toEqual([JSON.parse(JSON.stringify(expected))]);
  });

  it('gives a new run exactly the properties the model says', () => {
    const { reread } = roundTrip(sample(), (d) => paragraphs(d)[1]!.runs.push({ text: '新增', italic: true, size: 14, font: '楷体' }));
    expect(formats(paragraphs(reread)[1]!.runs)).toEqual([
      { text: '另一段' },
      { text: '新增', italic: true, size: 14, font: '楷体' },
    ]);
  });
});

describe('text, tabs and breaks', () => {
  it('reads tabs, line breaks, symbols and hyphens as characters, and writes them back as elements', () => {
    const body = '<w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t><w:noBreakHyphen/><w:sym w:font="SimSun" w:char="2605"/><w:cr/></w:r></w:p>';
    const { read, written, reread } = roundTrip(docx(body), (d) => typeAtEnd(paragraphs(d)[0]!, '&<丁>'));
    expect(paragraphText(paragraphs(read)[0]!)).toBe('甲\t乙\n丙-★\n');
    expect(written).toContain('<w:tab/>');
    expect(written).toContain('<w:br/>');
    expect(written).toContain('&amp;&lt;丁&gt;');
    expect(paragraphText(paragraphs(reread)[0]!)).toBe('甲\t乙\n丙-★\n&<丁>');
  });

  it('keeps a ruby’s base, not its reading', () => {
    const ruby = '<w:p><w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>かん</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>漢</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>';
    expectShownAndKept(ruby, ['漢']);
  });
});

describe('equations', () => {
  const M = 'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"';
  const mr = (t: string) => `<m:r><m:rPr><m:sty m:val="p"/></m:rPr><w:rPr><w:rFonts w:ascii="Cambria Math" w:hAnsi="Cambria Math"/></w:rPr><m:t>${t}</m:t></m:r>`;
  // x = (a+b)² with a superscript, as Word writes it: m:t pieces in a structure.
  const oMath = `<m:oMath ${M}>${mr('x=')}<m:sSup><m:sSupPr><m:ctrlPr><w:rPr><w:i/></w:rPr></m:ctrlPr></m:sSupPr><m:e>${mr('a+b')}</m:e><m:sup>${mr('2')}</m:sup></m:sSup></m:oMath>`;
  const inline = `<w:p><w:r><w:t>由</w:t></w:r>${oMath}<w:r><w:t>可知</w:t></w:r></w:p>`;
  const display = `<w:p><m:oMathPara ${M}><m:oMathParaPr><m:jc m:val="center"/></m:oMathParaPr><m:oMath>${mr('E=m')}</m:oMath><m:oMath>${mr('c&lt;d')}</m:oMath></m:oMathPara></w:p>`;
  const equations = (doc: WgDocument) => paragraphs(doc).flatMap((para) => para.runs.filter((r) => r.object?.kind === 'equation'));

  it('reads an m:oMath as one object pointing at it, its linear text as label and as text; untouched, written back as it was', () => {
    const bytes = docx(inline);
    const xml = sourceDocumentXml(bytes)!.xml;
    const [eq] = equations(readDocx(bytes).doc);
    expect(eq).toMatchObject({ text: 'x=a+b2', object: { kind: 'equation', label: 'x=a+b2' } });
    expect(xml.startsWith('<m:oMath ', eq!.object!.at)).toBe(true);
    expectShownAndKept(inline, ['由x=a+b2可知']);
  });

  it('reads an m:oMathPara holding two m:oMath as one object, entities decoded', () => {
    const [eq, ...more] = equations(readDocx(docx(display)).doc);
    expect(more).toEqual([]);
    expect(eq).toMatchObject({ text: 'E=mc<d', object: { kind: 'equation', label: 'E=mc<d' } });
    expect(sourceDocumentXml(docx(display))!.xml.startsWith('<m:oMathPara ', eq!.object!.at)).toBe(true);
    expectShownAndKept(display, ['E=mc<d']);
  });

  it('are written back byte for byte when text is typed beside them, with nothing named as lost', () => {
    for (const [body, equation] of [
      [inline, oMath],
      [display, display.slice('<w:p>'.length, -'</w:p>'.length)],
    ] as const) {
      const bytes = docx(p('前一段') + body);
      const doc = readDocx(bytes).doc;
      const para = paragraphs(doc)[1]!;
      para.runs.push({ text: '改' });
      para.runs.unshift({ text: '新' });
      const saved = faithfulSave(doc, bytes)!;
      expect(saved.losses).toEqual([]);
      const written = bodyOf(saved.bytes);
      expect(written).toContain(equation);
      // Where runs go, not inside one.
      expect(written).not.toMatch(/<w:r>(?:(?!<\/w:r>).)*<m:oMath/);
      const reread = readDocx(saved.bytes).doc;
      expect(paragraphText(paragraphs(reread)[1]!)).toBe(`新${paragraphText(paragraphs(readDocx(bytes).doc)[1]!)}改`);
      expect(equations(reread).map((r) => r.object!.label)).toEqual(equations(readDocx(bytes).doc).map((r) => r.object!.label));
    }
  });

  it('are deleted with their chip: the paragraph is written without them, and that is not a loss', () => {
    const bytes = docx(inline);
    const doc = readDocx(bytes).doc;
    const para = paragraphs(doc)[0]!;
    para.runs = para.runs.filter((r) => !r.object);
    const saved = faithfulSave(doc, bytes)!;
    expect(saved.losses).toEqual([]);
    expect(bodyOf(saved.bytes)).not.toContain('oMath');
    expect(paragraphText(paragraphs(readDocx(saved.bytes).doc)[0]!)).toBe('由可知');
  });

  it('move with their paragraph and, copied into another paragraph, are written there too', () => {
    const bytes = docx(p('第一段') + inline);
    const { written } = roundTrip(bytes, (d) => {
      const eq = paragraphs(d)[1]!.runs.find((r) => r.object)!;
      paragraphs(d)[0]!.runs.push(structuredClone(eq));
    });
    expect(written.split(oMath)).toHaveLength(3);
  });

  it('one that is not from this document.xml (pasted from another) is written as its text', () => {
    const { written, reread } = roundTrip(docx(p('第一段')), (d) => paragraphs(d)[0]!.runs.push({ text: 'y=2', object: { kind: 'equation', at: 3, label: 'y=2' } }));
    expect(written).not.toContain('oMath');
    expect(paragraphText(paragraphs(reread)[0]!)).toBe('第一段y=2');
  });

  it('an equation in a field’s instructions is not shown, and one dropped that way is named', () => {
    const body = `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>EQ </w:instrText></w:r>${oMath}<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>结果</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`;
    const bytes = docx(body);
    const doc = readDocx(bytes).doc;
    expect(equations(doc)).toEqual([]);
    typeAtEnd(paragraphs(doc)[0]!, '改');
    expect(faithfulSave(doc, bytes)!.losses).toContain('第 1 段中的 1 个公式');
  });

  it('are in the text of a .txt save, of the Word export and of the model (counts, outline, 校对)', async () => {
    const doc = readDocx(docx(inline)).doc;
    expect(documentText(doc)).toBe('由x=a+b2可知');
    expect(documentToPlainText(doc, defaultTextLayout('\n'))).toBe('由x=a+b2可知\n');
    expect(plainTextLosses(doc)).toEqual(['公式的版式（公式按文字保存）']);
    for (const template of ['plain', 'gbt9704'] as const) {
      const exported = await writeDocx(doc, { template, fonts: { ...DEFAULT_EXPORT_FONTS }, author: '', heading3Bold: true, normalizeDates: true });
      expect(paragraphs(readDocx(exported).doc).map(paragraphText)).toContain('由x=a+b2可知');
    }
  });

  it('are not proofread: a finding in one could not be fixed in its read-only chip', () => {
    const runs = (equation: boolean): Run[] => [{ text: '我们' }, equation ? { text: '的的', object: { kind: 'equation', label: '的的' } } : { text: '的的' }, { text: '工作。' }];
    const check = (equation: boolean) => proofreadDocument({ meta: {}, blocks: [{ type: 'paragraph', runs: runs(equation) }] }).map((f) => f.text);
    expect(check(false)).toContain('的的');
    expect(check(true)).not.toContain('的的');
  });

  it('survive a .wgd round trip, and the .docx saved from it keeps them', () => {
    const bytes = docx(inline);
    const read = readDocx(bytes).doc;
    const wgd = parseWgd(serializeWgd(read), 'a.wgd');
    expect(wgd.doc).toEqual(read);
    typeAtEnd(paragraphs(wgd.doc)[0]!, '改');
    expect(bodyOf(faithfulSave(wgd.doc, bytes)!.bytes)).toContain(oMath);
    // Written as format version 3; a version 2 file (no equations) still opens as it did.
    expect(serializeWgd(read)).toContain('"version":3');
    const v2 = serializeWgd(readDocx(docx(p('旧文件'))).doc).replace('"version":3', '"version":2');
    expect(paragraphs(parseWgd(v2, 'old.wgd').doc).map(paragraphText)).toEqual(['旧文件']);
  });

  it('the .wgd schema takes an equation’s long linear text but not a long label on another object', () => {
    const long = 'x'.repeat(200);
    const doc = (run: Run): WgDocument => ({ meta: {}, blocks: [{ type: 'paragraph', runs: [run] }] });
    expect(DocumentSchema.safeParse(doc({ text: long, object: { kind: 'equation', label: long } })).success).toBe(true);
    expect(DocumentSchema.safeParse(doc({ text: '', object: { kind: 'drawing', label: long } })).success).toBe(false);
    expect(DocumentSchema.safeParse(doc({ text: 'y', object: { kind: 'equation', label: long } })).success).toBe(false);
  });
});

describe('paragraphs and paragraph properties', () => {
  const pPr = '<w:pStyle w:val="a"/><w:spacing w:line="579" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/>';

  it('keeps the w:pPr as read when only the text changed', () => {
    const { written } = roundTrip(docx(p('正文', pPr)), (d) => typeAtEnd(paragraphs(d)[0]!, '改'));
    expect(written).toContain(`<w:pPr>${pPr}</w:pPr>`);
  });

  it('writes changed alignment, indents and heading level over it, and reads them back the same', () => {
    const { read, written, reread } = roundTrip(docx(p('正文', pPr)), (d) => Object.assign(paragraphs(d)[0]!, { align: 'center', indent: { leftChars: 2, rightChars: 1 }, role: 'heading2' }));
    expect(paragraphs(read)[0]).toMatchObject({ align: 'justify', indent: { firstLineChars: 2 } });
    expect(written).toContain('<w:spacing w:line="579" w:lineRule="exact"/>');
    expect(withoutSource(paragraphs(reread)[0]!)).toEqual({ type: 'paragraph', runs: [{ text: '正文' }], role: 'heading2', align: 'center', indent: { leftChars: 2, rightChars: 1 } });
  });
});

describe('numbering labels and typed indents (the start of a paragraph)', () => {
  const numbering = `${abstractNum(1, [{ fmt: 'chineseCounting', text: '%1、' }])}<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>`;
  const numPr = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>';

  it('shows Word’s label in the text and writes the paragraph without it, still numbered by Word', () => {
    const { read, written, reread } = roundTrip(docx(p('总体要求', numPr) + p('主要任务', numPr), numbering), (d) => typeAtEnd(paragraphs(d)[1]!, '和措施'));
    expect(paragraphs(read).map(paragraphText)).toEqual(['一、总体要求', '二、主要任务']);
    expect(written).toMatch(new RegExp(`<w:pPr>${numPr}</w:pPr><w:r>(<w:rPr>.*?</w:rPr>)?<w:t xml:space="preserve">主要任务和措施</w:t>`));
    expect(written).not.toContain('二、');
    expect(paragraphs(reread).map(paragraphText)).toEqual(['一、总体要求', '二、主要任务和措施']);
  });

  it('writes a paragraph numbered through its style without the label too', () => {
    const styles = `<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/><w:pPr>${numPr}<w:outlineLvl w:val="0"/></w:pPr></w:style>`;
    const body = p('总体要求', '<w:pStyle w:val="H1"/>') + p('主要任务', '<w:pStyle w:val="H1"/>');
    const bytes = makeDocx({ body, numbering, styles });
    const { written, reread } = roundTrip(bytes, (d) => typeAtEnd(paragraphs(d)[1]!, '和措施'));
    expect(written).not.toContain('二、');
    expect(paragraphs(reread).map(paragraphText)).toEqual(['一、总体要求', '二、主要任务和措施']);
  });

  it('reads full-width spaces typed in front as a first-line indent and writes them back', () => {
    const { read, written, reread } = roundTrip(docx(p('\u3000\u3000正文')), (d) => typeAtEnd(paragraphs(d)[0]!, '改'));
    expect(withoutSource(paragraphs(read)[0]!)).toMatchObject({ runs: [{ text: '正文' }], indent: { firstLineChars: 2 } });
    expect(written).toContain('\u3000\u3000正文改');
    expect(withoutSource(paragraphs(reread)[0]!)).toMatchObject({ runs: [{ text: '正文改' }], indent: { firstLineChars: 2 } });
  });
});

describe('inline objects', () => {
  const picture = '<w:drawing><wp:inline><wp:extent cx="1270000" cy="635000"/><a:graphic><a:graphicData><pic:pic><a:blip r:embed="rId9"/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>';
  const body = `<w:p><w:r><w:t>图前</w:t></w:r><w:r><w:rPr><w:b/></w:rPr>${picture}</w:r><w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:br w:type="page"/></w:r><w:r><w:t>图后</w:t></w:r></w:p>`;

  it('are read as objects pointing at their XML, and an edited paragraph writes that XML back', () => {
    const { read, written, reread } = roundTrip(docx(body), (d) => typeAtEnd(paragraphs(d)[0]!, '改'));
    const objects = (doc: WgDocument) => paragraphs(doc)[0]!.runs.filter((r) => r.object).map((r) => ({ ...r.object, at: undefined, bold: r.bold }));
    expect(objects(read)).toEqual([
      { kind: 'picture', rel: 'rId9', width: 100, height: 50, at: undefined, bold: true },
      { kind: 'footnote', label: '1', at: undefined, bold: undefined },
      { kind: 'pageBreak', at: undefined, bold: undefined },
    ]);
    expect(written).toContain(`<w:r><w:rPr><w:b/></w:rPr>${picture}</w:r>`);
    expect(written).toContain('<w:footnoteReference w:id="1"/></w:r>');
    expect(objects(reread)).toEqual(objects(read));
    expect(paragraphText(paragraphs(reread)[0]!)).toBe(`${paragraphText(paragraphs(read)[0]!)}改`);
  });

  it('makes a page break anew where it did not come from this document', () => {
    const { written, reread } = roundTrip(docx(p('甲')), (d) => paragraphs(d)[0]!.runs.push({ text: '', object: { kind: 'pageBreak' } }));
    expect(written).toContain('<w:br w:type="page"/>');
    expect(paragraphs(reread)[0]!.runs.map((r) => r.object?.kind ?? r.text)).toEqual(['甲', 'pageBreak']);
  });
});

describe('tables, rows, cells and merges', () => {
  const tc = (tcPr: string, text: string) => `<w:tc><w:tcPr>${tcPr}</w:tcPr>${p(text)}</w:tc>`;
  const shade = '<w:shd w:val="clear" w:color="auto" w:fill="D9E2F3"/>';
  const body =
    '<w:tbl><w:tblPr><w:tblW w:w="6000" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid>' +
    `<w:tr><w:trPr><w:tblHeader/></w:trPr>${tc(shade, '甲')}${tc('<w:gridSpan w:val="2"/>', '乙')}</w:tr>` +
    `<w:tr>${tc('<w:vMerge w:val="restart"/>', '丙')}${tc('', '丁')}${tc('', '戊')}</w:tr>` +
    `<w:tr><w:trPr><w:trHeight w:val="400"/></w:trPr>${tc('<w:vMerge/>', '')}${tc('<w:hMerge w:val="restart"/>', '己')}${tc('<w:hMerge/>', '')}</w:tr></w:tbl>`;
  const shape = (doc: WgDocument) => (doc.blocks.find((b) => b.type === 'table') as Table).rows.map((r) => ({ header: r.header, cells: r.cells.map((c) => [c.paragraphs.map(paragraphText).join('/'), c.colSpan ?? 1, c.rowSpan ?? 1]) }));

  it('reads header rows, column spans and vertical merges', () => {
    expect(shape(readDocx(docx(body)).doc)).toEqual([
      { header: true, cells: [['甲', 1, 1], ['乙', 2, 1]] },
      { header: undefined, cells: [['丙', 1, 2], ['丁', 1, 1], ['戊', 1, 1]] },
      { header: undefined, cells: [['己', 2, 1]] },
    ]);
  });

  it('writes an edited table with its row and cell properties and merges, and reads it back the same', () => {
    const { read, written, reread } = roundTrip(docx(body), (d) => typeAtEnd((d.blocks[0] as Table).rows[1]!.cells[1]!.paragraphs[0]!, '改'));
    expect(written).toContain('<w:tblPr><w:tblW w:w="6000" w:type="dxa"/></w:tblPr>');
    expect(written).toContain(`<w:tcPr>${shade}</w:tcPr>`);
    expect(written).toContain('<w:trPr><w:trHeight w:val="400"/></w:trPr>');
    expect(written).toContain('<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>');
    const expected = shape(read);
    expected[1]!.cells[1]![0] = '丁改';
    expect(shape(reread)).toEqual(expected);
  });

  it('writes a header row the user changed into a plain row', () => {
    const { written, reread } = roundTrip(docx(body), (d) => delete (d.blocks[0] as Table).rows[0]!.header);
    expect(written).not.toContain('tblHeader');
    expect(shape(reread)[0]!.header).toBeUndefined();
  });

  it('turns a table in a cell into lines of text', () => {
    const inner = `<w:tbl><w:tr>${tc('', '内1')}${tc('', '内2')}</w:tr></w:tbl>`;
    const doc = readDocx(docx(`<w:tbl><w:tr><w:tc>${p('外')}${inner}<w:p/></w:tc></w:tr></w:tbl>`)).doc;
    expect(shape(doc)[0]!.cells[0]![0]).toBe('外/内1\t内2/');
  });
});

describe('tracked changes', () => {
  const body =
    '<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr><w:r><w:t>前半</w:t></w:r><w:ins w:id="2" w:author="a"><w:r><w:t>插入</w:t></w:r></w:ins><w:del w:id="3" w:author="a"><w:r><w:delText>删除</w:delText></w:r></w:del></w:p>' +
    '<w:p><w:r><w:t>后半</w:t></w:r><w:moveFrom w:id="4" w:author="a"><w:r><w:t>移走</w:t></w:r></w:moveFrom><w:moveTo w:id="5" w:author="a"><w:r><w:t>移来</w:t></w:r></w:moveTo></w:p>' +
    '<w:p><w:r><w:t>第三段</w:t></w:r></w:p>';

  it('are read accepted, a deleted paragraph mark joining two paragraphs; untouched, they are written back with their revisions', () => {
    expectShownAndKept(body, ['前半插入后半移来', '第三段']);
  });

  it('are written accepted when the paragraph was edited, the deleted mark too, and read back the same', () => {
    const { written, reread } = roundTrip(docx(body), (d) => typeAtEnd(paragraphs(d)[0]!, '改'));
    expect(written).not.toMatch(/w:del\b|w:ins\b|moveFrom|moveTo/);
    expect(paragraphs(reread).map(paragraphText)).toEqual(['前半插入后半移来改', '第三段']);
  });
});

describe('fields, hyperlinks, bookmarks, content controls, smart tags and custom XML', () => {
  const body =
    '<w:p><w:bookmarkStart w:id="0" w:name="b"/><w:r><w:t>第</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:bookmarkEnd w:id="0"/>' +
    '<w:hyperlink r:id="rId5"><w:r><w:t>页</w:t></w:r></w:hyperlink><w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>9</w:t></w:r></w:fldSimple>' +
    '<w:smartTag w:uri="u" w:element="e"><w:smartTagPr/><w:r><w:t>标</w:t></w:r></w:smartTag><w:customXml w:element="c"><w:customXmlPr/><w:r><w:t>签</w:t></w:r></w:customXml></w:p>' +
    '<w:sdt><w:sdtPr><w:alias w:val="标题"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>控件内</w:t></w:r></w:p></w:sdtContent></w:sdt>';

  it('show field results and wrapped text, not instructions or properties; untouched, they are written back as they were', () => {
    expectShownAndKept(body, ['第3页9标签', '控件内']);
  });

  it('keep the text they showed when their paragraph is edited', () => {
    const { reread } = roundTrip(docx(body), (d) => paragraphs(d).forEach((para) => typeAtEnd(para, '改')));
    expect(paragraphs(reread).map(paragraphText)).toEqual(['第3页9标签改', '控件内改']);
  });
});

describe('text boxes and alternate content', () => {
  const box = (text: string) => `<w:txbxContent>${p(text)}</w:txbxContent>`;
  const body =
    `<w:p><w:r><w:t>锚</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>${box('框内')}</wps:txbx></w:drawing></mc:Choice>` +
    `<mc:Fallback><w:pict><v:shape><v:textbox>${box('框内')}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>${p('其后')}`;

  it('read one branch once, the box’s paragraphs after their anchor; untouched, written back whole', () => {
    expectShownAndKept(body, ['锚', '框内', '其后']);
  });

  it('keep their paragraphs in order when the anchor is edited', () => {
    const { reread } = roundTrip(docx(body), (d) => typeAtEnd(paragraphs(d)[0]!, '改'));
    expect(paragraphs(reread).map(paragraphText)).toEqual(['锚改', '框内', '其后']);
  });
});

describe('sections', () => {
  const sectPr = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588"/></w:sectPr>';
  const body = `${p('第一节末', sectPr)}${p('第二节')}<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr>`;

  it('keep a paragraph’s section break when its text is edited, and the final section properties', () => {
    const { written } = roundTrip(docx(body), (d) => typeAtEnd(paragraphs(d)[0]!, '改'));
    expect(written).toContain(`<w:pPr>${sectPr}</w:pPr>`);
    expect(written).toMatch(/<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/><\/w:sectPr>$/);
  });

  it('keep the section break of a deleted paragraph, and put it on the last piece of a split one', () => {
    expect(roundTrip(docx(body), (d) => d.blocks.splice(0, 1)).written).toContain(`<w:p><w:pPr>${sectPr}</w:pPr></w:p>`);
    const split = roundTrip(docx(body), (d) => {
      const first = paragraphs(d)[0]!;
      d.blocks.splice(1, 0, { ...structuredClone(first), runs: [{ ...first.runs[0]!, text: '末' }] });
      first.runs[0]!.text = '第一节';
    }).written;
    expect(split.split(sectPr)).toHaveLength(2);
    expect(split.indexOf(sectPr)).toBeGreaterThan(split.indexOf('第一节</w:t>'));
    expect(split.indexOf(sectPr)).toBeLessThan(split.indexOf('末</w:t>'));
  });
});

describe('deleting the paragraph that ends a section', () => {
  // Section 1: portrait, 公文 margins; section 2: landscape. The first section ends at 第一节末.
  const sect1 = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588"/></w:sectPr>';
  const final = '<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr>';
  const body = `${p('第一节开头')}${p('第一节末', sect1)}${p('第二节')}${final}`;
  /** Each paragraph's text with the section it ends ('1' for sect1), and the body's own last section. */
  const sections = (written: string) => [...written.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => `${m[1]!.replace(/<[^>]+>/g, '')}${m[1]!.includes(sect1) ? '|1' : ''}`);

  it('merged into the paragraph before it (Backspace at its start): the merged paragraph carries the break, no empty paragraph is left', () => {
    const { written, reread } = roundTrip(docx(body), (d) => {
      const [before, end] = paragraphs(d);
      before!.runs.push(...end!.runs);
      d.blocks.splice(1, 1);
    });
    expect(sections(written)).toEqual(['第一节开头第一节末|1', '第二节']);
    expect(written.endsWith(final)).toBe(true);
    expect(paragraphs(reread).map(paragraphText)).toEqual(['第一节开头第一节末', '第二节']);
  });

  it('deleted whole: the paragraph before it, untouched otherwise, now ends the section', () => {
    const { written } = roundTrip(docx(body), (d) => d.blocks.splice(1, 1));
    expect(sections(written)).toEqual(['第一节开头|1', '第二节']);
    expect(written).toContain(`<w:p><w:pPr>${sect1}</w:pPr><w:r><w:t xml:space="preserve">第一节开头</w:t></w:r></w:p>`);
  });

  it('merged with the next section’s first paragraph (Delete at its end): the break stays under it, as the editor shows', () => {
    const { written } = roundTrip(docx(body), (d) => {
      const [, end, next] = paragraphs(d);
      end!.runs.push(...next!.runs);
      d.blocks.splice(2, 1);
    });
    expect(sections(written)).toEqual(['第一节开头', '第一节末第二节|1']);
  });

  it('with nothing of its section left before it, or a new paragraph after that, keeps its break in an empty paragraph', () => {
    expect(sections(roundTrip(docx(body), (d) => d.blocks.splice(0, 2)).written)).toEqual(['|1', '第二节']);
    const typed = roundTrip(docx(body), (d) => d.blocks.splice(1, 1, { type: 'paragraph', runs: [{ text: '新段' }] })).written;
    expect(sections(typed)).toEqual(['第一节开头', '新段', '|1', '第二节']);
    // A text box's anchor before it (one w:p giving several blocks) is written whole, as it was.
    const anchor = `<w:p><w:r><w:t>锚</w:t></w:r><w:r><w:pict><v:shape><v:textbox><w:txbxContent>${p('框内')}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>`;
    const boxed = roundTrip(docx(`${anchor}${p('第一节末', sect1)}${p('第二节')}${final}`), (d) => d.blocks.splice(2, 1)).written;
    expect(boxed).toContain(`${anchor}<w:p><w:pPr>${sect1}</w:pPr></w:p>`);
  });
});

describe('body-level pieces', () => {
  const sdt = `<w:sdt><w:sdtPr><w:alias w:val="正文"/></w:sdtPr><w:sdtContent>${p('控件一')}${p('控件二')}</w:sdtContent></w:sdt>`;
  const body = `${p('开头')}<w:bookmarkStart w:id="0" w:name="b"/>${sdt}<w:bookmarkEnd w:id="0"/>${p('结尾')}`;

  it('point each block at the piece it came from, several blocks at one content control', () => {
    const [first, one, two] = readDocx(docx(body)).doc.blocks;
    expect([one!.source!.part, one!.source!.parts, two!.source!.part, two!.source!.parts]).toEqual([0, 2, 1, 2]);
    expect(one!.source!.at).toBe(two!.source!.at);
    expect(first!.source!.parts).toBeUndefined();
  });

  it('are written back whole while all their blocks are there, in order and unchanged; other pieces go with the block after them', () => {
    const { written } = roundTrip(docx(body), (d) => d.blocks.push(...d.blocks.splice(0, 1)));
    expect(written).toBe(`<w:bookmarkStart w:id="0" w:name="b"/>${sdt}<w:bookmarkEnd w:id="0"/>${p('结尾')}${p('开头')}`);
  });

  it('give up a piece whose blocks were partly deleted: the rest is written as paragraphs, the bookmarks stay', () => {
    const { written, reread } = roundTrip(docx(body), (d) => d.blocks.splice(2, 1));
    expect(written).not.toContain('w:sdt');
    expect(written).toContain('<w:bookmarkStart w:id="0" w:name="b"/>');
    expect(paragraphs(reread).map(paragraphText)).toEqual(['开头', '控件一', '结尾']);
  });
});

describe('every fixture', () => {
  // Left out: the refused ones and the two large ones (the same families, slower).
  const names = fixtureNames('docx').filter((n) => /\.docx$/.test(n) && !/^(bad_|perf_)/.test(n));

  it.each(names)('%s: with every paragraph edited, reads back with the same text, formats, roles, indents and objects', (name) => {
    // Typing into a paragraph of spaces alone would make them a typed indent: those are left alone.
    const { read, reread } = roundTrip(fixtureBytes('docx', name), (d) => allParagraphs(d.blocks).forEach((para) => paragraphText(para).trim() && typeAtEnd(para, '改')));
    // What was typed, taken out again: a run typed after a label alone is the label's format, but a run of its own.
    const runs = (para: Paragraph) => formats(para.runs).map((r) => ({ ...r, text: r.text.replace(/改$/, ''), object: r.object && { ...r.object, at: undefined } })).filter((r) => r.text || r.object);
    const view = (blocks: Block[]) => allParagraphs(blocks).map((para) => ({ role: para.role, align: para.align, indent: para.indent, runs: runs(para) }));
    expect(view(reread.blocks)).toEqual(view(read.blocks));
  });
});

function allParagraphs(blocks: Block[]): Paragraph[] {
  return blocks.flatMap((b) => (b.type === 'paragraph' ? [b] : b.rows.flatMap((r) => r.cells.flatMap((c) => c.paragraphs))));
}

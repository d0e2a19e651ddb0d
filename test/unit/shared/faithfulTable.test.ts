/**
 * An edited table keeps its rows' and cells' properties (w:trPr, w:tcPr: widths, heights,
 * shading, borders, merges) for the rows and cells that still exist (issue #11).
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../../shared/docx/read';
import { faithfulSave } from '../../../shared/docx/faithful/writeFaithful';
import { bodyLayout, childElements, childNamed, localName, type Element } from '../../../shared/docx/faithful/xmlSlice';
import type { Paragraph, Table, WgDocument } from '../../../shared/model/document';
import { fixtureBytes } from '../../support/fixtures';
import { makeDocx, p } from '../../support/makeDocx';

const tc = (tcPr: string, text: string) => `<w:tc><w:tcPr>${tcPr}</w:tcPr>${text === '' ? '<w:p/>' : p(text)}</w:tc>`;
const W = (w: number) => `<w:tcW w:w="${w}" w:type="dxa"/>`;
const SHADE = '<w:shd w:val="clear" w:color="auto" w:fill="D9E2F3"/>';

/** A 3×3 table: a header row, a cell merged down two rows, a cell spanning two columns, widths and shading. */
function tableDocx(): Uint8Array {
  const rows = [
    `<w:tr><w:trPr><w:trHeight w:val="567" w:hRule="exact"/><w:tblHeader/></w:trPr>${tc(W(1000) + SHADE, '项目')}${tc(W(3000) + SHADE, '内容')}${tc(W(2000) + SHADE, '备注')}</w:tr>`,
    `<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="400"/></w:trPr>${tc(W(1000) + '<w:vMerge w:val="restart"/><w:vAlign w:val="center"/>', '合并')}${tc(W(3000), '第一行内容')}${tc(W(2000) + '<w:tcBorders><w:top w:val="double" w:sz="4" w:space="0" w:color="auto"/></w:tcBorders>', '甲')}</w:tr>`,
    `<w:tr><w:trPr><w:trHeight w:val="401"/></w:trPr>${tc(W(1000) + '<w:vMerge/><w:shd w:val="clear" w:color="auto" w:fill="FFF2CC"/>', '')}${tc(W(5000) + '<w:gridSpan w:val="2"/>' + SHADE, '跨两列')}</w:tr>`,
  ];
  const tbl = `<w:tbl><w:tblPr><w:tblW w:w="6000" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="1000"/><w:gridCol w:w="3000"/><w:gridCol w:w="2000"/></w:tblGrid>${rows.join('')}</w:tbl>`;
  return makeDocx({ body: `${p('表前')}${tbl}${p('表后')}` });
}

const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']!);

/** Each row's trPr and each cell's tcPr, as text. */
function properties(xml: string): { rows: string[]; cells: string[][] } {
  const layout = bodyLayout(xml)!;
  const tbl = layout.children.find((c) => localName(c.name) === 'tbl')!;
  const slice = (el: Element | null) => (el ? xml.slice(el.start, el.end) : '');
  const trs = childElements(xml, tbl).filter((c) => localName(c.name) === 'tr');
  return {
    rows: trs.map((tr) => slice(childNamed(xml, tr, 'trPr'))),
    cells: trs.map((tr) => childElements(xml, tr).filter((c) => localName(c.name) === 'tc').map((c) => slice(childNamed(xml, c, 'tcPr')))),
  };
}

const tableOf = (doc: WgDocument) => doc.blocks.find((b): b is Table => b.type === 'table')!;

describe('an edited table', () => {
  it('keeps every row’s and cell’s properties when a cell’s text is edited', () => {
    const bytes = tableDocx();
    const doc = readDocx(bytes).doc;
    const table = tableOf(doc);
    (table.rows[1]!.cells[1]!.paragraphs[0] as Paragraph).runs.push({ text: '（已改）' });
    const saved = faithfulSave(doc, bytes)!;
    const out = documentXml(saved.bytes);
    expect(out.replace(/<[^>]+>/g, '')).toContain('第一行内容（已改）');
    expect(properties(out)).toEqual(properties(documentXml(bytes)));
  });

  it('keeps the properties of the rows and cells that remain when a row is deleted, and fixes the merges', () => {
    const bytes = tableDocx();
    const before = properties(documentXml(bytes));
    const doc = readDocx(bytes).doc;
    const table = tableOf(doc);
    // Delete the middle row: the merged cell now spans one row (no merge left).
    table.rows.splice(1, 1);
    const out = documentXml(faithfulSave(doc, bytes)!.bytes);
    const after = properties(out);
    expect(after.rows).toEqual([before.rows[0], before.rows[2]]);
    expect(after.cells[0]).toEqual(before.cells[0]);
    // The third row's first cell was a vMerge continuation, not a cell of the model: it is gone
    // with the merge; the spanning cell keeps its width, span and shading.
    expect(after.cells[1]).toEqual([before.cells[2]![1]]);
  });

  it('keeps a real document’s table properties when one of its cells is edited', () => {
    const bytes = fixtureBytes('docx', 'zh_wps_small_table.docx');
    const doc = readDocx(bytes).doc;
    const table = tableOf(doc);
    (table.rows[0]!.cells[0]!.paragraphs[0] as Paragraph).runs.push({ text: '改' });
    const out = documentXml(faithfulSave(doc, bytes)!.bytes);
    expect(out.replace(/<[^>]+>/g, '')).toContain('我是表格1改');
    expect(properties(out)).toEqual(properties(documentXml(bytes)));
  });
});

/**
 * A paragraph anchoring a text box (issue #11): the drawing is shown as a 文本框 mark, kept as an
 * inline object, so typing into the paragraph saves without a question and writes the text box
 * back once, as it was; typing into the text box's own paragraphs (shown after it) is named
 * before writing, since the box is written as read; deleting the mark keeps the box's text as
 * paragraphs. Also on a real WPS document with text boxes.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { faithfulSave } from '../../../shared/docx/faithful/writeFaithful';
import { readDocx } from '../../../shared/docx/read';
import { paragraphText, type Paragraph, type WgDocument } from '../../../shared/model/document';
import { fixtureBytes } from '../../support/fixtures';
import { makeDocx, p } from '../../support/makeDocx';

const box = (t: string) => `<w:txbxContent><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:txbxContent>`;
const ANCHOR =
  `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>锚点段落</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>${box('框中文字')}</wps:txbx></wps:wsp></w:drawing></mc:Choice>` +
  `<mc:Fallback><w:pict><v:shape style="width:120pt;height:40pt"><v:textbox>${box('框中文字')}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;

const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']!);
const count = (s: string, sub: string) => s.split(sub).length - 1;

function open(bytes: Uint8Array): WgDocument {
  return readDocx(bytes).doc;
}

/** Types `text` at the end of the paragraph's last text run. */
function typeInto(par: Paragraph, text: string): void {
  const run = [...par.runs].reverse().find((r) => !r.object)!;
  run.text += text;
}

describe('a paragraph with a text box', () => {
  const bytes = makeDocx({ body: `${p('前一段')}${ANCHOR}${p('下一段')}` });

  it('shows the text box as a 文本框 mark in its paragraph, its text after it', () => {
    const blocks = open(bytes).blocks as Paragraph[];
    expect(blocks.map(paragraphText)).toEqual(['前一段', '锚点段落', '框中文字', '下一段']);
    expect(blocks[1]!.runs.map((r) => r.object?.label ?? r.text)).toEqual(['锚点段落', '文本框']);
    // A mark, not a box the size of the shape: its text is shown as the paragraph after it.
    expect(blocks[1]!.runs[1]!.object!.width).toBeUndefined();
  });

  it('saves typing next to it without a question, writing the text box back once, as it was', () => {
    const doc = open(bytes);
    typeInto(doc.blocks[1] as Paragraph, '补充');
    const saved = faithfulSave(doc, bytes)!;
    expect(saved.losses).toEqual([]);
    const xml = documentXml(saved.bytes);
    expect(xml).toContain('锚点段落补充');
    expect(count(xml, '<mc:AlternateContent>')).toBe(1);
    expect(count(xml, '框中文字')).toBe(2); // the Choice and the Fallback, as in the file: not again as body text
    expect(xml).toContain(ANCHOR.slice(ANCHOR.indexOf('<mc:AlternateContent>'), ANCHOR.indexOf('</mc:AlternateContent>')));
    expect(readDocx(saved.bytes).doc.blocks.map((b) => paragraphText(b as Paragraph))).toEqual(['前一段', '锚点段落补充', '框中文字', '下一段']);
  });

  it('names an edit of the text box’s own text before writing, and writes the box as it was', () => {
    const doc = open(bytes);
    typeInto(doc.blocks[2] as Paragraph, '改');
    const saved = faithfulSave(doc, bytes)!;
    expect(saved.losses).toEqual(['第 3 段中的 1 处文本框中文字的修改（文本框按原样保存）']);
    const xml = documentXml(saved.bytes);
    expect(xml).not.toContain('框中文字改');
    expect(count(xml, '框中文字')).toBe(2);
  });

  it('keeps the text of a text box whose mark the user deleted, as paragraphs', () => {
    const doc = open(bytes);
    const anchor = doc.blocks[1] as Paragraph;
    anchor.runs = anchor.runs.filter((r) => !r.object);
    const saved = faithfulSave(doc, bytes)!;
    const xml = documentXml(saved.bytes);
    expect(xml).not.toContain('<mc:AlternateContent>');
    expect(readDocx(saved.bytes).doc.blocks.map((b) => paragraphText(b as Paragraph))).toEqual(['前一段', '锚点段落', '框中文字', '下一段']);
  });

  it('types into the anchors of a WPS document’s text boxes without a question, the boxes written once', () => {
    const wps = fixtureBytes('docx', 'zh_wps_std_guide_p6_txbx_sdt.docx');
    const before = documentXml(wps);
    const doc = open(wps);
    const anchors = (doc.blocks.filter((b) => b.type === 'paragraph') as Paragraph[]).filter((b) => b.runs.some((r) => r.object?.label === '文本框'));
    expect(anchors.length).toBeGreaterThan(0);
    for (const a of anchors) a.runs.push({ text: '补' });
    const saved = faithfulSave(doc, wps)!;
    expect(saved.losses).toEqual([]);
    const after = documentXml(saved.bytes);
    expect(count(after, 'txbxContent>')).toBe(count(before, 'txbxContent>'));
    expect(readDocx(saved.bytes).doc.blocks.map((b) => (b.type === 'paragraph' ? paragraphText(b).replace(/补$/, '') : ''))).toEqual(
      open(wps).blocks.map((b) => (b.type === 'paragraph' ? paragraphText(b) : '')),
    );
  });
});

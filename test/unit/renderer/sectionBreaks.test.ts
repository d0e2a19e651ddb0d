/**
 * Deleting the paragraph that ends a Word section, through the editor (issue #11): merged into the
 * paragraph before it with Backspace, or deleted with a selection, the save puts the section break
 * on the paragraph that now ends the section, as Word keeps the second paragraph's mark when two
 * merge. The document has two sections (portrait with 公文 margins, then landscape); python-docx
 * reads the saved sections back and LibreOffice lays the pages out.
 */
import { $blocks } from '../../../renderer/editor/blocks';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { $createRangeSelection, $isRangeSelection, $setSelection, type ElementNode, type TextNode } from 'lexical';
import { afterAll, describe, expect, it } from 'vitest';
import { readDocx } from '../../../shared/docx/read';
import { faithfulSave } from '../../../shared/docx/faithful/writeFaithful';
import { findSoffice, pdfFromDocx } from '../../../electron/services/pdfRenderers';
import { makeDocx, p } from '../../support/makeDocx';
import { TEST_FONTCONFIG, readPdf } from '../../support/pdf';
import { headlessEditor, load, read } from './editorHarness';

const PYTHON = process.env.WENGAO_PYTHON ?? '/usr/bin/python3';
const dir = mkdtempSync(path.join(os.tmpdir(), 'wengao-sections-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SECTION_1 = '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>';
const LAST = '<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>';
const source = makeDocx({ body: `${p('第一节开头')}${p('第一节末尾', SECTION_1)}${p('第二节横向')}${LAST}` });

/** python-docx's sections: orientation, top margin in mm, and the text of the paragraphs in each. */
function sectionsOf(bytes: Uint8Array): Array<{ landscape: boolean; topMm: number; text: string[] }> {
  const file = path.join(dir, `s-${Math.random().toString(36).slice(2)}.docx`);
  writeFileSync(file, bytes);
  const script = [
    'import docx, json, sys',
    'd = docx.Document(sys.argv[1])',
    'out, texts = [], []',
    'for p in d.paragraphs:',
    '    texts.append(p.text)',
    "    if p._p.pPr is not None and p._p.pPr.sectPr is not None:",
    '        out.append(texts); texts = []',
    'out.append(texts)',
    "print(json.dumps([{'landscape': s.orientation == 1 or s.page_width > s.page_height, 'topMm': round(s.top_margin.mm), 'text': t} for s, t in zip(d.sections, out)], ensure_ascii=False))",
  ].join('\n');
  return JSON.parse(execFileSync(PYTHON, ['-c', script, file], { encoding: 'utf8' }));
}

const EXPECTED = (first: string[]) => [
  { landscape: false, topMm: 37, text: first },
  { landscape: true, topMm: 20, text: ['第二节横向'] },
];

/** Edits the loaded document in the editor, then saves it over the source. */
function editAndSave(change: (paragraphs: ElementNode[]) => void): Uint8Array {
  const editor = headlessEditor();
  load(editor, readDocx(source).doc);
  editor.update(() => change($blocks() as ElementNode[]), { discrete: true });
  const saved = faithfulSave(read(editor), source)!;
  expect(saved.losses).toEqual([]);
  return saved.bytes;
}

describe('the paragraph that ends a section', () => {
  it('is read with the break on it', () => {
    expect(sectionsOf(source)).toEqual(EXPECTED(['第一节开头', '第一节末尾']));
  });

  it('merged into the paragraph before it with Backspace: the merged paragraph ends section 1, page size and margins stay', async () => {
    const bytes = editAndSave(([, end]) => {
      const sel = $createRangeSelection();
      const text = end!.getFirstChild() as TextNode;
      sel.anchor.set(text.getKey(), 0, 'text');
      sel.focus.set(text.getKey(), 0, 'text');
      $setSelection(sel);
      sel.deleteCharacter(true);
    });
    expect(sectionsOf(bytes)).toEqual(EXPECTED(['第一节开头第一节末尾']));
    // LibreOffice: a portrait page with section 1's text, then a landscape one with section 2's.
    const soffice = findSoffice();
    if (!soffice) throw new Error('LibreOffice (soffice) is not installed: .ci/run installs libreoffice-writer-nogui');
    const [pdf] = (await pdfFromDocx(soffice, [bytes], 120_000, { ...process.env, FONTCONFIG_FILE: TEST_FONTCONFIG })).map(readPdf);
    const pages = pdf!.pages.map((pg) => ({ landscape: pg.width > pg.height, text: pg.words.map((w) => w.text).join('') }));
    expect(pages).toEqual([
      { landscape: false, text: '第一节开头第一节末尾' },
      { landscape: true, text: '第二节横向' },
    ]);
  }, 150_000);

  it('deleted with a selection from the end of the paragraph before it: that paragraph ends section 1, no empty paragraph is added', () => {
    const bytes = editAndSave(([before, end]) => {
      const sel = $createRangeSelection();
      const a = before!.getFirstChild() as TextNode;
      const b = end!.getFirstChild() as TextNode;
      sel.anchor.set(a.getKey(), a.getTextContentSize(), 'text');
      sel.focus.set(b.getKey(), b.getTextContentSize(), 'text');
      $setSelection(sel);
      if ($isRangeSelection(sel)) sel.removeText();
    });
    expect(sectionsOf(bytes)).toEqual(EXPECTED(['第一节开头']));
  });

  it('deleted as a whole block: the paragraph before it ends section 1', () => {
    const bytes = editAndSave(([, end]) => end!.remove());
    expect(sectionsOf(bytes)).toEqual(EXPECTED(['第一节开头']));
  });
});

/**
 * One anatomy, three views that must agree on every paragraph's part, the title included: the
 * outline (its titles and headings), the editor's look (the engine's parts as `data-part`, the
 * function headingStyles.ts applies) and the 公文 export layout (Word writer, print view).
 * Run on every document of ../shared/corpus, every .docx fixture that opens, and the documents of
 * anatomy.test.ts's kind written here.
 */
import { $blockKeys } from '../../../renderer/editor/blocks';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { type LexicalEditor } from 'lexical';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readDocumentFile } from '../../../electron/services/documentFiles';
import { analyzeAnatomy } from '../../../shared/anatomy/anatomy';
import { UserError } from '../../../shared/api/contract';
import { layoutDocument } from '../../../shared/export/layout';
import { paragraph, type Block, type WgDocument } from '../../../shared/model/document';
import type { DocumentPart } from '../../../shared/model/parts';
import { outlineOfDocument } from '../../../shared/outline/outline';
import { loadDocument } from '../../../renderer/editor/load';
import { OutlineEngine } from '../../../renderer/editor/outline/engine';
import { editorParts } from '../../../renderer/editor/outline/headingStyles';
import { headlessEditor } from './editorHarness';

const SHARED = path.resolve(__dirname, '../../../../shared');
const CORPUS = ['corpus/seeds', 'corpus/gov'].flatMap((d) =>
  readdirSync(path.join(SHARED, d))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => `${d}/${f}`),
);
const FIXTURES = readdirSync(path.join(SHARED, 'fixtures/docx'))
  .filter((f) => /\.(docx|dotx)$/.test(f) && !f.startsWith('bad_'))
  .map((f) => `fixtures/docx/${f}`);

let editor: LexicalEditor;
let engine: OutlineEngine;
let off: () => void;

beforeAll(() => {
  vi.stubGlobal('requestAnimationFrame', (fn: () => void) => setTimeout(fn, 0) as unknown as number);
  vi.stubGlobal('cancelAnimationFrame', (h: number) => clearTimeout(h));
  editor = headlessEditor();
  engine = new OutlineEngine(editor);
  off = engine.register();
});

afterAll(() => {
  off();
  vi.unstubAllGlobals();
});

/** The part of every top-level block as each view has it. */
function views(doc: WgDocument) {
  const n = doc.blocks.length;
  const analyzed = analyzeAnatomy(doc.blocks);
  const anatomy = analyzed.parts;
  const blank = analyzed.infos.map((b) => b.blank);

  // The outline: titles (level 0) and headings with their levels; everything else unknown.
  const { outline } = outlineOfDocument(doc);
  const fromOutline: Array<string | null> = new Array<string | null>(n).fill(null);
  for (const e of outline.entries) {
    for (let k = e.block; k < e.block + e.headBlocks; k++) fromOutline[k] = e.level === 0 ? 'title-like' : `heading${e.level}`;
  }

  // The export layout (tables are body).
  const layout = layoutDocument(doc.blocks, { template: 'gbt9704', heading3Bold: true, normalizeDates: false });
  const fromExport = layout.parts.map((role, k) => (doc.blocks[k]!.type === 'table' || role === 'empty' ? 'body' : role));

  // The editor: what the engine publishes and headingStyles applies, by block.
  loadDocument(editor, doc);
  const keys = editor.getEditorState().read(() => $blockKeys());
  const view = engine.partsView();
  const look = editorParts(view);
  const fromEditor = keys.map((k) => look.get(k) ?? (view.runIn.has(k) ? view.parts.get(k)! : 'body'));
  return { anatomy, blank, fromOutline, fromExport, fromEditor };
}

function expectAgreement(doc: WgDocument): DocumentPart[] {
  const { anatomy, blank, fromOutline, fromExport, fromEditor } = views(doc);
  expect(fromExport).toEqual(anatomy);
  expect(fromEditor).toEqual(anatomy);
  // The outline's titles are the anatomy's title lines (the document's and its attachments'),
  // its headings the anatomy's headings, and nothing else is either (an empty paragraph styled
  // as a heading is no entry in the outline).
  const titleLike = (p: DocumentPart) => p === 'title' || p === 'attachment-title';
  expect(fromOutline).toEqual(anatomy.map((p, i) => (titleLike(p) && !blank[i] ? 'title-like' : /^heading/.test(p) && !blank[i] ? p : null)));
  return anatomy;
}

async function open(rel: string): Promise<WgDocument | null> {
  try {
    return (await readDocumentFile(path.join(SHARED, rel))).doc;
  } catch (e) {
    // A fixture the importer refuses with a clear message (tested in docxRead.test.ts); any other
    // error fails the test.
    if (e instanceof UserError) return null;
    throw e;
  }
}

describe('outline, editor and export agree on every part', () => {
  for (const rel of CORPUS) {
    it(rel, async () => {
      const doc = (await open(rel))!;
      const parts = expectAgreement(doc);
      // Every corpus document has a body; the gov documents have a title, 发文字号 and closing.
      expect(parts).toContain('body');
      if (rel.includes('/gov/')) expect(parts).toEqual(expect.arrayContaining(['title', 'doc-number', 'salutation', 'date']));
    });
  }

  it('in every .docx fixture that opens', async () => {
    let opened = 0;
    for (const rel of FIXTURES) {
      const doc = await open(rel);
      if (!doc) continue;
      opened++;
      try {
        expectAgreement(doc);
      } catch (e) {
        throw new Error(`${rel}: ${(e as Error).message}`);
      }
    }
    expect(opened).toBeGreaterThan(40);
  }, 120_000);

  it('in documents with every 版头/版记 element, a speech and attachments', () => {
    const lines = (s: string): Block[] => s.trim().split('\n').map((l) => paragraph(l.trim()));
    const notice = lines(`
      000123
      机密★1年
      特急
      ××市人民政府文件
      ×政发〔2026〕5号
      ××市人民政府关于做好春节期间安全生产工作的通知
      各区县人民政府，市政府各部门：
      春节将至，现将有关事项通知如下。
      一、加强组织领导
      （一）落实责任。各地要压实责任。
      附件：1.检查表
      2.值班表
      ××市人民政府
      2026年1月20日
      （此件公开发布）
      附件1
      检查表
      附件2
      值班表
      抄送：市委办公室。
      ××市人民政府办公室　2026年1月20日印发
    `);
    const parts = expectAgreement({ meta: {}, blocks: notice });
    expect(parts).toEqual([
      'copy-number', 'secrecy', 'urgency', 'issuer-mark', 'doc-number', 'title', 'salutation', 'body', 'heading1', 'heading2',
      'attachment-list', 'attachment-list', 'signature', 'date', 'note', 'attachment-label', 'attachment-title', 'attachment-label', 'attachment-title', 'cc', 'imprint',
    ]);
    const speech = lines(`
      在全市经济工作会议上的讲话
      ——坚定信心　真抓实干
      市长　张三
      （2026年1月25日）
      同志们：
      今天召开全市经济工作会议。
    `);
    expect(expectAgreement({ meta: {}, blocks: speech })).toEqual(['title', 'subtitle', 'byline', 'dateline', 'salutation', 'body']);
    // A short first line is the title in all three, with no genre word and no blank line after it.
    expect(expectAgreement({ meta: {}, blocks: lines('党建工作情况\n今年以来，我们认真贯彻落实上级部署。') })).toEqual(['title', 'body']);
  });
});

/**
 * Issue #11: headers, footers, sections and comments of a .docx read for the 页眉页脚与批注 panel
 * (shared/docx/read/stories.ts), on a document built here and on the shared fixtures; the places
 * they point at are the paragraphs the reader made (BlockSource.p), and a .wgd that keeps the
 * package gives the same list after reopening.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { readDocumentFile, saveDocumentFile } from '../../../electron/services/documentFiles';
import { memorySourcePackages, sourceStories } from '../../../electron/services/sourcePackages';
import type { JobArgs, JobName, JobResult } from '../../../electron/services/documents/jobs';
import { DocumentRunner, type RunOptions } from '../../../electron/services/documents/runner';
import { createServiceHandlers } from '../../../electron/services/handlers';
import { SettingsStore } from '../../../electron/services/settingsStore';
import type { StoryMarks } from '../../../shared/docx/elements/storyMarks';
import { idleSuggestions } from '../../support/idleSuggestions';
import { readDocx } from '../../../shared/docx/read';
import { readStories } from '../../../shared/docx/read/stories';
import type { Paragraph } from '../../../shared/model/document';
import { DocumentStoriesSchema, headerFooterLabel, sectionBreakLabel, storiesCount } from '../../../shared/model/stories';
import { fixtureBytes, fixtureNames } from '../../support/fixtures';
import { makeDocx, p } from '../../support/makeDocx';
import { REPLIES_TEXT as R, STORIES_TEXT as T, makeRepliesDocx, makeStoriesDocx } from '../../support/storiesDocx';

const dir = mkdtempSync(path.join(os.tmpdir(), 'wengao-stories-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const labels = (s: ReturnType<typeof readStories>, i: number) => s.sections[i]!.headersFooters.map((hf) => `${headerFooterLabel(hf, s.sections[i]!, s.evenAndOdd)}${hf.inherited ? '（同上）' : ''}：${hf.text}`);

describe('stories of a document built like a Word file', () => {
  const bytes = makeStoriesDocx();
  const stories = readStories(bytes);
  const blocks = readDocx(bytes).doc.blocks as Paragraph[];

  it('lists each section’s headers and footers by the pages they are for, the PAGE field as {页码}', () => {
    expect(DocumentStoriesSchema.parse(stories)).toEqual(stories);
    expect(stories.evenAndOdd).toBe(true);
    expect(stories.sections).toHaveLength(2);
    expect(labels(stories, 0)).toEqual([`首页页眉：${T.headerFirst}`, `奇数页页眉：${T.headerOdd}`, `偶数页页眉：${T.headerEven}`, `奇数页页脚：${T.footer}`]);
    // The second section has no references of its own: Word's 与上一节相同 (no 首页不同 there).
    expect(labels(stories, 1)).toEqual([`奇数页页眉（同上）：${T.headerOdd}`, `偶数页页眉（同上）：${T.headerEven}`, `奇数页页脚（同上）：${T.footer}`]);
    expect(storiesCount(stories)).toBe(4 + 2);
  });

  it('places the section break after the paragraph that ends the section, named by the next section’s start', () => {
    expect(blocks.map((b) => b.runs.map((r) => r.text).join(''))).toEqual([T.first, T.second, T.third]);
    expect(stories.sections[0]!.endsAt).toBe(blocks[1]!.source!.p);
    expect(stories.sections[1]!.endsAt).toBeUndefined();
    expect(sectionBreakLabel(stories, 0)).toBe('分节符（连续）');
  });

  it('lists the comments with author, date, text and the text and paragraph they are anchored to', () => {
    expect(stories.comments).toEqual([
      { id: '0', author: '张三', date: '2026-01-20T09:30:00Z', text: T.comment1, at: blocks[0]!.source!.p, anchorText: T.anchor1 },
      { id: '1', author: '李四', date: '2026-01-21T14:05:00Z', text: T.comment2, at: blocks[2]!.source!.p, anchorText: T.anchor2 },
    ]);
  });

  it('says after opening where they are listed, and that they are kept', () => {
    const { notices } = readDocx(bytes);
    expect(notices.join()).toContain('3 个页眉、1 个页脚、2 条批注列在左侧“页眉页脚与批注”中');
    expect(notices.join()).not.toContain('文稿中不显示');
  });

  it('gives the same list when the document is saved as .wgd and reopened (the package travels inside)', async () => {
    const docx = path.join(dir, '通知.docx');
    writeFileSync(docx, bytes);
    const opened = await readDocumentFile(docx);
    expect(await sourceStories(memorySourcePackages, opened.source.package!)).toEqual(stories);
    const wgd = path.join(dir, '通知.wgd');
    const saved = await saveDocumentFile({ path: wgd, doc: opened.doc, source: opened.source, accept: {} });
    expect(saved.status).toBe('saved');
    const reopened = await readDocumentFile(wgd);
    expect(reopened.source.package).toBe(opened.source.package);
    expect(await sourceStories(memorySourcePackages, reopened.source.package!)).toEqual(stories);
  });
});

describe('stories of the shared fixtures', () => {
  it('reads odd, even and first-page headers as Word names them', () => {
    const s = readStories(fixtureBytes('docx', 'odd_even_first_page.docx'));
    expect(labels(s, 0).map((l) => l.split('\n')[0])).toEqual(['首页页眉：First page', '奇数页页眉：Odd header', '偶数页页眉：Even header', '奇数页页脚：My footer']);
  });

  it('follows a WPS document’s four sections, with what each inherits', () => {
    const s = readStories(fixtureBytes('docx', 'zh_wps_sections_hdrftr.docx'));
    expect(s.sections.map((x) => x.headersFooters.filter((hf) => !hf.inherited).map((hf) => hf.text.split('\n')[0]))).toEqual([
      ['第一节页眉', '第一页页眉偶数页'],
      ['第二节首页页眉', '第二节页眉'],
      ['第三节页眉'],
      ['第四节页眉'],
    ]);
    expect(s.sections[0]!.headersFooters[0]!.text).toBe('第一节页眉\n[图片]');
    const blocks = readDocx(fixtureBytes('docx', 'zh_wps_sections_hdrftr.docx')).doc.blocks;
    const starts = new Set(blocks.map((b) => (b.type === 'paragraph' ? b.source?.p : undefined)));
    // Every section break is at a paragraph the reader made.
    for (const x of s.sections.slice(0, -1)) expect(starts.has(x.endsAt)).toBe(true);
  });

  it('shows page fields in footers and in a text box of a header', () => {
    expect(readStories(fixtureBytes('docx', 'zh_wps_autonum_hbbzsm_p1.docx')).sections[0]!.headersFooters).toEqual([{ kind: 'footer', type: 'default', text: '{页码}' }]);
    const alt = readStories(fixtureBytes('docx', 'mcAlternateContent_header.docx'));
    expect(alt.sections[0]!.headersFooters.find((hf) => hf.kind === 'footer')!.text).toMatch(/Page \{页码\} of \{总页数\}$/);
  });

  it('shows an equation in a header by its text, as the body does', () => {
    const s = readStories(fixtureBytes('docx', 'zh_word_report_toc_paren_num.docx'));
    expect(s.sections.flatMap((x) => x.headersFooters.map((hf) => hf.text))).toContain('这是带公式的页眉e=mc2');
  });

  it('anchors a fixture’s comments, one without a range at its mark', () => {
    const s = readStories(fixtureBytes('docx', 'comments.docx'));
    expect(s.comments.map((c) => [c.author, c.text, c.anchorText])).toEqual([
      ['Michael Williamson', 'A tachyon walks into a bar.', 'Ouch'],
      ['Michael Williamson', 'Fin.', ''],
    ]);
    const first = readDocx(fixtureBytes('docx', 'comments.docx')).doc.blocks[0]!;
    expect(s.comments.every((c) => c.at === first.source!.p)).toBe(true);
  });

  it('reads every fixture that opens into what the contract accepts', () => {
    for (const name of fixtureNames('docx')) {
      const bytes = fixtureBytes('docx', name);
      try {
        readDocx(bytes, { name });
      } catch {
        continue; // refused on open (damaged, encrypted, .doc): never asked for
      }
      const s = readStories(bytes);
      expect(DocumentStoriesSchema.safeParse(s).success, name).toBe(true);
      expect(s.sections.length, name).toBeGreaterThan(0);
    }
  });
});

describe('stories of unusual documents', () => {
  it('says nothing for a document without headers, footers or comments', () => {
    const s = readStories(makeDocx({ body: p('正文') + '<w:sectPr/>' }));
    expect(s).toEqual({ evenAndOdd: false, sections: [{ start: 'nextPage', titlePage: false, headersFooters: [] }], comments: [] });
    expect(storiesCount(s)).toBe(0);
  });

  it('bounds a header’s text and leaves deleted text and field instructions out', () => {
    const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const long = '长'.repeat(10_000);
    const bytes = makeDocx({
      body: `${p('正文')}<w:sectPr><w:headerReference w:type="default" r:id="h"/></w:sectPr>`,
      extra: {
        'word/_rels/document.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="h" Type="${R}/header" Target="header1.xml"/></Relationships>`,
        'word/header1.xml': `<w:hdr xmlns:w="${W}"><w:p><w:del><w:r><w:delText>删掉的</w:delText></w:r></w:del><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>DATE \\@ "yyyy"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2026</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>9</w:t></w:r></w:fldSimple></w:p><w:p><w:r><w:t>${long}</w:t></w:r></w:p></w:hdr>`,
      },
    });
    const text = readStories(bytes).sections[0]!.headersFooters[0]!.text;
    expect(text.startsWith('2026{总页数}\n长')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(4001);
    expect(DocumentStoriesSchema.safeParse(readStories(bytes)).success).toBe(true);
  });
});

describe('stories from what opening the document recorded (one parse of document.xml)', () => {
  /** The package with its document.xml replaced: what reading it again would fail on. */
  const withDocumentXml = (bytes: Uint8Array, xml: string) => zipSync({ ...unzipSync(bytes), 'word/document.xml': strToU8(xml) });

  it('lists the same stories from the marks the open recorded as from reading the package alone, for every fixture', () => {
    const cases: Array<[string, Uint8Array]> = [['built', makeStoriesDocx()], ...fixtureNames('docx').map((n): [string, Uint8Array] => [n, fixtureBytes('docx', n)])];
    let compared = 0;
    for (const [name, bytes] of cases) {
      let marks;
      try {
        marks = readDocx(bytes, { name }).marks;
      } catch {
        continue; // refused on open: never asked for
      }
      expect(readStories(bytes, undefined, marks), name).toEqual(readStories(bytes));
      compared++;
    }
    expect(compared).toBeGreaterThan(40);
  });

  it('does not read document.xml again when given the marks: a package whose document.xml is now damaged still lists them', () => {
    const bytes = makeStoriesDocx();
    const { marks } = readDocx(bytes);
    const damaged = withDocumentXml(bytes, '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>');
    expect(() => readStories(damaged)).toThrow();
    expect(readStories(damaged, undefined, marks)).toEqual(readStories(bytes));
  });

  it('hands the open’s marks to the stories of the kept package', async () => {
    const docx = path.join(dir, '记录.docx');
    writeFileSync(docx, makeStoriesDocx());
    const opened = await readDocumentFile(docx);
    expect(opened.storyMarks?.sections).toHaveLength(2);
    expect(opened.storyMarks?.comments.map((c) => [c.id, c.anchor])).toEqual([
      ['0', T.anchor1],
      ['1', T.anchor2],
    ]);
    expect(await sourceStories(memorySourcePackages, opened.source.package!, opened.storyMarks)).toEqual(readStories(makeStoriesDocx()));
  });
});

describe('headers and footers read by the body’s element handlers', () => {
  it('shows the body’s own reading: a PAGE field inside a simple field’s run, nested fields, a table, a symbol, hidden text left out', () => {
    const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const fld = (instr: string, result: string) =>
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>${instr}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>${result}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    const footer =
      `<w:ftr xmlns:w="${W}"><w:p><w:r><w:t xml:space="preserve">第 </w:t></w:r>${fld(' PAGE ', '3')}<w:r><w:t xml:space="preserve"> 页 共 </w:t></w:r><w:fldSimple w:instr=" SECTIONPAGES "><w:r><w:t>9</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve"> 页</w:t></w:r></w:p>` +
      `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>IF </w:instrText></w:r>${fld('PAGE', '1')}<w:r><w:instrText> = 1 "首页"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>首页</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>` +
      `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>左</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>右</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:sym w:font="Symbol" w:char="2605"/></w:r></w:p></w:tc></w:tr></w:tbl></w:ftr>`;
    const bytes = makeDocx({
      body: `${p('正文')}<w:sectPr><w:footerReference w:type="default" r:id="f"/></w:sectPr>`,
      extra: {
        'word/_rels/document.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="f" Type="${R}/footer" Target="footer1.xml"/></Relationships>`,
        'word/footer1.xml': footer,
      },
    });
    expect(readStories(bytes).sections[0]!.headersFooters).toEqual([{ kind: 'footer', type: 'default', text: '第 {页码} 页 共 {本节页数} 页\n首页\n左\n右★' }]);
  });
});

describe('comment replies, done comments and comments outside the text', () => {
  const bytes = makeRepliesDocx();
  const stories = readStories(bytes);
  const blocks = readDocx(bytes).doc.blocks as Paragraph[];

  it('links each reply to the comment it answers and marks the done one, through commentsExtended.xml', () => {
    expect(DocumentStoriesSchema.parse(stories)).toEqual(stories);
    expect(stories.comments.map((c) => [c.id, c.author, c.text, c.parentId ?? null, c.done ?? false])).toEqual([
      ['0', '张三', `${R.question}\n${R.questionMore}`, null, false],
      ['1', '李四', R.answer, '0', false],
      ['2', '张三', R.answer2, '1', false],
      ['3', '王五', R.done, null, true],
      ['4', '赵六', R.onHeader, null, false],
      ['5', '张三', R.onHeaderReply, '4', false],
      ['6', '赵六', R.onFootnote, null, false],
    ]);
  });

  it('anchors comments in the text at their paragraph, and says where the others live', () => {
    const where = stories.comments.map((c) => [c.id, c.at ?? c.place ?? null, c.anchorText]);
    expect(where).toEqual([
      ['0', blocks[0]!.source!.p, R.anchor],
      ['1', blocks[0]!.source!.p, R.anchor],
      ['2', blocks[0]!.source!.p, R.anchor],
      ['3', blocks[1]!.source!.p, R.anchorDone],
      ['4', 'header', R.header],
      ['5', null, ''],
      ['6', 'footnote', R.footnote],
    ]);
  });

  it('reads the same from the marks the open recorded', () => {
    expect(readStories(bytes, undefined, readDocx(bytes).marks)).toEqual(stories);
  });

  it('ignores a reply link to a comment that is not there, and a package without commentsExtended.xml', () => {
    const files = unzipSync(bytes);
    const dangling = zipSync({ ...files, 'word/commentsExtended.xml': strToU8(strFromU8(files['word/commentsExtended.xml']!).replace('w15:paraIdParent="1A000002"', 'w15:paraIdParent="0BADBEEF"')) });
    expect(readStories(dangling).comments.find((c) => c.id === '1')!.parentId).toBeUndefined();
    const { 'word/commentsExtended.xml': _, ...without } = files;
    expect(readStories(zipSync(without)).comments.every((c) => c.parentId === undefined && c.done === undefined)).toBe(true);
  });
});

describe('the service: the open’s marks go with the stories request (needs the built worker)', () => {
  /** A runner that records the jobs it is asked for. */
  class RecordingRunner extends DocumentRunner {
    readonly jobs: Array<{ job: JobName; args: unknown }> = [];
    override run<J extends JobName>(job: J, args: JobArgs<J>, options: RunOptions): Promise<JobResult<J>> {
      this.jobs.push({ job, args });
      return super.run(job, args, options);
    }
  }

  it('hands the stories job the sections and anchors its open recorded, and not the renderer', async () => {
    const documents = new RecordingRunner({});
    try {
      const store = await SettingsStore.open(mkdtempSync(path.join(dir, 'user-')));
      const h = createServiceHandlers({ store, suggestions: idleSuggestions(), documents });
      const file = path.join(dir, '服务.docx');
      writeFileSync(file, makeRepliesDocx());
      const opened = await h.openDocument(file, {});
      expect(opened).not.toHaveProperty('storyMarks');
      const stories = await h.getSourceStories({ package: opened.source!.package! });
      expect(stories).toEqual(readStories(makeRepliesDocx()));
      const asked = documents.jobs.find((j) => j.job === 'stories')!.args as { marks?: StoryMarks };
      expect(asked.marks).toEqual(readDocx(makeRepliesDocx()).marks);
    } finally {
      await documents.close();
    }
  });
});

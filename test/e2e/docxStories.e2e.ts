/**
 * Headers, footers, comments and section breaks of a .docx (issue #11), end to end in the real
 * renderer against the web harness: the 页眉页脚与批注 tab lists the headers (首页/奇数页/偶数页),
 * the footer with its page field and the two comments; clicking a comment selects the text it is
 * on; the section break shows under the paragraph that ends the section, follows it when the
 * paragraph is split, and saving keeps the section with its headers and footers; a .wgd saved
 * from the .docx lists them again.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readDocumentFile, saveDocumentFile } from '../../electron/services/documentFiles';
import { editor, paragraphs } from '../support/browser';
import { useAppStarter } from '../support/appPage';
import { makeDocx, p } from '../support/makeDocx';
import { REPLIES_TEXT as R, STORIES_TEXT as T, makeRepliesDocx, makeStoriesDocx } from '../support/storiesDocx';

const start = useAppStarter();

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'wengao-e2e-stories-'));


/** What the selection holds, and the text of the paragraph it is in. */
function selection(page: Page): Promise<{ text: string; paragraph: string | null }> {
  return page.evaluate(() => {
    const sel = window.getSelection();
    const node = sel?.anchorNode ?? null;
    const el = node instanceof Element ? node : node?.parentElement;
    return { text: sel?.toString() ?? '', paragraph: el?.closest('[data-testid=editor] p')?.textContent ?? null };
  });
}

/** The editor's paragraphs that show a section break, with the break's label. */
function sectionBreaks(page: Page): Promise<Array<{ text: string; label: string | null; shown: string }>> {
  return page.locator('[data-testid=editor] p[data-section-break]').evaluateAll((els) =>
    els.map((el) => ({ text: el.textContent ?? '', label: el.getAttribute('data-section-break'), shown: getComputedStyle(el, '::before').content })),
  );
}

describe('headers, footers and comments of a .docx', () => {
  it('lists them in the 页眉页脚与批注 tab, goes to a comment’s text on a click, and shows the section break', async () => {
    const dir = tmp();
    const file = path.join(dir, '通知.docx');
    writeFileSync(file, makeStoriesDocx());
    const { page, errors } = await start(['--open', file]);
    await expect.poll(() => paragraphs(page)).toEqual([T.first, T.second, T.third]);

    // The section break: under the paragraph whose properties end the first section.
    await expect.poll(() => sectionBreaks(page)).toEqual([{ text: T.second, label: '分节符（连续）', shown: '"分节符（连续）"' }]);

    // The tab says how many there are; the outline stays the tab shown.
    await expect.poll(() => page.locator('[data-testid=stories-count]').innerText({ timeout: 1_000 })).toBe('6');
    expect(await page.locator('[data-testid=outline]').isVisible()).toBe(true);
    await page.locator('[data-testid=side-tab-stories]').click();
    const panel = page.locator('[data-testid=stories-panel]');
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await page.locator('[data-testid=outline]').isVisible()).toBe(false);

    const items = panel.locator('[data-testid=stories-section]').first().locator('[data-testid=stories-hf]');
    expect(await items.allInnerTexts()).toEqual([`首页页眉\n${T.headerFirst}`, `奇数页页眉\n${T.headerOdd}`, `偶数页页眉\n${T.headerEven}`, `奇数页页脚\n${T.footer}`]);
    // The second section inherits them, as Word's 与上一节相同 says.
    const second = panel.locator('[data-testid=stories-section]').nth(1);
    expect(await second.innerText()).toContain('第 2 节');
    expect(await second.innerText()).toContain('与上一节相同');
    expect(await panel.innerText()).toContain('分节符（连续）');

    const comments = panel.locator('[data-testid=stories-comment]');
    expect(await comments.count()).toBe(2);
    expect(await comments.nth(0).innerText()).toBe(`张三2026年1月20日 09:30\n“${T.anchor1}”\n${T.comment1}`);
    expect(await comments.nth(1).innerText()).toContain(T.comment2);

    // Clicking a comment selects the text it is anchored to, in its paragraph.
    await comments.nth(1).click();
    await expect.poll(() => selection(page)).toEqual({ text: T.anchor2, paragraph: T.third });
    await comments.nth(0).click();
    await expect.poll(() => selection(page)).toEqual({ text: T.anchor1, paragraph: T.first });
    expect(errors).toEqual([]);
  });

  it('keeps the break with the last piece of a split paragraph, and saving keeps the section', async () => {
    const dir = tmp();
    const file = path.join(dir, '分节.docx');
    writeFileSync(file, makeStoriesDocx());
    const { page, errors } = await start(['--open', file]);
    await expect.poll(() => sectionBreaks(page)).toHaveLength(1);
    // Caret after "本段结束", then Enter and a few words: the break follows the second piece.
    await editor(page).locator('p', { hasText: T.second }).click();
    await page.keyboard.press('End');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('新');
    await expect.poll(() => paragraphs(page)).toEqual([T.first, '本段结束', '新第一节。', T.third]);
    await expect.poll(() => sectionBreaks(page)).toEqual([{ text: '新第一节。', label: '分节符（连续）', shown: '"分节符（连续）"' }]);
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.title()).toBe('分节.docx - 文稿');
    expect(await page.locator('[data-testid=dialog]').count()).toBe(0);
    const files = unzipSync(new Uint8Array(readFileSync(file)));
    const xml = strFromU8(files['word/document.xml']!);
    // One section break, in the paragraph that now ends the section, with its headers and footer.
    expect(xml.match(/<w:sectPr>/g)).toHaveLength(2);
    const ending = /<w:p>(?:(?!<\/w:p>).)*<w:sectPr>(?:(?!<\/w:p>).)*<\/w:p>/.exec(xml)?.[0] ?? '';
    expect(ending).toContain('新');
    expect(ending).toContain('<w:headerReference w:type="first" r:id="rH2"/>');
    expect(strFromU8(files['word/comments.xml']!)).toContain(T.comment2);
    expect(strFromU8(files['word/footer1.xml']!)).toContain('PAGE');
    expect(errors).toEqual([]);
  });

  it('lists them again, and shows the section break, when the .wgd the .docx was saved as is opened', async () => {
    const dir = tmp();
    const docx = path.join(dir, '通知.docx');
    writeFileSync(docx, makeStoriesDocx());
    const opened = await readDocumentFile(docx);
    const wgd = path.join(dir, '通知.wgd');
    expect((await saveDocumentFile({ path: wgd, doc: opened.doc, source: opened.source, accept: {} })).status).toBe('saved');
    const { page, errors } = await start(['--open', wgd]);
    await expect.poll(() => paragraphs(page)).toEqual([T.first, T.second, T.third]);
    await expect.poll(() => sectionBreaks(page)).toEqual([{ text: T.second, label: '分节符（连续）', shown: '"分节符（连续）"' }]);
    await page.locator('[data-testid=side-tab-stories]').click();
    const comments = page.locator('[data-testid=stories-comment]');
    await expect.poll(() => comments.count()).toBe(2);
    await comments.nth(1).click();
    await expect.poll(() => selection(page)).toEqual({ text: T.anchor2, paragraph: T.third });
    expect(await page.locator('[data-testid=stories-panel]').innerText()).toContain(T.footer);
    expect(errors).toEqual([]);
  });

  it('shows replies under the comment they answer, done comments as 已解决, and where comments outside the text live', async () => {
    const dir = tmp();
    const file = path.join(dir, '回复.docx');
    writeFileSync(file, makeRepliesDocx());
    const { page, errors } = await start(['--open', file]);
    // The second paragraph ends with its footnote's mark.
    await expect.poll(() => paragraphs(page)).toEqual([R.first, `${R.second}1`]);
    await page.locator('[data-testid=side-tab-stories]').click();
    const panel = page.locator('[data-testid=stories-comments]');
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await panel.locator('h4').innerText()).toBe('批注（7）');

    // Four threads; the first holds both replies, indented under it, each with 回复, its author and date.
    const threads = panel.locator(':scope > ul > li');
    expect(await threads.count()).toBe(4);
    const first = threads.nth(0);
    expect(await first.locator('[data-testid=stories-comment]').innerText()).toBe(`张三2026年1月20日 09:30\n“${R.anchor}”\n${R.question}\n${R.questionMore}`);
    const replies = first.locator('[data-testid=stories-reply]');
    expect(await replies.allInnerTexts()).toEqual([`回复李四2026年1月20日 10:00\n${R.answer}`, `回复张三2026年1月20日 10:05\n${R.answer2}`]);
    const indent = async (el: typeof replies) => (await el.boundingBox())!.x;
    expect(await indent(replies.nth(0))).toBeGreaterThan(await indent(first.locator('[data-testid=stories-comment]')));

    // The done comment says so.
    expect(await threads.nth(1).innerText()).toBe(`王五2026年1月21日 08:00已解决\n“${R.anchorDone}”\n${R.done}`);

    // A comment on the header's text and one on a footnote's say where they live and do not offer to go there.
    const onHeader = threads.nth(2).locator('[data-testid=stories-comment]');
    expect(await onHeader.innerText()).toBe(`赵六2026年1月22日 09:00位于页眉\n“${R.header}”\n${R.onHeader}`);
    expect(await onHeader.evaluate((el) => el.tagName)).toBe('DIV');
    expect(await threads.nth(2).locator('[data-testid=stories-reply]').innerText()).toBe(`回复张三2026年1月22日 09:30\n${R.onHeaderReply}`);
    expect(await threads.nth(2).locator('[data-testid=stories-reply]').evaluate((el) => el.tagName)).toBe('DIV');
    expect(await threads.nth(3).innerText()).toContain('位于脚注');

    // A reply goes to the text of its thread, as its comment does.
    await replies.nth(1).click();
    await expect.poll(() => selection(page)).toEqual({ text: R.anchor, paragraph: R.first });
    await threads.nth(1).locator('[data-testid=stories-comment]').click();
    await expect.poll(() => selection(page)).toEqual({ text: R.anchorDone, paragraph: `${R.second}1` });
    expect(errors).toEqual([]);
  });

  it('says so in one line when a document has none', async () => {
    const dir = tmp();
    const file = path.join(dir, '无页眉.docx');
    writeFileSync(file, makeDocx({ body: p('只有正文') }));
    const { page } = await start(['--open', file]);
    await expect.poll(() => paragraphs(page)).toEqual(['只有正文']);
    await page.locator('[data-testid=side-tab-stories]').click();
    await expect.poll(() => page.locator('[data-testid=stories-panel]').innerText({ timeout: 1_000 })).toBe('此文档没有页眉、页脚或批注。');
    expect(await page.locator('[data-testid=stories-count]').count()).toBe(0);
    expect(await sectionBreaks(page)).toEqual([]);
  });
});

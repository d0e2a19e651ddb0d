/**
 * Phrase suggestions in the real renderer, against the web harness with ../shared/corpus as the
 * user's corpus folder.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { answeredRequests, BLOCK, editor, paragraphs, settled } from '../support/browser';
import { useAppPage } from '../support/appPage';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus');
/** Answers come from the worker; on a busy machine allow them a few seconds. */
const WAIT = { timeout: 5000 };
// The corpus is indexed in the background: each page waits until it is ready.
const app = useAppPage({ harnessArgs: ['--corpus', CORPUS], ready: (p) => expect.poll(() => corpusReady(p), { timeout: 30_000 }).toBe(true) });
let page: Page;
let errors: string[];
beforeEach(() => {
  ({ page, errors } = app);
});

async function corpusReady(p: Page): Promise<boolean> {
  return p.evaluate(async () => {
    const token = new URLSearchParams(location.search).get('token')!;
    const r = await fetch('./api/getCorpusStatus', { method: 'POST', headers: { 'content-type': 'application/json', 'x-wengao-token': token }, body: '[]' });
    const s = (await r.json()).value;
    return s.state === 'ready' && s.documents === 13;
  });
}

/** The ghost as drawn (the paragraph's data-ghost attribute), or null. */
const ghost = (p: Page) => p.evaluate(() => document.querySelector('[data-testid=editor] [data-ghost]')?.getAttribute('data-ghost') ?? null);

/** The compact candidate under the caret (middle of a paragraph), with its place and the caret's, or null. */
const caretCandidate = (p: Page) =>
  p.evaluate(() => {
    const el = document.querySelector<HTMLElement>('[data-testid=suggestion-ghost].suggestion-ghost-caret');
    if (!el || el.hidden) return null;
    const box = el.getBoundingClientRect();
    const range = window.getSelection()!.getRangeAt(0);
    const caret = range.getClientRects()[0] ?? range.getBoundingClientRect();
    return { text: el.textContent, left: box.left, top: box.top, visible: box.width > 10 && box.height > 10, caret: { left: caret.left, bottom: caret.bottom } };
  });

async function compose(cdp: CDPSession, text: string): Promise<void> {
  await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
}

describe('phrase suggestions', () => {
  it('shows a ghost after 一体推进, inserts it with Tab and undoes it as one step', async () => {
    await page.keyboard.insertText('坚定不移执纪反腐，一体推进');
    await expect.poll(() => ghost(page), WAIT).toBe('不敢腐、不能腐、不想腐');
    expect(await page.locator('[data-testid=suggestion-ghost]').textContent()).toBe('不敢腐、不能腐、不想腐');
    // The ghost is not document text.
    expect(await paragraphs(page)).toEqual(['坚定不移执纪反腐，一体推进']);
    await page.keyboard.press('Tab');
    await expect.poll(() => paragraphs(page)).toEqual(['坚定不移执纪反腐，一体推进不敢腐、不能腐、不想腐']);
    await page.keyboard.press('Control+z');
    await expect.poll(() => paragraphs(page)).toEqual(['坚定不移执纪反腐，一体推进']);
    expect(errors).toEqual([]);
  });

  it('asks for a continuation when typing pauses, not at every key of a run of typing', async () => {
    const before = await answeredRequests(page, 'suggest');
    await page.keyboard.type('坚定不移执纪反腐，一体推进', { delay: 30 }); // a brisk typist's pace
    await expect.poll(() => ghost(page), WAIT).toBe('不敢腐、不能腐、不想腐');
    // 13 keys, one pause: one question (a few more only if the machine stalled between keys).
    expect((await answeredRequests(page, 'suggest')) - before).toBeLessThanOrEqual(3);
    expect(errors).toEqual([]);
  });

  it('accepts with →, dismisses with Esc, and keeps the ghost while typing through it', async () => {
    await page.keyboard.insertText('坚定不移执纪反腐，一体推进');
    await expect.poll(() => ghost(page), WAIT).toBe('不敢腐、不能腐、不想腐');
    await page.keyboard.insertText('不敢');
    await expect.poll(() => ghost(page), WAIT).toBe('腐、不能腐、不想腐');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => paragraphs(page)).toEqual(['坚定不移执纪反腐，一体推进不敢腐、不能腐、不想腐']);

    await page.keyboard.press('Enter');
    await page.keyboard.insertText('以习近平');
    await expect.poll(() => ghost(page), WAIT).toBe('新时代中国特色社会主义思想为指导');
    await page.keyboard.press('Escape');
    await expect.poll(() => ghost(page), WAIT).toBeNull();
    await page.keyboard.press('Tab'); // no ghost: Tab does not insert it
    expect((await paragraphs(page))[1]).not.toContain('新时代');
  });

  it('shows nothing while an IME composition is open, and the ghost once it is committed', async () => {
    await page.keyboard.insertText('坚定不移执纪反腐，');
    await settled(page);
    const asked = await answeredRequests(page, 'suggest');
    const cdp = await page.context().newCDPSession(page);
    for (const step of ['y', 'yi', 'yiti', 'yiti tui', 'yiti tuijin']) {
      await compose(cdp, step);
      await settled(page); // what a keystroke could start has run and been answered
      expect(await ghost(page), step).toBeNull();
    }
    expect(await answeredRequests(page, 'suggest')).toBe(asked); // nothing was even asked
    await cdp.send('Input.insertText', { text: '一体推进' });
    await expect.poll(() => ghost(page), WAIT).toBe('不敢腐、不能腐、不想腐');
    // A new composition hides the ghost at once; committing its next characters types through it.
    await compose(cdp, 'bu');
    await settled(page);
    expect(await ghost(page)).toBeNull();
    await cdp.send('Input.insertText', { text: '不敢' });
    await expect.poll(() => ghost(page), WAIT).toBe('腐、不能腐、不想腐');
    expect(await paragraphs(page)).toEqual(['坚定不移执纪反腐，一体推进不敢']);
    await cdp.detach();
  });

  it('in the middle of a paragraph of a real report: a candidate at the caret, Tab accepts it, Ctrl+Z takes exactly it back', async () => {
    const report = readFileSync(path.join(CORPUS, 'seeds', '000_40f08a2d6707e5f7.txt'), 'utf8').split(/\r?\n/);
    const para = report.find((l) => l.startsWith('抓党建，关键是抓责任制'))!;
    await page.keyboard.insertText(para);
    await expect.poll(() => paragraphs(page)).toEqual([para]);
    // The caret after the first sentence, moved there by keys: moving shows nothing.
    const at = para.indexOf('。') + 1;
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < at; i++) await page.keyboard.press('ArrowRight');
    await settled(page);
    expect(await caretCandidate(page)).toBeNull();
    // A phrase start typed through the IME: nothing during the composition, the candidate after it.
    const cdp = await page.context().newCDPSession(page);
    const asked = await answeredRequests(page, 'suggest');
    for (const step of ['yi', 'yiti', 'yiti tuijin']) {
      await compose(cdp, step);
      await settled(page);
      expect(await caretCandidate(page), step).toBeNull();
    }
    expect(await answeredRequests(page, 'suggest')).toBe(asked);
    await cdp.send('Input.insertText', { text: '一体推进' });
    await cdp.detach();
    const typed = para.slice(0, at) + '一体推进' + para.slice(at);
    await expect.poll(() => caretCandidate(page), WAIT).toMatchObject({ text: '不敢腐、不能腐、不想腐' });
    // Under the caret, not in the text: the paragraph holds only what was typed, and no inline ghost.
    const shown = (await caretCandidate(page))!;
    expect(shown.visible).toBe(true);
    expect(Math.abs(shown.left - shown.caret.left)).toBeLessThanOrEqual(4);
    expect(shown.top).toBeGreaterThanOrEqual(shown.caret.bottom - 1);
    expect(shown.top - shown.caret.bottom).toBeLessThanOrEqual(8);
    expect(await ghost(page)).toBeNull();
    expect(await paragraphs(page)).toEqual([typed]);

    await page.keyboard.press('Tab');
    const accepted = para.slice(0, at) + '一体推进不敢腐、不能腐、不想腐' + para.slice(at);
    await expect.poll(() => paragraphs(page)).toEqual([accepted]);
    await expect.poll(() => caretCandidate(page)).toBeNull();
    // The caret is after the inserted text: typing goes on there.
    expect(await page.evaluate(() => {
      const sel = window.getSelection()!;
      return (sel.anchorNode?.textContent ?? '').slice(0, sel.anchorOffset).endsWith('不想腐');
    })).toBe(true);
    await page.keyboard.press('Control+z');
    await expect.poll(() => paragraphs(page)).toEqual([typed]);
    expect(errors).toEqual([]);
  });

  it('in the middle of a paragraph: Esc dismisses the candidate and changes nothing; Tab then keeps Word’s behaviour', async () => {
    await page.keyboard.insertText('推进党建工作落细落实落到位。');
    await page.keyboard.press('Control+Home');
    await settled(page);
    await page.keyboard.insertText('深刻领悟');
    await expect.poll(() => caretCandidate(page), WAIT).toMatchObject({ text: '“两个确立”的决定性意义' });
    await page.keyboard.press('Escape');
    await expect.poll(() => caretCandidate(page)).toBeNull();
    await settled(page);
    expect(await caretCandidate(page)).toBeNull();
    expect(await paragraphs(page)).toEqual(['深刻领悟推进党建工作落细落实落到位。']);
    // No candidate: Tab inserts a tab character, as in Word.
    await page.keyboard.press('Tab');
    await expect.poll(() => paragraphs(page)).toEqual(['深刻领悟\t推进党建工作落细落实落到位。']);
  });

  it('lists alternatives with their source on Alt+/, and Enter inserts the chosen one', async () => {
    await page.keyboard.insertText('要引导党员干部增强');
    await page.keyboard.press('Alt+/');
    const list = page.locator('[data-testid=suggestion-list]');
    await expect.poll(() => page.locator('[data-testid=suggestion-item]').count(), WAIT).toBeGreaterThan(1);
    const items = await page.locator('[data-testid=suggestion-item]').allInnerTexts();
    expect(items.length).toBeGreaterThan(1);
    expect(items.length).toBeLessThanOrEqual(5);
    expect(items[0]).toContain('“四个意识”、坚定“四个自信”、做到“两个维护”');
    for (const item of items) expect(item).toMatch(/\d+ 篇 · \S+/);
    await page.keyboard.press('Enter');
    await expect.poll(() => paragraphs(page)).toEqual(['要引导党员干部增强“四个意识”、坚定“四个自信”、做到“两个维护”']);
    expect(await list.count()).toBe(0);
  });

  it('suggests from the open document and follows edits of its other paragraphs, sending only the paragraphs changed', async () => {
    type Change = { reset: boolean; order: string[]; blocks: Array<[string, string[]]> };
    const changes: Change[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/updateSuggestionDocument')) changes.push((JSON.parse(r.postData() ?? '[]') as Change[])[0]!);
    });
    const carrying = (from: number, text: string) => changes.slice(from).filter((c) => c.blocks.some(([, lines]) => lines.some((l) => l.includes(text))));
    const listed = async () => {
      await page.keyboard.press('Alt+/');
      await expect.poll(() => page.locator('[data-testid=suggestion-item]').count(), WAIT).toBeGreaterThan(0);
      const items = await page.locator('[data-testid=suggestion-item]').allInnerTexts();
      await page.keyboard.press('Escape');
      return items;
    };
    // A phrase of this document only (not in the corpus), written in its first paragraph.
    await page.keyboard.insertText('今年重点推进沙洲镇樱桃谷示范带建设。');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('全面落实河长制，持续改善水环境质量。');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('下一步，继续推进沙洲镇');
    await expect.poll(() => carrying(0, '樱桃谷').length, WAIT).toBeGreaterThan(0);
    await settled(page);
    const first = await listed();
    expect(first[0]).toContain('樱桃谷示范带建设');
    expect(first[0]).toContain('当前文档');

    // The first paragraph is revised; the caret goes back to the last one.
    const from = changes.length;
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < '今年重点推进沙洲镇'.length; i++) await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.insertText('杨梅岭');
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('的');
    await page.keyboard.press('Backspace');
    await expect.poll(() => carrying(from, '杨梅岭').length, WAIT).toBeGreaterThan(0);
    await settled(page);
    expect(await paragraphs(page)).toEqual(['今年重点推进沙洲镇杨梅岭示范带建设。', '全面落实河长制，持续改善水环境质量。', '下一步，继续推进沙洲镇']);
    // Only what changed was sent again: never the untouched second paragraph, and no reset.
    expect(carrying(from, '河长制')).toEqual([]);
    expect(changes.slice(from).every((c) => !c.reset)).toBe(true);
    const second = await listed();
    expect(second[0]).toContain('杨梅岭示范带建设');
    expect(second.join('\n')).not.toContain('樱桃谷');
    expect(errors).toEqual([]);
  });

  it('selects the slot of an accepted suggestion so the user types over it', async () => {
    await page.keyboard.insertText('尊敬的');
    await page.keyboard.press('Alt+/');
    await expect.poll(() => page.locator('[data-testid=suggestion-item]').count(), WAIT).toBeGreaterThan(1);
    const items = await page.locator('[data-testid=suggestion-item]').allInnerTexts();
    const at = items.findIndex((t) => t.startsWith('××部长'));
    expect(at).toBeGreaterThanOrEqual(0);
    for (let i = 0; i < at; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => paragraphs(page)).toEqual(['尊敬的××部长']);
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('××');
    await page.keyboard.insertText('王');
    await expect.poll(() => paragraphs(page)).toEqual(['尊敬的王部长']);
  });

  it('turns suggestions off and on from the status bar', async () => {
    const toggle = page.locator('[data-testid=status-suggestions]');
    expect(await toggle.innerText()).toBe('输入提示：开');
    await toggle.click();
    await expect.poll(() => toggle.innerText({ timeout: 1_000 })).toBe('输入提示：关');
    await editor(page).click();
    const asked = await answeredRequests(page, 'suggest');
    await page.keyboard.insertText('坚定不移执纪反腐，一体推进');
    await settled(page);
    expect(await ghost(page)).toBeNull();
    expect(await answeredRequests(page, 'suggest')).toBe(asked);
    await toggle.click();
    await expect.poll(() => toggle.innerText({ timeout: 1_000 })).toBe('输入提示：开');
  });

  it('manages corpus folders in 素材库 and shows the index status', async () => {
    await page.locator('[data-testid=tool-corpus]').click();
    const dialog = page.locator('[data-testid=corpus-settings]');
    await expect.poll(() => dialog.locator('[data-testid=corpus-folders] li').allInnerTexts()).toEqual([expect.stringContaining(CORPUS)]);
    await expect.poll(() => dialog.locator('[data-testid=corpus-status]').innerText({ timeout: 1_000 })).toContain('已索引 13 篇文档');
    const extra = mkdtempSync(path.join(os.tmpdir(), 'wengao-e2e-corpus-'));
    writeFileSync(path.join(extra, '新材料.txt'), '持续深化“一老一小”民生实事，办好群众家门口的事。\n');
    await dialog.locator('[data-testid=corpus-add]').click();
    await dialog.locator('[data-testid=corpus-path]').fill(path.join(extra, '不存在'));
    await dialog.locator('[data-testid=corpus-add-confirm]').click();
    await expect.poll(() => page.locator('[data-testid=notice]').last().innerText({ timeout: 1_000 })).toContain('找不到文件夹');
    await dialog.locator('[data-testid=corpus-path]').fill(extra);
    await dialog.locator('[data-testid=corpus-add-confirm]').click();
    await expect.poll(() => dialog.locator('[data-testid=corpus-folders] li').count()).toBe(2);
    await expect.poll(() => dialog.locator('[data-testid=corpus-status]').innerText({ timeout: 1_000 }), { timeout: 20_000 }).toContain('已索引 14 篇文档');
    await dialog.locator('[data-testid=corpus-remove]').last().click();
    await expect.poll(() => dialog.locator('[data-testid=corpus-folders] li').count()).toBe(1);
    await expect.poll(() => dialog.locator('[data-testid=corpus-status]').innerText({ timeout: 1_000 }), { timeout: 20_000 }).toContain('已索引 13 篇文档');
    await page.locator('[data-testid=dialog-close]').click();
  });

  it('cleans the open document with 清理素材', async () => {
    // textContent: off-screen blocks (content-visibility: auto) have no innerText.
    const documentText = () => page.$$eval(BLOCK, (els) => els.map((e) => e.textContent).join('\n'));
    const text = readFileSync(path.join(CORPUS, 'seeds', '004_9342abefdd77c34e.txt'), 'utf8');
    await page.evaluate((t) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', t);
      document.querySelector('[data-testid=editor]')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, text);
    await expect.poll(documentText).toContain('哒哒');
    await page.locator('[data-testid=tool-clean]').click();
    await expect.poll(documentText).not.toMatch(/哒哒|公众号|##paid/);
    expect(await documentText()).toContain('同时设立3个党员示范岗');
    await expect.poll(() => page.locator('[data-testid=notice]').last().innerText({ timeout: 1_000 })).toContain('推广信息 4 处');
    expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    expect(errors).toEqual([]);
  });
});

/**
 * The outline sidebar in the real renderer: live structure, navigation, drag-move with
 * renumbering and undo, promote/demote, fixes, suggestions, IME.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { BLOCK, imeType, PARAGRAPH, pasteText, settled } from '../support/browser';
import { useAppPage } from '../support/appPage';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus/seeds');

const app = useAppPage();
let page: Page;
let errors: string[];
beforeEach(() => {
  ({ page, errors } = app);
});

/** expect.poll with room for a busy machine (the default second is short when tests share 2 cores). */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000 });

const seed = (name: string) => readFileSync(path.join(CORPUS, name), 'utf8').replace(/\s+$/, '');

/** The document's paragraphs (textContent: blocks off screen have no innerText). */
const texts = (p: Page) => p.$$eval(BLOCK, (els) => els.map((e) => e.textContent ?? ''));

/** The sidebar's entries: number and title (without the count). */
const entries = (p: Page) =>
  p.$$eval('[data-testid=outline-item]', (els) => els.map((e) => `${'  '.repeat(Number(e.getAttribute('aria-level')) - 1)}${e.querySelector('.outline-text')!.textContent}`));

const item = (p: Page, text: string) => p.locator('[data-testid=outline-item]', { hasText: text });

async function openSeed(name: string): Promise<string[]> {
  await pasteText(page, seed(name));
  await poll(() => page.locator('[data-testid=outline-item], [data-testid=outline-suggestion]').count()).toBeGreaterThan(0);
  return texts(page);
}

describe('outline sidebar', () => {
  it('shows headings recognised by their numbering in their 公文 fonts, as the export sets them', async () => {
    for (const [i, l] of ['关于做好年度工作的通知', '一、总体要求', '（一）工作目标。到2025年全面完成。', '正文内容。'].entries()) {
      if (i > 0) await page.keyboard.press('Enter');
      await page.keyboard.insertText(l);
    }
    const p = (i: number) => page.locator(PARAGRAPH).nth(i);
    await poll(() => p(1).getAttribute('data-level')).toBe('1');
    expect(await p(1).evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/SimHei|黑体/);
    await poll(() => p(0).getAttribute('data-level')).toBe('0');
    expect(await p(0).evaluate((el) => getComputedStyle(el).textAlign)).toBe('center');
    // A run-in heading keeps the body font (only its heading part is 楷体 in Word), body text has no level.
    expect(await p(2).getAttribute('data-level')).toBeNull();
    expect(await p(3).getAttribute('data-level')).toBeNull();
    // Turning the line into body text by its style removes the heading look.
    await p(1).click();
    await page.keyboard.press('Control+Shift+N');
    await poll(() => p(1).getAttribute('data-level')).toBeNull();
    // Editing no longer makes it a heading: undo does.
    await page.keyboard.press('Control+z');
    await poll(() => p(1).getAttribute('data-level')).toBe('1');
  });

  it('shows the structure of a report with each section’s 字数, live as the user types', async () => {
    await openSeed('004_9342abefdd77c34e.txt');
    expect(await entries(page)).toEqual([
      '党组书记抓党建工作报告',
      '  一、上年度整改情况',
      '  二、主要工作情况',
      '    （一）学习入脑入心入行，成果深化内化转化',
      '    （二）服务用心用情用力，方法出新创新革新',
      '    （三）活动常办常新常态，资源互通互鉴互融',
      '    （四）支部建大建优建强，管理越专越精越好',
      '    （五）治党从细从严从实，党风更清更廉更正',
      '  三、存在不足',
      '  四、下一步措施',
    ]);
    const count = item(page, '三、存在不足').locator('[data-testid=outline-count]');
    expect(await count.innerText()).toBe('199');
    // Type in the body of 三、: its count follows.
    await page.locator(BLOCK).nth(14).click();
    await page.keyboard.insertText('我们将认真整改');
    await poll(() => count.innerText({ timeout: 1_000 })).toBe('206');
    // A new heading typed at the end appears in the tree.
    await page.keyboard.press('Control+End');
    await poll(() => page.locator('[data-testid=status-position]').innerText({ timeout: 1_000 })).toMatch(/^第 28 段/);
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('五、加强学习');
    await poll(() => entries(page)).toContain('  五、加强学习');
    expect(errors).toEqual([]);
  });

  it('goes to a heading on click, with the caret at its start, and highlights the caret’s section', async () => {
    await openSeed('004_9342abefdd77c34e.txt');
    await item(page, '（四）支部建大建优建强').click();
    await poll(() => page.locator('[data-testid=status-position]').innerText({ timeout: 1_000 })).toBe('第 12 段，第 1 字');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('editor');
    const box = await page.locator(BLOCK).nth(11).boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(900);
    await poll(() => page.locator('.outline-item.active').innerText({ timeout: 1_000 })).toContain('（四）支部建大建优建强');
    // Moving the caret into another section moves the highlight.
    await page.keyboard.press('Control+End');
    await poll(() => page.locator('.outline-item.active').innerText({ timeout: 1_000 })).toContain('四、下一步措施');
  });

  it('moves a section by dragging, renumbers, and undoes both in one step', async () => {
    const original = await openSeed('002_182f94ccda9023a4.txt');
    await item(page, '（四）注重整治实效').dragTo(item(page, '（一）把稳思想之舵'), { targetPosition: { x: 40, y: 2 } });
    await poll(() => entries(page)).toEqual([
      '一、认真履职尽责，严格落实第一责任人责任',
      '  （一）注重整治实效，在“改”上下真功',
      '  （二）把稳思想之舵，在“带”上用真心',
      '  （三）夯实基层基础，在“质”上提档次',
      '  （四）锻造清正之风，在“严”上动真格',
      '二、清醒认识问题，深刻剖析问题成因',
      '三、敢于刀刃向内，务实抓好整改提升',
      '  （一）持续深化理论武装，坚定政治方向',
      '  （二）强化基层组织建设，发挥堡垒作用',
      '  （三）树立鲜明用人导向，淬炼过硬干部队伍',
      '  （四）持续深化正风肃纪，优化政治生态',
    ]);
    const moved = await texts(page);
    expect(moved[3]).toBe(`（一）${original[6]!.slice('（四）'.length)}`); // the whole section, body and all
    expect(moved[4]).toBe(`（二）${original[3]!.slice('（一）'.length)}`);
    // One undo step restores order and numbers.
    await page.keyboard.press('Control+z');
    await poll(() => texts(page)).toEqual(original);
    await poll(() => entries(page)).toContain('  （一）把稳思想之舵，在“带”上用真心');
    await page.keyboard.press('Control+y');
    await poll(() => texts(page)).toEqual(moved);
  });

  it('drags a section into another as its last subsection, and an outer one after', async () => {
    await openSeed('004_9342abefdd77c34e.txt');
    const target = item(page, '二、主要工作情况');
    const h = (await target.boundingBox())!.height;
    await item(page, '三、存在不足').dragTo(target, { targetPosition: { x: 60, y: h / 2 } });
    await poll(() => entries(page)).toContain('    （六）存在不足');
    expect(await entries(page)).toContain('  三、下一步措施');
    await item(page, '（二）服务用心用情用力').dragTo(item(page, '三、下一步措施'), { targetPosition: { x: 60, y: h - 2 } });
    await poll(() => entries(page)).toContain('  四、服务用心用情用力，方法出新创新革新');
  });

  it('promotes and demotes with Tab / Shift+Tab in the sidebar and from the toolbar', async () => {
    const original = await openSeed('002_182f94ccda9023a4.txt');
    await item(page, '三、敢于刀刃向内').focus();
    await page.keyboard.press('Tab');
    await poll(() => entries(page)).toContain('  （一）敢于刀刃向内，务实抓好整改提升');
    expect(await entries(page)).toContain('    1.持续深化理论武装，坚定政治方向');
    // The focus stays on the section in the tree.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('敢于刀刃向内');
    await page.keyboard.press('Shift+Tab');
    await poll(() => texts(page)).toEqual(original);
    // Toolbar, with the caret in a heading.
    await item(page, '（二）夯实基层基础').click();
    await page.locator('[data-testid=tool-promote]').click();
    await poll(() => entries(page)).toContain('二、夯实基层基础，在“质”上提档次');
    expect(await entries(page)).toContain('  （一）锻造清正之风，在“严”上动真格');
    // Demoting takes the subheadings along (as Word does): the two it adopted go one level down.
    await page.locator('[data-testid=tool-demote]').click();
    await poll(() => entries(page)).toContain('    1.锻造清正之风，在“严”上动真格');
    expect(await entries(page)).toContain('  （二）夯实基层基础，在“质”上提档次');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await poll(() => texts(page)).toEqual(original);
    // Alt+Shift+↑ moves the section above its previous sibling.
    await page.keyboard.press('Alt+Shift+ArrowUp');
    await poll(() => entries(page).then((e) => e[1])).toBe('  （一）夯实基层基础，在“质”上提档次');
  });

  it('marks numbering problems and fixes them on click', async () => {
    await pasteText(page, ['一、总体要求', '(一)指导思想', '（三）基本原则', '二、工作任务'].join('\n'));
    await poll(() => page.locator('[data-testid=outline-problem-count]').innerText({ timeout: 1_000 })).toBe('2 处编号问题');
    await item(page, '(一)指导思想').locator('[data-testid=outline-problem]').click();
    await poll(() => page.locator('[data-testid=outline-problems]').innerText({ timeout: 1_000 })).toContain('“(一)”用了半角括号，应为“（一）”');
    await page.locator('[data-testid=outline-fix]').click();
    await poll(() => texts(page)).toEqual(['一、总体要求', '（一）指导思想', '（三）基本原则', '二、工作任务']);
    await item(page, '（三）基本原则').locator('[data-testid=outline-problem]').click();
    await page.locator('[data-testid=outline-fix]').click();
    await poll(() => texts(page)).toEqual(['一、总体要求', '（一）指导思想', '（二）基本原则', '二、工作任务']);
    await poll(() => page.locator('[data-testid=outline-problem-count]').innerText({ timeout: 1_000 })).toBe('编号无问题');
  });

  it('renumbers when a heading is typed in, and not once auto-renumbering is off', async () => {
    await pasteText(page, ['一、总体要求', '正文。', '二、工作任务', '正文。'].join('\n'));
    await poll(() => entries(page)).toHaveLength(2);
    // A new 二、 after the first section's body: the old 二、 becomes 三、.
    await page.locator(BLOCK).nth(1).click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('二、保障措施');
    await poll(() => texts(page)).toEqual(['一、总体要求', '正文。', '二、保障措施', '三、工作任务', '正文。']);
    // Undo takes back the new heading and the renumbering together.
    await page.keyboard.press('Control+z');
    await poll(() => texts(page)).toEqual(['一、总体要求', '正文。', '', '二、工作任务', '正文。']);
    await page.locator('[data-testid=outline-autorenumber]').uncheck();
    await page.keyboard.insertText('二、保障措施');
    await poll(() => entries(page)).toEqual(['一、总体要求', '二、保障措施', '二、工作任务']);
    await poll(() => page.locator('[data-testid=outline-problem-count]').innerText({ timeout: 1_000 })).toBe('1 处编号问题');
    // The setting is saved.
    await page.reload();
    await page.waitForSelector('[data-testid=outline-autorenumber]');
    expect(await page.locator('[data-testid=outline-autorenumber]').isChecked()).toBe(false);
  });

  it('offers unnumbered leads as headings, and makes one a heading on request', async () => {
    await openSeed('003_cc503eda10b51707.txt');
    const suggestions = page.locator('[data-testid=outline-suggestion]');
    await poll(() => suggestions.count()).toBe(3);
    expect(await page.locator(BLOCK).nth(2).getAttribute('data-role')).toBeNull();
    await suggestions.first().locator('[data-testid=outline-accept]').click();
    await poll(() => page.locator(BLOCK).nth(2).getAttribute('data-role')).toBe('heading1');
    await poll(() => entries(page)).toEqual(['深植“根须”，牢固夯实党在农村的执政根基']);
  });

  it('waits for an IME composition to be committed before updating a heading', async () => {
    await pasteText(page, ['一、总体要求', '正文。'].join('\n'));
    await item(page, '一、总体要求').click();
    await page.keyboard.press('End');
    await imeType(page, ['h', 'he', 'he x', 'he xi'], '和细则');
    await poll(() => entries(page)).toEqual(['一、总体要求和细则']);
    expect(errors).toEqual([]);
  });

  it('keeps a long outline light: rows in view only, following the caret, scrolled freely', async () => {
    await pasteText(page, readFileSync(path.join(CORPUS, '../gov/gov-009.txt'), 'utf8').replace(/\s+$/, ''));
    await poll(() => page.locator('[data-testid=outline-item]').count()).toBeGreaterThan(20);
    const rendered = await page.locator('[data-testid=outline-item]').count();
    expect(rendered).toBeLessThan(90); // the outline has 96 entries
    // The caret at the end of the document: the tree shows and highlights the last section.
    await page.keyboard.press('Control+End');
    const active = page.locator('.outline-item.active');
    await poll(() => active.innerText({ timeout: 1_000 })).toContain('55.医务人员满意度▲');
    const body = await page.locator('.outline-body').boundingBox();
    const row = await active.boundingBox();
    expect(row!.y).toBeGreaterThanOrEqual(body!.y);
    expect(row!.y + row!.height).toBeLessThanOrEqual(body!.y + body!.height + 1);
    // Scrolling the tree to its top stays there (the caret has not moved).
    await page.locator('.outline-body').evaluate((el) => (el.scrollTop = 0));
    await poll(() => page.locator('[data-testid=outline-item]').first().innerText({ timeout: 1_000 })).toContain('国务院办公厅关于加强三级公立医院绩效考核工作的意见');
    await settled(page); // the frames in which the tree could follow the caret again
    expect(await page.locator('.outline-body').evaluate((el) => el.scrollTop)).toBe(0);
    // Keyboard walking renders what it reaches.
    await page.locator('[data-testid=outline-item]').first().focus();
    await page.keyboard.press('End');
    await poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('55.医务人员满意度▲');
  });

  it('collapses and expands sections, and walks the tree with the keyboard', async () => {
    await openSeed('004_9342abefdd77c34e.txt');
    await item(page, '二、主要工作情况').locator('[data-testid=outline-twisty]').click();
    await poll(() => page.locator('[data-testid=outline-item]').count()).toBe(5);
    await item(page, '二、主要工作情况').focus();
    await page.keyboard.press('ArrowRight');
    await poll(() => page.locator('[data-testid=outline-item]').count()).toBe(10);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('（一）学习入脑入心入行');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('[data-testid=status-position]').innerText({ timeout: 1_000 })).toBe('第 9 段，第 1 字');
  });
});

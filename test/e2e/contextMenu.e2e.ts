/**
 * The right-click menu in the text and the lines the editor draws on the parts (web harness +
 * Chromium): 剪切/粘贴 through the menu, 段落样式 from it, the keyboard (Shift+F10, ↑ ↓ → Enter,
 * Esc back to the caret); the red line under the 发文字号, the 版记's rules, the 附件 page mark.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { PARAGRAPH, paragraphs, pasteText } from '../support/browser';
import { useFreshAppPage } from '../support/appPage';

let page: Page;
let errors: string[];

const app = useFreshAppPage({ ready: (p) => p.context().grantPermissions(['clipboard-read', 'clipboard-write']) });
beforeEach(() => ({ page, errors } = app));

const menu = () => page.locator('[data-testid=context-menu]');
const para = (i: number) => page.locator(PARAGRAPH).nth(i);

describe('right-click menu', () => {
  it('cuts and pastes through the menu, and sets the paragraph style from it', async () => {
    await pasteText(page, '第一段。\n甲乙丙');
    await para(1).dblclick(); // selects the word
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    await para(1).click({ button: 'right' });
    await menu().waitFor();
    expect(await menu().locator('button').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('剪切'), expect.stringContaining('复制'), expect.stringContaining('粘贴'), expect.stringContaining('全选'), expect.stringContaining('加粗'), expect.stringContaining('段落样式')]));
    await page.locator('[data-testid=menu-cut]').click();
    await expect.poll(() => paragraphs(page)).toEqual(['第一段。', '']);
    await para(0).click();
    await page.keyboard.press('End');
    await para(0).click({ button: 'right', position: { x: 200, y: 5 } });
    await page.locator('[data-testid=menu-paste]').click();
    await expect.poll(() => paragraphs(page)).toEqual(['第一段。甲乙丙', '']);
    // 段落样式 → 一级标题 on the caret's paragraph.
    await para(0).click({ button: 'right' });
    await page.locator('[data-testid=menu-role]').click();
    await page.locator('[data-testid=menu-role-title]').click();
    await expect.poll(() => page.locator('[data-testid=role-select]').inputValue()).toBe('title');
    expect(errors).toEqual([]);
  });

  it('opens from the keyboard (Shift+F10), walks with the arrows, and Esc gives the caret back', async () => {
    await page.keyboard.insertText('甲乙丙丁');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Shift+F10');
    await menu().waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('menu-cut');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('menu-copy');
    await page.keyboard.press('Escape');
    await expect.poll(() => menu().count()).toBe(0);
    await page.keyboard.insertText('X');
    expect(await paragraphs(page)).toEqual(['甲乙丙X丁']);
    // The ContextMenu key too; 段落样式 by keys: End, →, ↓ (the first part after 自动), Enter.
    await page.keyboard.press('ContextMenu');
    await menu().waitFor();
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('menu-role');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('menu-role-auto');
    await page.keyboard.press('ArrowDown');
    const chosen = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    await page.keyboard.press('Enter');
    await expect.poll(() => menu().count()).toBe(0);
    await expect.poll(() => para(0).getAttribute('data-part')).toBe(chosen!.replace('menu-role-', ''));
    await page.keyboard.insertText('Y');
    expect(await paragraphs(page)).toEqual(['甲乙丙XY丁']);
  });
});

describe('the lines of a 公文 in the editor', () => {
  it('draws the red line under the 发文字号, the 版记 rules and the page mark before 附件', async () => {
    await pasteText(
      page,
      [
        '××市人民政府文件',
        '×政发〔2025〕12号',
        '关于做好年度工作的通知',
        '各区人民政府：',
        '现将有关事项通知如下。',
        '附件：1.工作安排',
        '××市人民政府',
        '2025年3月5日',
        '附件1',
        '工作安排',
        '一、总体要求',
        '抄送：市委办公室，市人大常委会办公室。',
        '××市人民政府办公室 2025年3月6日印发',
      ].join('\n'),
    );
    await expect.poll(() => para(1).getAttribute('data-part')).toBe('doc-number');
    const style = (i: number) =>
      para(i).evaluate((el) => {
        const s = getComputedStyle(el);
        return { bottom: `${s.borderBottomStyle} ${s.borderBottomColor}`, top: `${s.borderTopStyle} ${s.borderTopWidth}`, bottomWidth: s.borderBottomWidth, before: getComputedStyle(el, '::before').content };
      });
    expect((await style(1)).bottom).toBe('solid rgb(255, 0, 0)');
    expect((await style(0)).bottom).toMatch(/^none/);
    await expect.poll(() => para(8).getAttribute('data-part')).toBe('attachment-label');
    expect((await style(8)).top).toMatch(/^dashed/);
    expect((await style(8)).before).toBe('"分页"');
    await expect.poll(() => para(12).getAttribute('data-part')).toBe('imprint');
    const cc = await style(11);
    const imprint = await style(12);
    // Thick (1 pt) over 抄送, thin (0.75 pt) between, thick under 印发 (both a device pixel at this zoom).
    expect(cc.top).toMatch(/^solid /);
    expect(imprint.top).toMatch(/^solid /);
    expect(imprint.bottomWidth).not.toBe('0px');
    expect((await style(10)).top).toMatch(/^dashed|^none/); // the attachment's heading has none
    await page.screenshot({ path: process.env.WENGAO_SHOT ?? '/dev/null', fullPage: true }).catch(() => undefined);
  });
});

/**
 * The editor holds the document's blocks in groups of ~50 (BlockGroupNode, `div.wg-blocks`, for
 * typing speed); a user must never notice them. Here what a Word user does at and across a
 * group's edge, in the real renderer: copying paragraphs and pasting them elsewhere, deleting a
 * group's worth of paragraphs and undoing it.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { BLOCK, PARAGRAPH, pasteText } from '../support/browser';
import { useAppPage } from '../support/appPage';

const app = useAppPage({ ready: (p) => p.context().grantPermissions(['clipboard-read', 'clipboard-write']) });
let page: Page;
let errors: string[];
beforeEach(() => {
  ({ page, errors } = app);
});

const para = (p: Page, i: number) => p.locator(PARAGRAPH).nth(i);
/**
 * The text of every block, off screen too (`paragraphs()` reads innerText, which is empty for a
 * group Chromium skips as off screen).
 */
const blockTexts = (p: Page) => p.$$eval(BLOCK, (els) => els.map((e) => e.textContent ?? ''));
/**
 * The status bar's count of selected characters (a paragraph break counts one): the signal that
 * the editor, not only the page, has the selection.
 */
const selectedChars = (p: Page) => p.locator('[data-testid=status-position]').innerText({ timeout: 1_000 }).then((t) => Number(/已选 (\d+) 字/.exec(t)?.[1] ?? 0));
/** 120 one-line paragraphs: groups of 50, 50 and 20. */
const LINES = Array.from({ length: 120 }, (_, i) => `第${i + 1}段文字。`);

async function loadLines(p: Page): Promise<void> {
  await pasteText(p, LINES.join('\n'));
  await expect.poll(() => para(p, LINES.length - 1).textContent({ timeout: 1_000 })).toBe(LINES.at(-1));
  expect(await p.locator('[data-testid=editor] > .wg-blocks').count()).toBe(3);
}

describe('copy and paste across a group edge', () => {
  it('pastes paragraphs copied across a group edge as paragraphs, as Word does, and one undo takes them out', async () => {
    await loadLines(page);
    // Paragraphs 49–51: the last two of the first group and the first of the second.
    await para(page, 48).click();
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+End');
    await expect.poll(() => page.evaluate(() => getSelection()!.toString())).toBe('第49段文字。\n\n第50段文字。\n\n第51段文字。');
    await expect.poll(() => selectedChars(page)).toBe(LINES.slice(48, 51).join('\n').length);
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+v');
    await expect.poll(() => blockTexts(page)).toEqual([...LINES, '第49段文字。', '第50段文字。', '第51段文字。']);
    expect(await page.locator('.wg-blocks .wg-blocks').count()).toBe(0);
    await page.keyboard.insertText('完');
    await expect.poll(async () => (await blockTexts(page)).at(-1)).toBe('第51段文字。完');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(() => blockTexts(page)).toEqual([...LINES, '']);
    expect(errors).toEqual([]);
  });

  it('pastes Word\'s paragraphs (HTML) over a selection across a group edge as paragraphs, the caret after them', async () => {
    await loadLines(page);
    // From inside 第50段 (the first group's last) to inside 第51段 (the second group's first).
    await para(page, 49).click();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => page.evaluate(() => getSelection()!.toString())).toBe('50段文字。\n\n第');
    await expect.poll(() => selectedChars(page)).toBe('50段文字。\n第'.length);
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.setData('text/html', '<html><body><!--StartFragment--><p class="MsoNormal">甲段</p><p class="MsoNormal">乙段</p><!--EndFragment--></body></html>');
      dt.setData('text/plain', '甲段\r\n乙段');
      document.querySelector('[data-testid=editor]')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => blockTexts(page)).toEqual([...LINES.slice(0, 49), '第甲段', '乙段51段文字。', ...LINES.slice(51)]);
    await page.keyboard.insertText('丙');
    await expect.poll(async () => (await blockTexts(page))[50]).toBe('乙段丙51段文字。');
    expect(await page.locator('.wg-blocks .wg-blocks').count()).toBe(0);
    expect(errors).toEqual([]);
  });
  it('pastes a table from Word into a grouped document as a table, not as its cells\' text', async () => {
    await loadLines(page);
    await para(page, 60).click();
    await page.keyboard.press('End');
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.setData('text/html', '<p>表前</p><table><tr><td>甲</td><td>乙</td></tr><tr><td>丙</td><td>丁</td></tr></table><p>表后</p>');
      dt.setData('text/plain', '表前\n甲\t乙\n丙\t丁\n表后');
      document.querySelector('[data-testid=editor]')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => page.locator('[data-testid=editor] > .wg-blocks > table').count()).toBe(1);
    expect(await page.locator('[data-testid=editor] table td').allTextContents()).toEqual(['甲', '乙', '丙', '丁']);
    expect((await blockTexts(page)).slice(60, 63)).toEqual([`${LINES[60]}表前`, '甲乙丙丁', '表后']);
    expect(errors).toEqual([]);
  });
});

describe('deleting across a group edge', () => {
  it('deletes a whole group\'s worth of paragraphs, and undo brings them back without an error', async () => {
    await loadLines(page);
    // From the start of 第51段 (the second group's first) to the start of 第101段 (the third's first):
    // the second group keeps one paragraph and joins the third.
    await para(page, 50).click();
    await page.keyboard.press('Home');
    for (let i = 0; i < 50; i++) await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => page.evaluate(() => getSelection()!.toString().split('\n\n').length)).toBe(51);
    await expect.poll(() => selectedChars(page)).toBe(LINES.slice(50, 101).join('\n').length - LINES[100]!.length);
    await page.keyboard.press('Delete');
    await expect.poll(() => blockTexts(page)).toEqual([...LINES.slice(0, 50), ...LINES.slice(100)]);
    await page.keyboard.press('Control+z');
    await expect.poll(() => blockTexts(page)).toEqual(LINES);
    // The selection is back too: typing replaces it.
    await page.keyboard.insertText('甲');
    const typed = [...LINES.slice(0, 50), `甲${LINES[100]}`, ...LINES.slice(101)];
    await expect.poll(() => blockTexts(page)).toEqual(typed);
    await page.keyboard.press('Control+z');
    await expect.poll(() => blockTexts(page)).toEqual(LINES);
    await page.keyboard.press('Control+y');
    await expect.poll(() => blockTexts(page)).toEqual(typed);
    expect(errors).toEqual([]);
  });
});

/**
 * 新建 from a 文种 in the app (web harness + Chromium): the dialog lists the templates `wengao new`
 * writes, the new document is untitled and unsaved (Ctrl+S asks where), its first ×× field is
 * selected and F11 / Shift+F11 go to the next / previous one. The 函's print view is a 信函: its
 * 标志 30 mm from the top of the paper, the lower double line 20 mm above its bottom edge, and no
 * number on the first page.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { DOCUMENT_TEMPLATES } from '../../shared/templates/templates';
import { PARAGRAPH, paragraphs } from '../support/browser';
import { useFreshAppPage } from '../support/appPage';
import { PT_PER_MM, TEST_FONTCONFIG, inkBands, pageNumber, readPdf } from '../support/pdf';

let page: Page;
let errors: string[];

const app = useFreshAppPage({ browserEnv: { ...process.env, FONTCONFIG_FILE: TEST_FONTCONFIG } });
beforeEach(() => ({ page, errors } = app));

const selectedText = () => page.evaluate(() => window.getSelection()?.toString() ?? '');

async function newFrom(id: string): Promise<void> {
  await page.locator('[data-testid=tool-new-template]').click();
  await page.locator('[data-testid=new-dialog]').waitFor();
  await page.locator(`[data-testid=new-${id}]`).check();
  await page.locator('[data-testid=new-ok]').click();
  await expect.poll(() => page.locator('[data-testid=new-dialog]').count()).toBe(0);
}

describe('新建 from a 文种', () => {
  it('offers every template; the 通知 comes with its parts, untitled, its first ×× selected; F11 walks the fields', async () => {
    await page.locator('[data-testid=tool-new-template]').click();
    const offered = await page.locator('[data-testid=new-dialog] label').allInnerTexts();
    expect(offered).toEqual(['空白文档', ...DOCUMENT_TEMPLATES.map((t) => t.name)]);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-testid=new-dialog]').count()).toBe(0);

    await newFrom('notice');
    await expect.poll(() => paragraphs(page)).toContain('特此通知。');
    expect(await page.title()).toBe('未命名文稿 - 文稿');
    // The 标志 is the first field, selected: typing replaces it.
    expect(await selectedText()).toBe('××××××');
    await page.keyboard.insertText('某市人民政府');
    await page.keyboard.press('F11');
    await expect.poll(selectedText).toBe('××');
    await page.keyboard.insertText('市政');
    const docNumber = async () => (await paragraphs(page))[1];
    expect(await docNumber()).toBe('市政发〔××××〕××号');
    await page.keyboard.press('F11');
    await expect.poll(selectedText).toBe('××××');
    await page.keyboard.insertText('2025');
    expect(await docNumber()).toBe('市政发〔2025〕××号');
    // F11 on to the next ones, Shift+F11 back to the one before.
    await page.keyboard.press('F11');
    await expect.poll(selectedText).toBe('××');
    await page.keyboard.press('F11');
    await expect.poll(selectedText).toBe('××××');
    expect(await page.evaluate(() => window.getSelection()!.anchorNode!.textContent)).toBe('××××关于××××的通知');
    await page.keyboard.press('Shift+F11');
    await expect.poll(selectedText).toBe('××');
    expect(await page.evaluate(() => window.getSelection()!.anchorNode!.textContent)).toBe('市政发〔2025〕××号');
    // The parts are the template's: the 标志 shows red, the title as a title.
    expect(await page.locator(PARAGRAPH).nth(0).getAttribute('data-part')).toBe('issuer-mark');
    expect(await page.locator(PARAGRAPH).nth(2).getAttribute('data-part')).toBe('title');
    // Unsaved and untitled: Ctrl+S asks where, suggesting the title (not the 标志 above it) as the name.
    await expect.poll(() => page.title()).toBe('*未命名文稿 - 文稿');
    await page.keyboard.press('Control+s');
    await page.locator('[data-testid=dialog-input]').waitFor();
    expect(await page.locator('[data-testid=dialog-input]').inputValue()).toBe('××××关于××××的通知.docx');
    expect(errors).toEqual([]);
  });

  it('F11 in a document with no ×× says so and moves nothing', async () => {
    await page.keyboard.insertText('正文。');
    await page.keyboard.press('F11');
    await expect.poll(() => page.locator('[data-testid=notice]').last().innerText({ timeout: 1_000 })).toContain('没有需要填写的 ×× 处');
    await page.keyboard.insertText('再写。');
    expect(await paragraphs(page)).toEqual(['正文。再写。']);
  });

  it('a 函 previews and prints as a 信函: 标志 30 mm from the top, lower double line 20 mm above the bottom, page 1 unnumbered', async () => {
    await newFrom('letter');
    await expect.poll(() => paragraphs(page)).toContain('特此函告。');
    await page.keyboard.press('Control+p');
    await page.locator('[data-testid=print-view][data-pages]').waitFor();
    expect(await page.locator('[data-testid=print-letter-foot]').count()).toBe(1);
    const first = await page.$$eval('[data-testid=print-sheet]', (s) => s.map((x) => x.querySelector('[data-testid=print-page-number]')?.textContent ?? null));
    expect(first[0]).toBeNull();
    // In the preview: the foot 20 mm above the first sheet's bottom.
    const geo = await page.evaluate(() => {
      const sheet = document.querySelector('[data-testid=print-sheet]')!.getBoundingClientRect();
      const foot = document.querySelector('[data-testid=print-letter-foot]')!.getBoundingClientRect();
      const mark = document.querySelector('.wg-print .letter-head')!.getBoundingClientRect();
      return { mm: sheet.height / 297, footBottom: (sheet.bottom - foot.bottom) / (sheet.height / 297), markTop: (mark.top - sheet.top) / (sheet.height / 297) };
    });
    expect(Math.abs(geo.footBottom - 20)).toBeLessThan(0.5);
    expect(Math.abs(geo.markTop - 30)).toBeLessThan(0.5);
    await page.screenshot({ path: process.env.WENGAO_SHOT ?? '/dev/null' }).catch(() => undefined);
    // The PDF of the same view: red ink from 30 mm down, the last red band 20 mm above the bottom.
    const bytes = await page.pdf({ preferCSSPageSize: true });
    const pdf = readPdf(bytes);
    expect(pageNumber(pdf.pages[0]!)).toBeNull();
    const red = inkBands(bytes, 1, 'red');
    const h = pdf.pages[0]!.height;
    expect(red[0]!.top / PT_PER_MM).toBeGreaterThan(29.5);
    expect(red[0]!.top / PT_PER_MM).toBeLessThan(34);
    const lowest = red[red.length - 1]!;
    expect(Math.abs((h - lowest.bottom) / PT_PER_MM - 20)).toBeLessThan(0.6);
    expect((lowest.right - lowest.left) / PT_PER_MM).toBeCloseTo(170, 0);
  });
});

/**
 * 打印预览 (Ctrl+P) in the real renderer (web harness + Chromium): the print view's real pages,
 * page numbers per GB/T 9704 7.5, page navigation, 打印/导出PDF from the preview (the browser's
 * print is stubbed and page.pdf prints what it would), Esc back to the editor with the caret kept.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { paragraphs, pasteText } from '../support/browser';
import { useFreshAppPage } from '../support/appPage';
import { TEST_FONTCONFIG, inkBands, pageNumber, readPdf, PT_PER_MM } from '../support/pdf';

let page: Page;
let errors: string[];

const app = useFreshAppPage({ browserEnv: { ...process.env, FONTCONFIG_FILE: TEST_FONTCONFIG } });
beforeEach(() => ({ page, errors } = app));

/**
 * A 通知 whose text (with its 署名 and date) fills the second page to its last line: its 版记
 * fits nowhere but a page of its own, the third, an odd page (the front of a sheet). So a blank
 * page comes first and the 版记 lies on page 4, the back of the last sheet: neither carries a number.
 */
function noticeFillingTwoPages(): string {
  const lines = ['关于做好年度工作的通知', '', '各区人民政府：'];
  for (let i = 1; i <= 38; i++) lines.push(`第${i}段正文内容。`);
  lines.push('', '××市人民政府办公室', '2025年3月6日', '抄送：市委办公室，市人大常委会办公室。', '××市人民政府办公室 2025年3月6日印发');
  return lines.join('\n');
}

const preview = () => page.locator('[data-testid=print-preview]');
const pageLabel = () => page.locator('[data-testid=preview-page]').innerText();

async function openPreview(): Promise<number> {
  await page.keyboard.press('Control+p');
  await preview().waitFor();
  await page.locator('[data-testid=print-view][data-pages]').waitFor();
  return Number(await page.locator('[data-testid=print-view]').getAttribute('data-pages'));
}

/** Each sheet's page number as the preview draws it (null: none). */
function sheetNumbers(): Promise<Array<string | null>> {
  return page.$$eval('[data-testid=print-sheet]', (sheets) => sheets.map((s) => s.querySelector('[data-testid=print-page-number]')?.textContent ?? null));
}

describe('打印预览', () => {
  it('shows real pages: 4 sheets, a blank page before the 版记 page, neither numbered (7.5); the 版记 ends on the 版心 bottom', async () => {
    await pasteText(page, noticeFillingTwoPages());
    expect(await openPreview()).toBe(4);
    expect(await sheetNumbers()).toEqual(['— 1 —', '— 2 —', null, null]);
    expect(await pageLabel()).toBe('第 1 页，共 4 页');
    // The 版记's last rule lies on the bottom edge of the 4th sheet's 版心 (225 mm under its top, 37 mm down the sheet).
    const geo = await page.evaluate(() => {
      const sheet = document.querySelectorAll('[data-testid=print-sheet]')[3]!.getBoundingClientRect();
      const record = document.querySelector('.wg-print .record')!.getBoundingClientRect();
      const blank = document.querySelector('.wg-print .blank-page')!.getBoundingClientRect();
      const third = document.querySelectorAll('[data-testid=print-sheet]')[2]!.getBoundingClientRect();
      return { scale: sheet.height / ((297 / 25.4) * 96), sheetTop: sheet.top, sheetLeft: sheet.left, sheetRight: sheet.right, recordBottom: record.bottom, recordLeft: record.left, blankLeft: blank.left, thirdLeft: third.left, thirdRight: third.right };
    });
    const mmPx = (96 / 25.4) * geo.scale;
    expect(geo.recordLeft).toBeGreaterThan(geo.sheetLeft);
    expect(geo.recordLeft).toBeLessThan(geo.sheetRight);
    expect(Math.abs((geo.recordBottom - geo.sheetTop) / mmPx - (37 + 225))).toBeLessThan(1);
    expect(geo.blankLeft).toBeGreaterThan(geo.thirdLeft);
    expect(geo.blankLeft).toBeLessThan(geo.thirdRight);

    // Navigation: PageDown, the buttons, End / Home.
    await page.keyboard.press('PageDown');
    await expect.poll(pageLabel).toBe('第 2 页，共 4 页');
    await page.locator('[data-testid=preview-next]').click();
    await expect.poll(pageLabel).toBe('第 3 页，共 4 页');
    await page.keyboard.press('End');
    await expect.poll(pageLabel).toBe('第 4 页，共 4 页');
    expect(await page.locator('[data-testid=preview-next]').isDisabled()).toBe(true);
    await page.keyboard.press('Home');
    await expect.poll(pageLabel).toBe('第 1 页，共 4 页');
    expect(errors).toEqual([]);
  });

  it('prints and exports the PDF from the preview: the same 4 pages, numbers on pages 1 and 2 only', async () => {
    await pasteText(page, noticeFillingTwoPages());
    await openPreview();
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    const printed = () => page.evaluate(() => (window as unknown as { printed: number }).printed);
    await page.locator('[data-testid=preview-print]').click();
    await expect.poll(printed).toBe(1);
    await page.keyboard.press('Control+p'); // in the preview, Ctrl+P prints
    await expect.poll(printed).toBe(2);
    await page.locator('[data-testid=preview-pdf]').click(); // a browser: its print dialog, 另存为 PDF
    await expect.poll(printed).toBe(3);
    const bytes = await page.pdf({ preferCSSPageSize: true });
    const pdf = readPdf(bytes);
    expect(pdf.pages.length).toBe(4);
    expect(pageNumber(pdf.pages[0]!)!.text.replace(/\s/g, '')).toBe('—1—');
    expect(pageNumber(pdf.pages[1]!)!.text.replace(/\s/g, '')).toBe('—2—');
    expect(pageNumber(pdf.pages[2]!)).toBeNull();
    expect(pageNumber(pdf.pages[3]!)).toBeNull();
    expect(pdf.pages[2]!.words).toEqual([]); // the blank page
    const last = pdf.pages[3]!.words.map((w) => w.text).join('');
    expect(last).toContain('抄送');
    expect(pdf.text).not.toContain('打印预览'); // none of the preview's own UI is printed
    // The 版记's last rule on the 版心's bottom edge (262 mm down the page), within a point.
    const rules = inkBands(bytes, 4, 'black', 400);
    expect(rules.length).toBeGreaterThanOrEqual(3);
    expect(Math.abs(rules[rules.length - 1]!.bottom - 262 * PT_PER_MM)).toBeLessThan(1.5);
    expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
  });

  it('Esc closes the preview and the caret is back where it was', async () => {
    await page.keyboard.insertText('甲乙丙丁');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await openPreview()).toBe(1);
    expect(await sheetNumbers()).toEqual(['— 1 —']);
    await page.keyboard.press('Escape');
    await expect.poll(() => preview().count()).toBe(0);
    await expect.poll(() => page.locator('[data-testid=print-view]').count()).toBe(0);
    await page.keyboard.insertText('X');
    expect(await paragraphs(page)).toEqual(['甲乙X丙丁']);
    // 关闭 does the same.
    await openPreview();
    await page.locator('[data-testid=preview-close]').click();
    await expect.poll(() => preview().count()).toBe(0);
    await page.keyboard.insertText('Y');
    expect(await paragraphs(page)).toEqual(['甲乙XY丙丁']);
  });
});

/**
 * Export from the real renderer (web harness + Chromium): the export dialog writes a 公文 .docx
 * and GB18030 text through the API, the 选项 page changes the fonts the next export uses, and the
 * PDF is the print view printed by Chromium's page.pdf (what Electron's printToPDF prints in the
 * app: the harness has no printToPDF, so the browser's print is stubbed and page.pdf prints).
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { type RunningHarness } from '../support/browser';
import { useFreshAppPage } from '../support/appPage';
import { paragraphs as docxParagraphs, readDocxParts } from '../support/docxXml';
import { TEST_FONTCONFIG, bodyLines, pageNumber, readPdf } from '../support/pdf';

const SEED = path.resolve(__dirname, '../../../shared/corpus/seeds/000_40f08a2d6707e5f7.txt');

let harness: RunningHarness;
let page: Page;
let errors: string[];
const out = mkdtempSync(path.join(os.tmpdir(), 'wengao-e2e-export-'));

const app = useFreshAppPage({ browserEnv: { ...process.env, FONTCONFIG_FILE: TEST_FONTCONFIG } });
beforeEach(() => ({ page, errors, harness } = app));

async function typeLines(lines: string[]): Promise<void> {
  for (const [i, l] of lines.entries()) {
    if (i > 0) await page.keyboard.press('Enter');
    if (l) await page.keyboard.insertText(l);
  }
}

async function openExport(): Promise<void> {
  await page.locator('[data-testid=tool-export]').click();
  await page.locator('[data-testid=export-dialog]').waitFor();
}

const notice = () => page.locator('[data-testid=notice]').last();

describe('export dialog', () => {
  it('exports a 公文 Word file with the title, headings and fonts, and remembers the choice', async () => {
    await typeLines(['关于做好年度工作的通知', '', '一、总体要求', '（二）工作目标。到2025年全面完成。', '正文内容。']);
    await openExport();
    await page.locator('[data-testid=export-docx-gbt9704]').check();
    const file = path.join(out, '通知.docx');
    await page.locator('[data-testid=export-path]').fill(file);
    await page.locator('[data-testid=export-ok]').click();
    await expect.poll(() => notice().innerText({ timeout: 1_000 })).toContain('已导出');
    const parts = readDocxParts(readFileSync(file));
    const ps = docxParagraphs(parts.document);
    expect(ps.find((p) => p.text === '关于做好年度工作的通知')?.style).toBe('Title');
    expect(ps.find((p) => p.text === '一、总体要求')?.style).toBe('Heading1');
    const h2 = ps.find((p) => p.text.startsWith('（二）'))!;
    expect(h2.style).toBe('Heading2');
    expect(h2.runs[0]!.xml).toContain('w:eastAsia="楷体_GB2312"');
    expect(h2.runs[1]!.xml).toContain('w:eastAsia="仿宋_GB2312"');
    // The dialog remembers the template in the settings.
    const settings = JSON.parse(readFileSync(path.join(harness.userData, 'settings.json'), 'utf8'));
    expect(settings.export.template).toBe('gbt9704');
    expect(errors).toEqual([]);
  });

  it('changes the export fonts on the 选项 page; the next export uses them', async () => {
    await typeLines(['正文内容。']);
    await openExport();
    await page.getByText('字体和格式设置…').click();
    await page.locator('[data-testid=options-dialog]').waitFor();
    await page.locator('[data-testid=font-body]').fill('');
    await expect.poll(() => page.locator('[data-testid=options-ok]').isDisabled()).toBe(true);
    await page.locator('[data-testid=font-body]').fill('仿宋');
    await page.locator('[data-testid=export-author]').fill('综合科');
    await page.locator('[data-testid=options-ok]').click();
    await expect.poll(() => page.locator('[data-testid=options-dialog]').count()).toBe(0);
    await openExport();
    const file = path.join(out, '正文.docx');
    await page.locator('[data-testid=export-path]').fill(file);
    await page.locator('[data-testid=export-ok]').click();
    await expect.poll(() => existsSync(file)).toBe(true);
    const parts = readDocxParts(readFileSync(file));
    expect(docxParagraphs(parts.document)[0]!.runs[0]!.xml).toContain('w:eastAsia="仿宋"');
    expect(parts.core).toContain('<dc:creator>综合科</dc:creator>');
    // Back to the defaults for the other tests.
    await openExport();
    await page.getByText('字体和格式设置…').click();
    await page.locator('[data-testid=fonts-reset]').click();
    expect(await page.locator('[data-testid=font-body]').inputValue()).toBe('仿宋_GB2312');
    await page.locator('[data-testid=options-ok]').click();
  });

  it('exports GB18030 text and reports a bad location in Chinese without writing', async () => {
    await typeLines(['第一段。', '第二段。']);
    await openExport();
    await page.locator('[data-testid=export-txt]').check();
    await page.locator('[data-testid=export-encoding]').selectOption('gb18030');
    const bad = path.join(out, 'no-such-folder', 'a.txt');
    await page.locator('[data-testid=export-path]').fill(bad);
    await page.locator('[data-testid=export-ok]').click();
    await expect.poll(() => notice().innerText({ timeout: 1_000 })).toContain('找不到保存位置');
    await openExport();
    await page.locator('[data-testid=export-txt]').check();
    const file = path.join(out, 'a.txt');
    await page.locator('[data-testid=export-path]').fill(file);
    await page.locator('[data-testid=export-ok]').click();
    await expect.poll(() => existsSync(file)).toBe(true);
    // New paragraphs are indented two characters: plain text marks that with two full-width spaces.
    expect(new TextDecoder('gb18030').decode(readFileSync(file))).toBe('\u3000\u3000第一段。\r\n\u3000\u3000第二段。\r\n');
  });
});

describe('PDF: the print view', () => {
  it('prints the 公文 layout: A4, 22 lines, "— 1 —" right on page 1 and "— 2 —" left on page 2', async () => {
    const lines = readFileSync(SEED, 'utf8').split(/\r?\n/).slice(0, 12);
    await typeLines(lines);
    // The browser's print dialog is replaced by page.pdf(); the view stays until "afterprint".
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await openExport();
    await page.locator('[data-testid=export-pdf]').check();
    expect(await page.locator('[data-testid=export-path]').count()).toBe(0); // the browser asks where
    await page.locator('[data-testid=export-ok]').click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    expect(await page.locator('[data-testid=print-view]').isVisible()).toBe(false); // only in print
    const pdf = readPdf(await page.pdf({ preferCSSPageSize: true }));
    expect(pdf.pages.length).toBeGreaterThanOrEqual(3);
    expect(pdf.pages[0]!.width).toBeCloseTo(595.3, 0);
    expect(Math.max(...pdf.pages.map((p) => bodyLines(p).length))).toBe(22);
    const one = pageNumber(pdf.pages[0]!)!;
    const two = pageNumber(pdf.pages[1]!)!;
    expect(one.text.replace(/\s/g, '')).toBe('—1—');
    expect(two.text.replace(/\s/g, '')).toBe('—2—');
    expect(one.xMin).toBeGreaterThan(pdf.pages[0]!.width / 2);
    expect(two.xMax).toBeLessThan(pdf.pages[1]!.width / 2);
    // Nothing of the editor UI is printed, and the text is all there.
    expect(pdf.text).not.toContain('导出');
    expect(pdf.text.replace(/\s/g, '')).toContain('一、抓牢党建“方向盘”，凝神聚力引领发展');
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect.poll(() => page.locator('[data-testid=print-view]').count()).toBe(0);
    expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
  });
});

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { countWords } from '../../shared/text/wordCount';
import { imeType, PARAGRAPH, paragraphs, pasteText, wordCount } from '../support/browser';
import { SHARED } from '../support/fixtures';
import { useAppPage } from '../support/appPage';

const app = useAppPage();
let page: Page;
let errors: string[];
beforeEach(() => {
  ({ page, errors } = app);
});

const para = (p: Page, i: number) => p.locator(PARAGRAPH).nth(i);

describe('editing in the real renderer', () => {
  it('types Chinese text into paragraphs and counts words like Word', async () => {
    const lines = ['关于开展城镇小区配套幼儿园治理工作的通知', '各省、自治区、直辖市人民政府：', '2018年11月，党中央、国务院印发《若干意见》。'];
    for (const [i, l] of lines.entries()) {
      if (i > 0) await page.keyboard.press('Enter');
      await page.keyboard.insertText(l);
    }
    expect(await paragraphs(page)).toEqual(lines);
    const expected = countWords(lines.join('\n')).words;
    await expect.poll(() => wordCount(page)).toBe(expected);
    expect(expected).toBe(20 + 15 + 21); // "2018" and "11" are one word each
    expect(await page.title()).toBe('*未命名文稿 - 文稿');
    await expect.poll(() => page.locator('[data-testid=status-position]').innerText({ timeout: 1_000 })).toContain('第 3 段');
    // A selection started after the 4th character of the line says so, with what it holds.
    await page.keyboard.press('Home');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => page.locator('[data-testid=status-position]').innerText({ timeout: 1_000 })).toBe('第 3 段，第 5 字（已选 3 字）');
    expect(errors).toEqual([]);
  });

  it('commits an IME composition exactly once, with nothing left of the pinyin', async () => {
    await page.keyboard.insertText('坚定');
    await imeType(page, ['s', 'si', 'si g', 'si ge'], '“四个自信”');
    expect(await paragraphs(page)).toEqual(['坚定“四个自信”']);
    await page.keyboard.insertText('。');
    await imeType(page, ['z', 'zu', 'zuo'], '做到');
    expect(await paragraphs(page)).toEqual(['坚定“四个自信”。做到']);
    await expect.poll(() => wordCount(page)).toBe(11);
  });

  it('applies bold, undoes and redoes it', async () => {
    await page.keyboard.insertText('增强“四个意识”');
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    // As a user would: press Ctrl+B once the selection shows (Chromium reports it a task later).
    await expect.poll(() => page.locator('[data-testid=status-position]').innerText({ timeout: 1_000 })).toContain('已选 8 字');
    await page.keyboard.press('Control+b');
    await expect.poll(() => para(page, 0).locator('.wg-bold').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-testid=tool-bold]').getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Control+z');
    await expect.poll(() => para(page, 0).locator('.wg-bold').count()).toBe(0);
    await page.keyboard.press('Control+y');
    await expect.poll(() => para(page, 0).locator('.wg-bold').count()).toBeGreaterThan(0);
    // Undo and redo from the toolbar too.
    await page.locator('[data-testid=tool-undo]').click();
    await expect.poll(() => para(page, 0).locator('.wg-bold').count()).toBe(0);
    await page.locator('[data-testid=tool-redo]').click();
    await expect.poll(() => para(page, 0).locator('.wg-bold').count()).toBeGreaterThan(0);
  });

  it('sets paragraph styles from the toolbar and with Word shortcuts', async () => {
    await page.keyboard.insertText('关于做好年度工作的通知');
    await page.locator('[data-testid=role-select]').selectOption('title');
    await expect.poll(() => para(page, 0).getAttribute('data-role')).toBe('title');
    expect(await para(page, 0).evaluate((el) => getComputedStyle(el).textAlign)).toBe('center');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('一、总体要求');
    await page.keyboard.press('Control+Alt+1');
    await expect.poll(() => para(page, 1).getAttribute('data-role')).toBe('heading1');
    // The toolbar follows after the frame is painted.
    await expect.poll(() => page.locator('[data-testid=role-select]').inputValue()).toBe('heading1');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('（一）工作目标。到2025年，各项任务全面完成。');
    await page.keyboard.press('Control+Alt+2');
    await expect.poll(() => para(page, 2).getAttribute('data-role')).toBe('heading2');
    // A heading's font differs from body text (黑体 / 楷体 families).
    const fonts = await page.$$eval(PARAGRAPH, (els) => els.map((e) => getComputedStyle(e).fontFamily));
    expect(fonts[1]).toMatch(/SimHei|黑体/);
    expect(fonts[2]).toMatch(/KaiTi|楷体/);
    await page.keyboard.press('Control+Shift+N');
    await expect.poll(() => para(page, 2).getAttribute('data-role')).toBe('body');
    await page.keyboard.press('Control+z');
    await expect.poll(() => para(page, 2).getAttribute('data-role')).toBe('heading2');
  });

  it('finds and replaces, with the match count, and replace-all is one undo step', async () => {
    const lines = ['XX市人民政府办公室', '报送XX市委、XX市政府。', '联系人：XX'];
    for (const [i, l] of lines.entries()) {
      if (i > 0) await page.keyboard.press('Enter');
      await page.keyboard.insertText(l);
    }
    await page.keyboard.press('Control+f');
    await page.locator('[data-testid=find-input]').fill('XX');
    await expect.poll(() => page.locator('[data-testid=find-count]').innerText({ timeout: 1_000 })).toBe('第 1 项，共 4 项');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid=find-count]').innerText({ timeout: 1_000 })).toBe('第 2 项，共 4 项');
    // Focus stays in the find bar while the current match is highlighted in the document.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('find-input');
    expect(await page.evaluate(() => [...(CSS.highlights.get('wg-find-current') ?? [])].map((r) => (r as Range).toString()))).toEqual(['XX']);
    expect(await page.evaluate(() => CSS.highlights.get('wg-find')?.size)).toBe(4);

    await page.keyboard.press('Control+h');
    await page.locator('[data-testid=replace-input]').fill('某某');
    await page.locator('[data-testid=replace-all]').click();
    await expect.poll(() => paragraphs(page)).toEqual(['某某市人民政府办公室', '报送某某市委、某某市政府。', '联系人：某某']);
    await expect.poll(() => page.locator('[data-testid=find-count]').innerText({ timeout: 1_000 })).toBe('无结果');
    await expect.poll(() => page.locator('[data-testid=notice]').first().innerText({ timeout: 1_000 })).toContain('共 4 处');

    await page.keyboard.press('Escape');
    await expect(page.locator('[data-testid=find-panel]').count()).resolves.toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('editor');
    await page.keyboard.press('Control+z');
    await expect.poll(() => paragraphs(page)).toEqual(lines);
  });

  it('replaces one match at a time', async () => {
    await page.keyboard.insertText('甲乙甲乙甲');
    await page.keyboard.press('Control+h');
    await page.locator('[data-testid=find-input]').fill('甲');
    await page.locator('[data-testid=replace-input]').fill('丙');
    await page.locator('[data-testid=replace-one]').click();
    await expect.poll(() => paragraphs(page)).toEqual(['丙乙甲乙甲']);
    await expect.poll(() => page.locator('[data-testid=find-count]').innerText({ timeout: 1_000 })).toBe('第 1 项，共 2 项');
  });

  it('goes to the very end and start of a long report with Ctrl+End and Ctrl+Home, as Word does', async () => {
    // Every government report of the corpus, one after the other: ~550 paragraphs, most off screen.
    const gov = path.join(SHARED, 'corpus/gov');
    const reports = readdirSync(gov).filter((n) => n.endsWith('.txt')).sort();
    const text = reports.map((n) => readFileSync(path.join(gov, n), 'utf8').trim()).join('\n') + '\n文末一段。';
    await pasteText(page, text);
    const last = page.locator(PARAGRAPH).last();
    await expect.poll(() => last.textContent({ timeout: 1_000 })).toBe('文末一段。');
    const count = await page.locator(PARAGRAPH).count();
    expect(count).toBeGreaterThan(500);
    await page.keyboard.press('Control+Home');
    await page.keyboard.insertText('甲');
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('乙');
    await expect.poll(() => last.textContent({ timeout: 1_000 })).toBe('文末一段。乙');
    expect(await page.locator(PARAGRAPH).first().textContent()).toMatch(/^甲/);
    await expect.poll(() => page.locator('[data-testid=status-position]').innerText({ timeout: 1_000 })).toContain(`第 ${count} 段`);
    // The end is on screen.
    const box = await last.boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(page.viewportSize()!.height);
    expect(box!.y).toBeGreaterThanOrEqual(0);
    // Shift+Ctrl+End from the start selects all of it: typing replaces the whole report.
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+Shift+End');
    await page.keyboard.insertText('丙');
    await expect.poll(() => paragraphs(page)).toEqual(['丙']);
    expect(errors).toEqual([]);
  });

  it('runs under the strict CSP without violations', async () => {
    const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
    expect(csp).toContain("default-src 'none'");
    await page.keyboard.insertText('正文');
    await page.keyboard.press('Control+Alt+1');
    await page.keyboard.press('Control+f');
    expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
  });
});

/**
 * A 1 MB .txt on one line, end to end in the real renderer: it opens as paragraphs of a few
 * thousand characters with a note in the status bar, typing in the middle of it lands and the
 * word count follows, and saving writes the one line back (with the typed text in it).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp, PARAGRAPH, startWebHarness, type RunningHarness, wordCount } from '../support/browser';
import { oneLineText } from '../support/longLine';

let browser: Browser;
let harness: RunningHarness;
let page: Page;
const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'wengao-e2e-longline-')), '网页材料.txt');
const line = oneLineText(1024 * 1024);

beforeAll(async () => {
  writeFileSync(file, line);
  harness = await startWebHarness(['--open', file]);
  browser = await launchChromium();
  ({ page } = await openApp(browser, harness.url));
});
afterAll(async () => {
  await browser?.close();
  await harness?.stop();
});

describe('a 1 MB text file on one line', () => {
  it('opens split at sentence ends, takes typing in the middle, and saves the one line back', async () => {
    const note = page.locator('[data-testid=status-long-lines]');
    await note.waitFor({ timeout: 60_000 });
    expect(await note.getAttribute('title')).toContain('保存为文本文件时仍合并为原来的行');
    const count = await page.locator(PARAGRAPH).count();
    expect(count).toBeGreaterThan(50);
    await expect.poll(() => wordCount(page), { timeout: 30_000 }).toBeGreaterThan(300_000);
    const before = await wordCount(page);

    const middle = page.locator(PARAGRAPH).nth(Math.floor(count / 2));
    await middle.scrollIntoViewIfNeeded();
    await middle.click();
    await page.keyboard.insertText('特此说明');
    await expect.poll(() => wordCount(page)).toBe(before + 4);
    await expect.poll(() => middle.innerText({ timeout: 1_000 })).toContain('特此说明');
    await expect.poll(() => page.title()).toBe('*网页材料.txt - 文稿');

    await page.keyboard.press('Control+s');
    await expect.poll(() => page.title(), { timeout: 30_000 }).toBe('网页材料.txt - 文稿');
    const saved = readFileSync(file, 'utf8');
    expect(saved.split('\n')).toHaveLength(2);
    expect(saved.replace('特此说明', '')).toBe(line);
  });
});

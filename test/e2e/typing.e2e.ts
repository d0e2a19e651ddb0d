/**
 * Typing is never lost, in the real renderer in Chromium: Esc, Tab and Shift+Tab in the text keep
 * the focus in the document (typed and IME text land in it), Tab indents or inserts a tab as Word
 * does and moves between table cells, and shortcuts pressed right after a click act on the
 * paragraph clicked, not on the one the caret was in before; a crash in the middle of steady
 * typing loses only the last few seconds.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { documentText, paragraph, type WgDocument } from '../../shared/model/document';
import { serializeWgd } from '../../shared/model/wgd';
import { BLOCK, imeType, launchChromium, openApp, PARAGRAPH, paragraphs, startWebHarness } from '../support/browser';
import { useAppPage } from '../support/appPage';

const app = useAppPage();
let page: Page;
beforeEach(() => {
  ({ page } = app);
});

const activeTestId = (p: Page) => p.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? null);
const para = (p: Page, i: number) => p.locator(PARAGRAPH).nth(i);
const indentOf = (p: Page, i: number) => para(p, i).evaluate((el) => [(el as HTMLElement).style.textIndent, (el as HTMLElement).style.paddingLeft]);

/** Typing and an IME composition after the key both land in the document, at the caret. */
async function typingLands(p: Page, before: string): Promise<void> {
  expect(await activeTestId(p)).toBe('editor');
  await p.keyboard.insertText('甲');
  await imeType(p, ['y', 'yi'], '乙');
  await expect.poll(() => paragraphs(p)).toEqual([`${before}甲乙`]);
}

describe('keys in the text never send typing nowhere', () => {
  it('Esc with no suggestion showing does nothing: the focus stays, typing and IME input land', async () => {
    await page.keyboard.insertText('坚持稳中求进');
    await page.keyboard.press('Escape');
    await typingLands(page, '坚持稳中求进');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    expect(await activeTestId(page)).toBe('editor');
  });

  it('Tab inside the text inserts a tab character and keeps the focus', async () => {
    await page.keyboard.insertText('联系人');
    await page.keyboard.press('Tab');
    await typingLands(page, '联系人\t');
  });

  it('Shift+Tab inside the text changes nothing and keeps the focus', async () => {
    await page.keyboard.insertText('联系人');
    await page.keyboard.press('Shift+Tab');
    await typingLands(page, '联系人');
  });

  it('Tab at the start of a paragraph indents it; Shift+Tab and Backspace undo it step by step', async () => {
    await page.keyboard.insertText('工作要求');
    await page.keyboard.press('Home');
    const start = await indentOf(page, 0); // a new document's body paragraph: first line 2 characters
    expect(start).toEqual(['2em', '']);
    await page.keyboard.press('Tab');
    await expect.poll(() => indentOf(page, 0)).toEqual(['2em', '2em']);
    await page.keyboard.press('Tab');
    await expect.poll(() => indentOf(page, 0)).toEqual(['2em', '4em']);
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => indentOf(page, 0)).toEqual(['2em', '2em']);
    await page.keyboard.press('Backspace');
    await expect.poll(() => indentOf(page, 0)).toEqual(['2em', '']);
    await page.keyboard.press('Backspace');
    await expect.poll(() => indentOf(page, 0)).toEqual(['', '']);
    await page.keyboard.press('Shift+Tab');
    expect(await activeTestId(page)).toBe('editor');
    await page.keyboard.insertText('甲');
    await imeType(page, ['y', 'yi'], '乙');
    await expect.poll(() => paragraphs(page)).toEqual(['甲乙工作要求']);
  });
});

interface Key {
  key: string;
  code: string;
  ctrlKey?: boolean;
  shiftKey?: boolean;
  altKey?: boolean;
}

/**
 * A click in paragraph `target` (selecting [from, to) of its text) and a key pressed in the same
 * task, before the browser's selectionchange reaches Lexical: the events a click sends, the caret
 * it moves, then the keydown (as a fast user's click-and-shortcut can arrive).
 */
async function clickThenKey(p: Page, target: number, from: number, to: number, key: Key): Promise<void> {
  await p.evaluate(
    ({ target, from, to, key, block }) => {
      const root = document.querySelector<HTMLElement>('[data-testid=editor]')!;
      const text = document.createTreeWalker(document.querySelectorAll(block)[target]!, NodeFilter.SHOW_TEXT).nextNode()!;
      const at = { bubbles: true, cancelable: true, composed: true };
      text.parentElement!.dispatchEvent(new MouseEvent('mousedown', { ...at, detail: 1 }));
      getSelection()!.setBaseAndExtent(text, from, text, to);
      text.parentElement!.dispatchEvent(new MouseEvent('mouseup', { ...at, detail: 1 }));
      text.parentElement!.dispatchEvent(new MouseEvent('click', { ...at, detail: 1 }));
      root.dispatchEvent(new KeyboardEvent('keydown', { ...at, ...key }));
    },
    { target, from, to, key, block: BLOCK },
  );
}

describe('shortcuts right after a click act on the paragraph clicked', () => {
  const position = (p: Page) => p.locator('[data-testid=status-position]').innerText();
  const look = (p: Page, i: number) =>
    para(p, i).evaluate((el) => ({ role: (el as HTMLElement).dataset.role ?? null, align: (el as HTMLElement).style.textAlign, bold: el.querySelector('.wg-bold') !== null }));

  /** Two paragraphs, the caret (as Lexical knows it) at the end of the first. */
  async function twoParagraphs(p: Page): Promise<void> {
    await p.keyboard.insertText('甲段的文字');
    await p.keyboard.press('Enter');
    await p.keyboard.insertText('乙段的文字');
    await para(p, 0).click();
    await p.keyboard.press('End');
    await expect.poll(() => position(p)).toContain('第 1 段，第 6 字');
  }

  const cases: Array<[string, Key, { role: string | null; align: string; bold: boolean }]> = [
    ['Ctrl+E 居中', { key: 'e', code: 'KeyE', ctrlKey: true }, { role: null, align: 'center', bold: false }],
    ['Ctrl+Alt+1 一级标题', { key: '1', code: 'Digit1', ctrlKey: true, altKey: true }, { role: 'heading1', align: 'justify', bold: false }],
    ['Ctrl+Shift+N 正文', { key: 'N', code: 'KeyN', ctrlKey: true, shiftKey: true }, { role: 'body', align: 'justify', bold: false }],
    ['Ctrl+B 加粗', { key: 'b', code: 'KeyB', ctrlKey: true }, { role: null, align: 'justify', bold: true }],
  ];
  for (const [name, key, changed] of cases) {
    it(name, async () => {
      await twoParagraphs(page);
      const before = await look(page, 0);
      await clickThenKey(page, 1, 0, 2, key);
      await expect.poll(() => look(page, 1)).toEqual(changed);
      expect(await look(page, 0)).toEqual(before);
      expect(await paragraphs(page)).toEqual(['甲段的文字', '乙段的文字']);
    });
  }

  it('Enter (a key Lexical handles) splits the paragraph clicked', async () => {
    await twoParagraphs(page);
    await clickThenKey(page, 1, 2, 2, { key: 'Enter', code: 'Enter' });
    await expect.poll(() => paragraphs(page)).toEqual(['甲段的文字', '乙段', '的文字']);
  });
});

describe('Tab in a table', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wengao-e2e-typing-'));
  let stop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    await stop?.();
  });

  it('moves to the next cell and back, never out of the editor', async () => {
    const file = path.join(dir, '表格.wgd');
    writeFileSync(
      file,
      serializeWgd({
        meta: {},
        blocks: [
          paragraph('统计如下：'),
          { type: 'table', rows: [{ cells: [{ paragraphs: [paragraph('单位')] }, { paragraphs: [paragraph('人数')] }] }, { cells: [{ paragraphs: [paragraph('')] }, { paragraphs: [paragraph('')] }] }] },
          paragraph(''),
        ],
      }),
    );
    const harness = await startWebHarness(['--open', file]);
    const browser = await launchChromium();
    stop = async () => {
      await browser.close();
      await harness.stop();
    };
    const { page: p } = await openApp(browser, harness.url);
    const cells = p.locator('[data-testid=editor] td, [data-testid=editor] th');
    await expect.poll(() => cells.count()).toBe(4);
    await cells.nth(0).click();
    await p.keyboard.press('End');
    await p.keyboard.press('Tab');
    await p.keyboard.press('Tab');
    await p.keyboard.insertText('办公室');
    await p.keyboard.press('Tab');
    await imeType(p, ['s', 'san'], '3');
    await p.keyboard.press('Shift+Tab');
    await p.keyboard.insertText('（含借调）');
    await expect.poll(() => cells.allInnerTexts()).toEqual(['单位', '人数', '办公室（含借调）', '3']);
    expect(await activeTestId(p)).toBe('editor');
  });
});

describe('the focus guard', () => {
  it('takes the focus back when a handler blurs the editor during a key (Lexical’s old Esc)', async () => {
    await page.keyboard.insertText('正文');
    // A keydown handler that blurs the editor, as Lexical's default Esc did.
    await page.evaluate(() => {
      const root = document.querySelector<HTMLElement>('[data-testid=editor]')!;
      root.addEventListener('keydown', (e) => e.key === 'F9' && root.blur(), { once: true });
    });
    await page.keyboard.press('F9');
    await expect.poll(() => activeTestId(page)).toBe('editor');
    await typingLands(page, '正文');
  });
});

describe('backups while typing goes on', () => {
  /** The text of the backup on disk now ('' when there is none yet). */
  function backedUp(userData: string): string {
    const dir = path.join(userData, 'backups');
    let names: string[];
    try {
      names = readdirSync(dir).filter((n) => n.endsWith('.json'));
    } catch {
      return '';
    }
    if (names.length === 0) return '';
    expect(names).toHaveLength(1);
    const stored = JSON.parse(readFileSync(path.join(dir, names[0]!), 'utf8')) as { doc: WgDocument };
    return documentText(stored.doc);
  }

  it('loses at most the last few seconds when the app is killed during steady typing', async () => {
    const userData = mkdtempSync(path.join(os.tmpdir(), 'wengao-e2e-kill-'));
    const harness = await startWebHarness([], userData);
    const browser = await launchChromium();
    try {
      const { page: p } = await openApp(browser, harness.url);
      await p.locator('[data-testid=editor]').click();
      // A user typing a sentence every 0.7 s for 14 s, never pausing for a second. The test keeps
      // the user's rhythm with the clock (this is the input, not a wait for the app) and samples the
      // backup on disk between sentences: what a kill at that moment would give back.
      const CADENCE_MS = 700;
      const SENTENCES = 20;
      const typed: Array<{ at: number; length: number }> = [];
      let text = '';
      let worst = { lost: 0, allowed: Infinity, at: 0 };
      const sample = () => {
        const now = Date.now();
        const disk = backedUp(userData);
        expect(text.startsWith(disk)).toBe(true);
        // What was typed in the last 4 s before now: the most a kill now may lose.
        const before = [...typed].reverse().find((t) => t.at <= now - 4000)?.length ?? 0;
        const lost = text.length - disk.length;
        const allowed = text.length - before;
        if (lost > worst.lost) worst = { lost, allowed, at: now };
        expect(lost, `${lost} characters typed but not backed up; the last 4 s typed ${allowed}`).toBeLessThanOrEqual(allowed);
      };
      const t0 = Date.now();
      for (let i = 0; i < SENTENCES; i++) {
        const sentence = `第${i + 1}项，坚持稳中求进工作总基调。`;
        await p.keyboard.insertText(sentence);
        text += sentence;
        typed.push({ at: Date.now(), length: text.length });
        sample();
        if (i === SENTENCES - 1) break; // killed right after the last sentence
        const next = t0 + (i + 1) * CADENCE_MS;
        while (Date.now() < next - 50) {
          sample();
          await new Promise((r) => setTimeout(r, Math.min(100, next - Date.now())));
        }
      }
      const elapsed = (Date.now() - t0) / 1000;
      await harness.stop('SIGKILL');
      await p.close();
      const onDisk = backedUp(userData);

      const second = await startWebHarness([], userData);
      try {
        const { page: q } = await openApp(browser, second.url, { keepBackups: true });
        await expect.poll(() => q.locator('[data-testid=dialog]').innerText({ timeout: 1_000 })).toContain('上次没有正常关闭');
        await q.locator('[data-testid=dialog-restore]').click();
        await expect.poll(() => paragraphs(q).then((ps) => ps.join(''))).toBe(onDisk);
        const restored = onDisk;
        expect(text.startsWith(restored)).toBe(true);
        console.log(
          `[kill while typing] typed ${text.length} characters in ${elapsed.toFixed(1)} s; restored ${restored.length}, lost ${text.length - restored.length} at the kill; ` +
            `worst loss over the run ${worst.lost} characters (${((worst.lost / text.length) * elapsed).toFixed(1)} s of typing)`,
        );
        expect(restored.length).toBeGreaterThan(0);
      } finally {
        await second.stop();
      }
    } finally {
      await browser.close();
      await harness.stop();
    }
  }, 120_000);
});

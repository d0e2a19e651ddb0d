import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { imeType, paragraphs } from '../support/browser';
import { useAppPage } from '../support/appPage';

const app = useAppPage();
let page: Page;
let errors: string[];
beforeEach(() => {
  ({ page, errors } = app);
});

const items = (p: Page) => p.locator('[data-testid=proofread-item]');
const highlighted = (p: Page, kind: string) =>
  p.evaluate((k) => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(`proof-${k}`);
    return h ? [...h].map((r) => r.toString()) : [];
  }, kind);

describe('校对 in the editor', () => {
  it('lists a finding, underlines it, applies its fix as one undo step', async () => {
    await page.keyboard.insertText('坚持以习近平为核心的党中央的坚强领导，其它工作同步推进。');
    await expect.poll(() => items(page).count()).toBe(2);
    expect(await page.locator('[data-testid=proofread-kind-tifa]').innerText()).toBe('1');
    expect(await page.locator('[data-testid=proofread-kind-wording]').innerText()).toBe('1');
    await expect.poll(() => highlighted(page, 'tifa')).toEqual(['以习近平为核心的党中央']);
    await expect.poll(() => highlighted(page, 'wording')).toEqual(['其它']);
    // the underline is not in the document
    expect(await paragraphs(page)).toEqual(['坚持以习近平为核心的党中央的坚强领导，其它工作同步推进。']);

    await items(page).first().locator('[data-testid=proofread-fix]').click();
    await expect.poll(() => paragraphs(page)).toEqual(['坚持以习近平同志为核心的党中央的坚强领导，其它工作同步推进。']);
    await expect.poll(() => items(page).count()).toBe(1);
    await page.locator('[data-testid=editor]').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => paragraphs(page)).toEqual(['坚持以习近平为核心的党中央的坚强领导，其它工作同步推进。']);
    await expect.poll(() => items(page).count()).toBe(2);
    expect(errors).toEqual([]);
  });

  it('ignores once and always; re-checks after an IME composition, not during it', async () => {
    await page.keyboard.insertText('其它工作。');
    await expect.poll(() => items(page).count()).toBe(1);
    await items(page).first().getByText('忽略', { exact: true }).click();
    await expect.poll(() => items(page).count()).toBe(0);
    await page.keyboard.press('End');
    await imeType(page, ['q', 'qi', 'qi t'], '其它');
    await expect.poll(() => items(page).count()).toBe(1);
    await items(page).first().getByText('总是忽略').click();
    await expect.poll(() => items(page).count()).toBe(0);
    expect(await page.locator('[data-testid=proofread-count]').innerText()).toBe('0 处');
  });
});

/**
 * The parts of a 公文 in the real renderer: typed as a drafter types them, each paragraph shows as
 * it will print (the red centred 标志, the flush-left 称谓, the right-aligned 署名), the role list
 * names the part it found ("发文机关标志（自动）"), and a role set by hand wins.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { useAppPage } from '../support/appPage';
import { PARAGRAPH } from '../support/browser';

const app = useAppPage();
let page: Page;
let errors: string[];
beforeEach(() => {
  ({ page, errors } = app);
});

const para = (i: number) => page.locator(PARAGRAPH).nth(i);
const style = (i: number, prop: 'color' | 'textAlign' | 'textIndent') => para(i).evaluate((el, p) => getComputedStyle(el)[p], prop);
const roleSelect = () => page.locator('[data-testid=role-select]');
const selectedLabel = () => roleSelect().evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');

describe('the parts of a 公文 in the editor', () => {
  it('shows each part as it prints and names the inferred part in the role list', async () => {
    const lines = ['××市人民政府文件', '×政发〔2026〕5号', '关于做好春节期间安全生产工作的通知', '各区县人民政府：', '春节将至，现将有关事项通知如下。', '××市人民政府', '2026年1月20日'];
    for (const [i, l] of lines.entries()) {
      if (i > 0) await page.keyboard.press('Enter');
      await page.keyboard.insertText(l);
    }
    await expect.poll(() => para(0).getAttribute('data-part')).toBe('issuer-mark');
    expect(await style(0, 'color')).toBe('rgb(208, 0, 0)');
    expect(await style(0, 'textAlign')).toBe('center');
    await expect.poll(() => para(1).getAttribute('data-part')).toBe('doc-number');
    await expect.poll(() => para(2).getAttribute('data-part')).toBe('title');
    await expect.poll(() => para(3).getAttribute('data-part')).toBe('salutation');
    expect(await style(3, 'textIndent')).toBe('0px');
    expect(await para(4).getAttribute('data-part')).toBeNull();
    await expect.poll(() => para(5).getAttribute('data-part')).toBe('signature');
    await expect.poll(() => para(6).getAttribute('data-part')).toBe('date');
    expect(await style(6, 'textAlign')).toBe('right');

    // The caret in the 标志: the role list says what it was taken for.
    await para(0).click();
    await expect.poll(selectedLabel).toBe('发文机关标志（自动）');
    await para(4).click();
    await expect.poll(selectedLabel).toBe('正文（自动）');

    // A role set by hand wins: the 标志 made body text loses its red, the role list shows the role.
    await para(0).click();
    // Wait until the role list follows the caret into the 标志: set before that, the role would go
    // to the paragraph the caret came from.
    await expect.poll(selectedLabel).toBe('发文机关标志（自动）');
    await roleSelect().selectOption('body');
    await expect.poll(() => para(0).getAttribute('data-part')).toBeNull();
    await expect.poll(() => style(0, 'color')).not.toBe('rgb(208, 0, 0)');
    expect(await roleSelect().inputValue()).toBe('body');
    expect(errors).toEqual([]);
  });
});

/**
 * Files end to end, in the real renderer against the web harness: opening (--open, the path
 * prompt, recent files, drag and drop), the encoding in the status bar and 重新以…编码打开,
 * saving back byte for byte, the questions before a lossy save or over an outside change, and
 * restoring unsaved work after the backend is killed.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { documentText, type WgDocument } from '../../shared/model/document';
import { answeredRequests, editor, PARAGRAPH, paragraphs, pasteText, settled } from '../support/browser';
import { useAppStarter } from '../support/appPage';
import { fixturePath, writableCopy } from '../support/fixtures';

const start = useAppStarter();

/** The text of each backup in a user-data folder. */
function backupTexts(userData: string): string[] {
  const dir = path.join(userData, 'backups');
  const names = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.json')) : [];
  return names.map((n) => documentText((JSON.parse(readFileSync(path.join(dir, n), 'utf8')) as { doc: WgDocument }).doc));
}

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'wengao-e2e-files-'));


const dialog = (page: Page) => page.locator('[data-testid=dialog]');
const notices = (page: Page) => page.locator('[data-testid=notice]').allInnerTexts();

async function answerPrompt(page: Page, value: string): Promise<void> {
  await page.locator('[data-testid=dialog-input]').fill(value);
  await page.locator('[data-testid=dialog-ok]').click();
}

async function openByPrompt(page: Page, file: string): Promise<void> {
  await page.keyboard.press('Control+o');
  await answerPrompt(page, file);
}

describe('opening files', () => {
  it('opens a WPS .docx given with --open, with its numbering labels and a notice of what was left out', async () => {
    const { page, errors } = await start(['--open', fixturePath('docx', 'zh_wps_autonum_hbbzsm_p1.docx')]);
    await expect.poll(() => paragraphs(page)).toContain('一、任务来源及计划要求');
    expect(await page.title()).toBe('zh_wps_autonum_hbbzsm_p1.docx - 文稿');
    expect((await notices(page)).join()).toContain('1 个页脚列在左侧“页眉页脚与批注”中');
    expect(await page.locator('[data-testid=status-file]').innerText()).toBe('Word 文档');
    expect(errors).toEqual([]);
  });

  it('opens GBK text by path, shows the encoding, and reopens it with another encoding', async () => {
    const { page } = await start();
    await openByPrompt(page, fixturePath('txt', 'txt_gb18030_unicode_article.txt'));
    await expect.poll(async () => (await paragraphs(page))[0]).toContain('基本上，计算机只是处理数字。');
    const status = page.locator('[data-testid=status-file]');
    expect(await status.innerText()).toMatch(/^GB18030（GBK） · (CRLF|LF)$/);
    await status.click();
    await page.locator('[data-testid=reopen-big5]').click();
    await expect.poll(async () => (await paragraphs(page))[0]).not.toContain('基本上');
    expect(await status.innerText()).toMatch(/^Big5/);
    await status.click();
    await page.locator('[data-testid=reopen-gb18030]').click();
    await expect.poll(async () => (await paragraphs(page))[0]).toContain('基本上，计算机只是处理数字。');
  });

  it('asks which reading is right when a short text’s encoding is uncertain, each choice showing its text', async () => {
    const { page } = await start();
    const file = path.join(tmp(), '會議.txt');
    writeFileSync(file, iconv.encode('香港特別行政區', 'cp950'));
    await openByPrompt(page, file);
    const big5 = page.locator('[data-testid=dialog-big5]');
    await expect.poll(() => big5.count()).toBe(1);
    expect(await big5.innerText()).toBe('Big5（繁体）：香港特別行政區');
    expect(await page.locator('[data-testid=dialog-gb18030]').innerText()).toMatch(/^GB18030（GBK）：/);
    await page.locator('[data-testid=dialog-gb18030]').click();
    // The user's choice is what opens; the status bar says which encoding it is.
    await expect.poll(() => page.locator('[data-testid=status-file]').innerText({ timeout: 1_000 })).toMatch(/^GB18030/);
    expect((await paragraphs(page))[0]).not.toBe('香港特別行政區');
    await openByPrompt(page, file);
    await page.locator('[data-testid=dialog-big5]').click();
    await expect.poll(async () => (await paragraphs(page))[0]).toBe('香港特別行政區');
    expect(await page.locator('[data-testid=status-file]').innerText()).toMatch(/^Big5/);
  });

  it('lists recent files in the open prompt', async () => {
    const { page } = await start();
    await openByPrompt(page, fixturePath('txt', 'txt_utf8_trad_nobom.txt'));
    await expect.poll(async () => (await paragraphs(page))[0]).toContain('政府資訊科技總監辦公室');
    await openByPrompt(page, fixturePath('docx', 'track_ins.docx'));
    await expect.poll(() => paragraphs(page)).toContain('This is a text with two exciting insertions.');
    await page.keyboard.press('Control+o');
    const choices = page.locator('[data-testid=dialog-choice]');
    await expect.poll(() => choices.count()).toBe(2);
    await choices.filter({ hasText: 'txt_utf8_trad_nobom.txt' }).click();
    await expect.poll(async () => (await paragraphs(page))[0]).toContain('政府資訊科技總監辦公室');
  });

  it('refuses a bad file with a Chinese message and leaves the open document untouched', async () => {
    const { page } = await start();
    await editor(page).click();
    await page.keyboard.insertText('正在起草的内容');
    await openByPrompt(page, fixturePath('docx', 'bad_encrypted_ole.docx'));
    await expect.poll(async () => (await notices(page)).join()).toContain('设有打开密码');
    // The file is read before the unsaved-changes question: a file that cannot open asks nothing.
    expect(await dialog(page).count()).toBe(0);
    expect(await paragraphs(page)).toEqual(['正在起草的内容']);
    expect(await page.title()).toBe('*未命名文稿 - 文稿');
  });

  it('opens a file dropped onto the window', async () => {
    const dir = tmp();
    writableCopy(fixturePath('docx', 'zh_wps_small_table.docx'), path.join(dir, '表格.docx'));
    const { page } = await start();
    // Electron's preload maps a dropped File to its path; stand in for it.
    await page.evaluate((d) => {
      (window as unknown as { wengaoFiles: object }).wengaoFiles = { pathForFile: (f: File) => `${d}/${f.name}` };
    }, dir);
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['x'], '表格.docx'));
      const target = document.querySelector('[data-testid=editor]')!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => page.title()).toBe('表格.docx - 文稿');
    expect((await page.locator('[data-testid=editor] table').innerText()).replace(/\s+/g, '')).toContain('我是表格1我是表格2');
  });
});

describe('saving files', () => {
  it('saves GBK text back in GBK: untouched lines keep their bytes', async () => {
    const dir = tmp();
    const file = path.join(dir, '通知.txt');
    const original = iconv.encode('关于开展安全检查的通知\r\n\u3000\u3000一、总体要求\r\n\u3000\u3000坚持问题导向。\r\n', 'gbk');
    writeFileSync(file, original);
    const { page } = await start(['--open', file]);
    await expect.poll(() => paragraphs(page)).toEqual(['关于开展安全检查的通知', '一、总体要求', '坚持问题导向。']);
    await page.locator(PARAGRAPH).nth(2).click();
    await page.keyboard.press('End');
    await page.keyboard.insertText('确保取得实效。');
    await expect.poll(() => page.title()).toBe('*通知.txt - 文稿');
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.title()).toBe('通知.txt - 文稿');
    expect(readFileSync(file).equals(iconv.encode('关于开展安全检查的通知\r\n\u3000\u3000一、总体要求\r\n\u3000\u3000坚持问题导向。确保取得实效。\r\n', 'gbk'))).toBe(true);
  });

  it('saves a new document as .wgd and reopens it with its paragraph styles', async () => {
    const dir = tmp();
    const { page } = await start();
    await editor(page).click();
    await page.keyboard.insertText('关于做好年度工作的通知');
    await page.keyboard.press('Control+Alt+1');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('正文内容。');
    await page.keyboard.press('Control+s');
    // Untitled: Save As, the name suggested from the first line.
    expect(await page.locator('[data-testid=dialog-input]').inputValue()).toBe('关于做好年度工作的通知.docx');
    const file = path.join(dir, '年度通知.wgd');
    await answerPrompt(page, file);
    await expect.poll(() => page.title()).toBe('年度通知.wgd - 文稿');
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.document.blocks[0]).toMatchObject({ role: 'heading1', runs: [{ text: '关于做好年度工作的通知' }] });
    await page.keyboard.press('Control+n');
    await expect.poll(() => paragraphs(page)).toEqual(['']);
    await openByPrompt(page, file);
    await expect.poll(() => paragraphs(page)).toEqual(['关于做好年度工作的通知', '正文内容。']);
    expect(await page.locator(PARAGRAPH).first().getAttribute('data-role')).toBe('heading1');
  });

  it('saves over a .docx with a picture without asking, keeping the picture and the edit', async () => {
    const dir = tmp();
    const file = path.join(dir, '报告.docx');
    writableCopy(fixturePath('docx', 'zh_wps_small_table.docx'), file);
    const { page } = await start(['--open', file]);
    await expect.poll(() => page.title()).toBe('报告.docx - 文稿');
    await expect.poll(() => paragraphs(page)).toContain('我是文字');
    await editor(page).click();
    // The first paragraph holds text only (the picture is in the last one).
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('End');
    await page.keyboard.insertText('补充');
    await expect.poll(() => page.title()).toBe('*报告.docx - 文稿');
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.title()).toBe('报告.docx - 文稿');
    expect(await dialog(page).count()).toBe(0);
    const saved = unzipSync(new Uint8Array(readFileSync(file)));
    expect(Object.keys(saved).filter((n) => n.startsWith('word/media/')).length).toBeGreaterThan(0);
    expect(strFromU8(saved['word/document.xml']!).replace(/<[^>]+>/g, '')).toContain('我是文字补充');
  });

  it('keeps the document when the user cancels the save that closing or Ctrl+N asked for', async () => {
    const { page } = await start();
    await editor(page).click();
    await page.keyboard.insertText('不能丢的字');
    await page.keyboard.press('Control+n');
    await page.locator('[data-testid=dialog-save]').click();
    await page.locator('[data-testid=dialog-cancel]').click(); // the Save As prompt
    await expect.poll(() => dialog(page).count()).toBe(0);
    expect(await paragraphs(page)).toEqual(['不能丢的字']);
    expect(await page.title()).toBe('*未命名文稿 - 文稿');
  });

  it('notices an outside change when the window regains focus, and asks before overwriting it', async () => {
    const dir = tmp();
    const file = path.join(dir, '材料.txt');
    writeFileSync(file, '第一版\n');
    const { page } = await start(['--open', file]);
    await expect.poll(() => paragraphs(page)).toEqual(['第一版']);
    writeFileSync(file, '别的程序写的第二版\n');
    utimesSync(file, new Date(), new Date(Date.now() + 10_000));
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect.poll(() => dialog(page).innerText({ timeout: 1_000 })).toContain('已被其他程序修改');
    await page.locator('[data-testid=dialog-keep]').click();
    // Kept: no new question on the next focus, but saving asks 重新加载 / 覆盖 / 另存为.
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await editor(page).click();
    await page.keyboard.press('End');
    await page.keyboard.insertText('，我的修改');
    await page.keyboard.press('Control+s');
    await expect.poll(() => dialog(page).innerText({ timeout: 1_000 })).toContain('覆盖将丢失那些修改');
    await page.locator('[data-testid=dialog-reload]').click();
    await expect.poll(() => paragraphs(page)).toEqual(['别的程序写的第二版']);
    expect(readFileSync(file, 'utf8')).toBe('别的程序写的第二版\n');
  });
});

describe('crash recovery', () => {
  it('restores exactly the document after edits in several paragraphs, undo, a paste, a split and a join', async () => {
    const userData = tmp();
    const file = path.join(tmp(), '报告.txt');
    const lines = ['关于做好年度考核工作的通知', '各科室：', '一、总体要求', '坚持稳中求进工作总基调。', '二、主要任务', '抓好各项工作落实。', '三、工作要求', '按时完成。'];
    writeFileSync(file, `${lines.join('\n')}\n`);
    const first = await start(['--open', file], userData);
    const p = first.page;
    const para = (i: number) => p.locator(PARAGRAPH).nth(i);
    await expect.poll(() => paragraphs(p)).toEqual(lines);
    // Backups go as the changed paragraphs only: each step below is one more of them.
    await para(3).click();
    await p.keyboard.press('End');
    await p.keyboard.insertText('要完整准确全面贯彻新发展理念。');
    await para(5).click();
    await p.keyboard.press('Home');
    await p.keyboard.insertText('同时，');
    await expect.poll(() => backupTexts(userData), { timeout: 20_000 }).toEqual([(await paragraphs(p)).join('\n')]);
    await p.keyboard.press('Control+z');
    await expect.poll(() => paragraphs(p).then((ps) => ps[5])).toBe('抓好各项工作落实。');
    await para(1).click();
    await p.keyboard.press('End');
    await pasteText(p, '粘贴的第一段\n粘贴的第二段\n粘贴的第三段');
    await expect.poll(() => paragraphs(p).then((ps) => ps.length)).toBe(lines.length + 2);
    await para(5).click(); // 坚持稳中求进…: split after 坚持
    await p.keyboard.press('Home');
    await p.keyboard.press('ArrowRight');
    await p.keyboard.press('ArrowRight');
    await p.keyboard.press('Enter');
    await para(9).click(); // 三、工作要求 joined to the paragraph above
    await p.keyboard.press('Home');
    await p.keyboard.press('Backspace');
    const shown = await paragraphs(p);
    expect(shown).toEqual([
      '关于做好年度考核工作的通知',
      '各科室：粘贴的第一段',
      '粘贴的第二段',
      '粘贴的第三段',
      '一、总体要求',
      '坚持',
      '稳中求进工作总基调。要完整准确全面贯彻新发展理念。',
      '二、主要任务',
      '抓好各项工作落实。三、工作要求',
      '按时完成。',
    ]);
    // The backup on disk catches up (a second after the last key), then the backend is killed.
    await expect.poll(() => backupTexts(userData), { timeout: 20_000 }).toEqual([shown.join('\n')]);
    await first.harness.stop('SIGKILL');
    await p.close();

    const second = await start([], userData);
    await expect.poll(() => dialog(second.page).innerText({ timeout: 1_000 })).toContain('上次没有正常关闭');
    await second.page.locator('[data-testid=dialog-restore]').click();
    await expect.poll(() => paragraphs(second.page)).toEqual(shown);
    expect(await second.page.title()).toBe('*报告.txt - 文稿');
  });

  it('asks before a restore replaces what was typed before the question came, and keeps both on 取消', async () => {
    const userData = tmp();
    const first = await start([], userData);
    await editor(first.page).click();
    await first.page.keyboard.insertText('备份里的文字');
    await expect.poll(() => backupTexts(userData), { timeout: 20_000 }).toEqual(['备份里的文字']);
    await first.harness.stop('SIGKILL');
    await first.page.close();

    // The list of backups is held back until the user has typed in the new window.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const second = await start([], userData, {
      beforeLoad: async (p) => {
        await p.route('**/api/listBackups', async (route) => {
          await held;
          await route.continue();
        });
      },
    });
    await editor(second.page).click();
    await second.page.keyboard.insertText('刚打的字');
    release();
    await expect.poll(() => dialog(second.page).innerText({ timeout: 1_000 })).toContain('上次没有正常关闭');
    await second.page.locator('[data-testid=dialog-restore]').click();
    await expect.poll(() => dialog(second.page).innerText({ timeout: 1_000 })).toContain('是否保存对');
    await second.page.locator('[data-testid=dialog-cancel]').click();
    await expect.poll(() => dialog(second.page).count()).toBe(0);
    expect(await paragraphs(second.page)).toEqual(['刚打的字']);
    expect(backupTexts(userData)).toContain('备份里的文字'); // still there for the next start
  });

  it('restores typed text after the backend is killed', async () => {
    const userData = tmp();
    const first = await start([], userData);
    await editor(first.page).click();
    await first.page.keyboard.insertText('一、总体要求');
    await first.page.keyboard.press('Enter');
    await first.page.keyboard.insertText('坚持稳中求进工作总基调。');
    // The backup is written about a second after typing stops: wait for it on disk.
    await expect.poll(() => backupTexts(userData), { timeout: 20_000 }).toEqual(['一、总体要求\n坚持稳中求进工作总基调。']);
    await first.harness.stop('SIGKILL');
    await first.page.close();

    const second = await start([], userData);
    await expect.poll(() => dialog(second.page).innerText({ timeout: 1_000 })).toContain('上次没有正常关闭');
    await second.page.locator('[data-testid=dialog-restore]').click();
    await expect.poll(() => paragraphs(second.page)).toEqual(['一、总体要求', '坚持稳中求进工作总基调。']);
    expect(await second.page.title()).toBe('*未命名文稿 - 文稿');

    // Saving deletes the backup: the next start asks nothing.
    await second.page.keyboard.press('Control+s');
    await answerPrompt(second.page, path.join(tmp(), '恢复的.wgd'));
    await expect.poll(() => second.page.title()).toBe('恢复的.wgd - 文稿');
    await expect.poll(() => readdirSync(path.join(userData, 'backups'))).toEqual([]);
    await second.harness.stop('SIGKILL');
    const third = await start([], userData);
    // The start has asked for the backups and had its answer: no question follows.
    await expect.poll(() => answeredRequests(third.page, 'listBackups')).toBeGreaterThan(0);
    await settled(third.page);
    expect(await dialog(third.page).count()).toBe(0);
  });
});

/**
 * Pictures, page breaks and note marks of a .docx in the editor (issue #11), end to end in the
 * real renderer against the web harness: the picture is drawn from the package (a data: URL), the
 * user types into its paragraph and saves over the file without a question, and python-docx reads
 * the picture back in that paragraph; a page break shows as a 分页符 line and can be deleted; a
 * footnote mark shows as a superscript number; a text box shows as a 文本框 mark and typing next to
 * it saves without a question; an equation shows as a 公式 chip with its text, is found by 查找, and
 * typing beside it saves it back byte for byte.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BLOCK, editor, paragraphs } from '../support/browser';
import { useAppStarter } from '../support/appPage';
import { fixturePath, writableCopy } from '../support/fixtures';
import { makeDocx, p } from '../support/makeDocx';

const start = useAppStarter();

/** Debian's python3, which has python3-docx (another python3 on the PATH may not). */
const PYTHON = process.env.WENGAO_PYTHON ?? '/usr/bin/python3';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'wengao-e2e-objects-'));


/** python-docx's view of each paragraph: its text and whether it holds a drawing with an r:embed picture. */
function pythonDocxParagraphs(file: string): Array<{ text: string; picture: boolean }> {
  const script = [
    'import docx, json, sys',
    'd = docx.Document(sys.argv[1])',
    "ns = {'a': 'http://schemas.openxmlformats.org/drawingml/2006/main'}",
    "print(json.dumps([{'text': p.text, 'picture': bool(p._p.xpath('.//w:drawing//a:blip/@r:embed'))} for p in d.paragraphs], ensure_ascii=False))",
  ].join('\n');
  return JSON.parse(execFileSync(PYTHON, ['-c', script, file], { encoding: 'utf8' }));
}

describe('inline objects of a .docx', () => {
  it('shows the picture, keeps it when its paragraph is typed into, and python-docx reads it back there', async () => {
    const dir = tmp();
    const file = path.join(dir, '带图.docx');
    writableCopy(fixturePath('docx', 'zh_wps_small_table.docx'), file);
    expect(pythonDocxParagraphs(file).filter((q) => q.picture)).toHaveLength(1);
    const { page, errors } = await start(['--open', file]);
    await expect.poll(() => paragraphs(page)).toContain('我是文字');
    // The picture is drawn from the package: a data: image URL, decoded by the browser.
    const img = page.locator('[data-testid=editor] img[data-object=picture]');
    await expect.poll(() => img.count()).toBe(1);
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    expect(await img.getAttribute('src')).toMatch(/^data:image\/(png|jpeg|gif|bmp|webp);base64,/);
    // Type into the picture's paragraph (the last one), after the picture.
    await editor(page).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('图1 示意');
    await expect.poll(() => page.title()).toBe('*带图.docx - 文稿');
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.title()).toBe('带图.docx - 文稿');
    expect(await page.locator('[data-testid=dialog]').count()).toBe(0);
    const back = pythonDocxParagraphs(file);
    expect(back.filter((q) => q.picture)).toEqual([{ text: '图1 示意', picture: true }]);
    expect(errors).toEqual([]);
  });

  it('shows a page break as a 分页符 line and a footnote mark as a superscript number; a deleted break is gone on saving', async () => {
    const dir = tmp();
    const file = path.join(dir, '分页.docx');
    const body = `${p('第一页的文字')}<w:p><w:r><w:br w:type="page"/></w:r></w:p><w:p><w:r><w:t>第二页有注</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="3"/></w:r></w:p>`;
    writeFileSync(file, makeDocx({ body }));
    const { page } = await start(['--open', file]);
    await expect.poll(() => paragraphs(page)).toContain('第二页有注1');
    const pageBreak = page.locator('[data-testid=editor] [data-object=pageBreak]');
    await expect.poll(() => pageBreak.innerText({ timeout: 1_000 })).toBe('分页符');
    const mark = page.locator('[data-testid=editor] sup[data-object=footnote]');
    expect(await mark.innerText()).toBe('1');
    // Click the break to select it, then Delete.
    await pageBreak.click();
    await expect.poll(() => pageBreak.getAttribute('class')).toContain('wg-object-selected');
    await page.keyboard.press('Delete');
    await expect.poll(() => pageBreak.count()).toBe(0);
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.title()).toBe('分页.docx - 文稿');
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(file)))['word/document.xml']!);
    expect(xml).not.toContain('w:type="page"');
    expect(xml).toContain('<w:footnoteReference w:id="3"/>');
  });

  it('shows a text box as a 文本框 mark with its text after it, and saves typing next to it without a question', async () => {
    const dir = tmp();
    const file = path.join(dir, '文本框.docx');
    const box = `<w:txbxContent><w:p><w:r><w:t>框中文字</w:t></w:r></w:p></w:txbxContent>`;
    const anchor = `<w:p><w:r><w:t>锚点段落</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>${box}</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>${box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
    writeFileSync(file, makeDocx({ body: `${anchor}${p('下一段')}` }));
    const { page, errors } = await start(['--open', file]);
    // (the mark's label is in the page's text, not in the document's)
    await expect.poll(() => paragraphs(page)).toEqual(['锚点段落文本框', '框中文字', '下一段']);
    const mark = page.locator('[data-testid=editor] [data-object=drawing]');
    expect(await mark.innerText()).toBe('文本框');
    // Type into the anchoring paragraph, before the mark.
    await editor(page).locator('p', { hasText: '锚点段落' }).click();
    await page.keyboard.press('Home');
    await page.keyboard.insertText('新');
    await expect.poll(() => page.title()).toBe('*文本框.docx - 文稿');
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.title()).toBe('文本框.docx - 文稿');
    expect(await page.locator('[data-testid=dialog]').count()).toBe(0);
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(file)))['word/document.xml']!);
    expect(xml).toContain('新锚点段落');
    expect(xml.split('框中文字').length - 1).toBe(2); // the box's two branches, once each, as read
    expect(errors).toEqual([]);
  });

  it('shows an equation as a 公式 chip with its text, finds it, and saves typing beside it with the m:oMath as it was', async () => {
    const dir = tmp();
    const file = path.join(dir, '公式.docx');
    writableCopy(fixturePath('docx', 'zh_word_circled_num.docx'), file);
    const source = strFromU8(unzipSync(new Uint8Array(readFileSync(file)))['word/document.xml']!);
    const equations = source.match(/<m:oMath>[\s\S]*?<\/m:oMath>/g)!;
    const { page, errors } = await start(['--open', file]);
    // The chip's text is the equation's linear text; "公式 “…”" around it is drawn by CSS.
    const chip = page.locator('[data-testid=editor] [data-object=equation]').first();
    await expect.poll(() => chip.innerText({ timeout: 1_000 })).toBe('a2+b2=c2');
    expect(await chip.evaluate((el) => getComputedStyle(el, '::before').content)).toContain('公式');
    // The chip's paragraph, by its place (its text changes below).
    const index = await chip.evaluate((el, block) => [...document.querySelectorAll(block)].indexOf(el.closest(block)!), BLOCK);
    const para = page.locator(BLOCK).nth(index);
    expect(await para.innerText()).toContain('本合同双方应加盖骑缝章。a2+b2=c2行内公式后接正文');
    // 查找 sees the equation's text.
    await editor(page).click();
    await page.keyboard.press('Control+f');
    await page.locator('[data-testid=find-input]').fill('b2=c2');
    await expect.poll(() => page.locator('[data-testid=find-count]').innerText({ timeout: 1_000 })).toMatch(/^第 1 项，共 \d+ 项$/);
    await page.keyboard.press('Escape');
    // Type at the end of the equation's paragraph.
    await para.click();
    await page.keyboard.press('End');
    await page.keyboard.insertText('（见上式）');
    await expect.poll(() => page.title()).toBe('*公式.docx - 文稿');
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.title()).toBe('公式.docx - 文稿');
    expect(await page.locator('[data-testid=dialog]').count()).toBe(0);
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(file)))['word/document.xml']!);
    expect(xml).toContain('（见上式）');
    expect(xml).toContain(equations[0]);
    expect(xml.indexOf(equations[0]!)).toBeLessThan(xml.indexOf('（见上式）'));
    expect(xml.match(/<m:oMath>[\s\S]*?<\/m:oMath>/g)).toEqual(equations);
    // A click selects the chip, Delete removes it: saved without it, and without a question.
    await chip.click();
    await expect.poll(() => chip.getAttribute('class')).toContain('wg-object-selected');
    await page.keyboard.press('Delete');
    await expect.poll(() => para.innerText({ timeout: 1_000 })).not.toContain('a2+b2=c2');
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.title()).toBe('公式.docx - 文稿');
    expect(await page.locator('[data-testid=dialog]').count()).toBe(0);
    const after = strFromU8(unzipSync(new Uint8Array(readFileSync(file)))['word/document.xml']!);
    expect(after.match(/<m:oMath>[\s\S]*?<\/m:oMath>/g)).toEqual(equations.slice(1));
    expect(after).toContain('（见上式）');
    expect(errors).toEqual([]);
  });
});

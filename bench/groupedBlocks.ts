/**
 * `npx tsx bench/groupedBlocks.ts [keys]`: what grouping the document's blocks would do for typing
 * (a diagnostic for #14's p95 goal, not a benchmark of the app). The page bench/grouped is a bare
 * Lexical editor holding the typing bench's 200,000-character document either flat (every block
 * a child of the root, content-visibility on each, as Wengao is) or in groups of 50–100 blocks
 * (content-visibility on each group; `shadow`: the groups are shadow roots). Prints keydown → next
 * frame for each, alternated in two rounds, then checks editing across a group's edge (Backspace
 * and Enter there, arrows, a selection over the edge deleted and undone, select all, Ctrl+End).
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, pasteText } from '../test/support/browser';
import { generateDocumentText } from './corpus';
import { buildPage, caretToMiddle, measureTyping, pasteDocument, serveStatic } from './typing';
import { fmtMs, median, percentile } from './table';

const VARIANTS = { flat: '', grouped: '?group', 'grouped, shadow roots': '?group&shadow' };

async function typingLatency(browser: Browser, url: string, keys: number): Promise<void> {
  const text = generateDocumentText(200_000);
  const results: Record<string, number[]> = {};
  for (let round = 0; round < 2; round++) {
    for (const [name, query] of Object.entries(VARIANTS)) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(url + query);
      await pasteDocument(page, text);
      await caretToMiddle(page, '', '[data-testid=editor] p');
      (results[name] ??= []).push(...(await measureTyping(page, keys)).slice(20));
      await page.close();
    }
  }
  console.log(`keydown → next frame, 200,000-character document, ${keys - 20} keys a round, 2 rounds alternated:`);
  for (const [name, lat] of Object.entries(results)) {
    console.log(`  ${name.padEnd(22)} median ${fmtMs(median(lat))}, p95 ${fmtMs(percentile(lat, 95))}, max ${fmtMs(Math.max(...lat))}`);
  }
}

const blocks = (page: Page) => page.evaluate(() => window.__blocks().flat());

/** Puts the caret at the start of the i-th block (0-based, across groups). */
async function caretAtBlock(page: Page, i: number): Promise<void> {
  await page.evaluate((i) => {
    const block = document.querySelectorAll<HTMLElement>('[data-testid=editor] p')[i]!;
    block.scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.setStart(block.firstChild!.firstChild ?? block.firstChild!, 0);
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
  }, i);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(r))); // Lexical has taken the selection
}

async function editingChecks(browser: Browser, url: string, query: string): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url + query);
  await page.locator('[data-testid=editor]').click();
  await pasteText(page, Array.from({ length: 120 }, (_, i) => `第${i + 1}段。`).join('\n'));
  await page.waitForFunction(() => window.__blocks().flat().length === 120);
  const check = async (what: string, got: unknown, want: unknown) => {
    const ok = JSON.stringify(got) === JSON.stringify(want);
    console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}${ok ? '' : `: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`}`);
  };
  console.log(`editing across a group's edge (${query || 'flat'}), groups ${(await page.evaluate(() => window.__groups())).join(' ')}:`);
  await caretAtBlock(page, 50); // the first block of the second group
  await page.keyboard.press('Backspace');
  await check('Backspace at a group’s first block joins it to the block before', (await blocks(page)).slice(48, 50), ['第49段。', '第50段。第51段。']);
  await page.keyboard.press('Enter');
  await check('Enter there splits it again', (await blocks(page)).slice(48, 51), ['第49段。', '第50段。', '第51段。']);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.type('X');
  await check('↑ ↑ from the next group, then typing', (await blocks(page))[48], 'X第49段。');
  await caretAtBlock(page, 48);
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Delete');
  await check('a selection over the edge deleted', (await blocks(page)).slice(47, 50), ['第48段。', '第53段。', '第54段。']);
  await page.keyboard.press('Control+z');
  await check('… and undone', (await blocks(page)).slice(47, 53), ['第48段。', 'X第49段。', '第50段。', '第51段。', '第52段。', '第53段。']);
  await page.keyboard.press('Control+a');
  await page.keyboard.type('全');
  await check('select all, then typing', await blocks(page), ['全']);
  await page.keyboard.press('Control+End');
  await page.keyboard.type('尾');
  await check('Ctrl+End, then typing', await blocks(page), ['全尾']);
  await check('no error from Lexical', await page.evaluate(() => window.__error ?? null), null);
  await page.close();
}

async function main(): Promise<void> {
  const keys = Number(process.argv[2] ?? 200);
  const site = await serveStatic(await buildPage('grouped'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, '--disable-frame-rate-limit', '--disable-gpu-vsync'] });
  try {
    await typingLatency(browser, site.url, keys);
    for (const query of ['?group', '?group&shadow']) await editingChecks(browser, site.url, query);
  } finally {
    await browser.close();
    site.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

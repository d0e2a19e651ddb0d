/**
 * Keystroke to ghost: in the web harness with ../shared/corpus as the corpus, the time from
 * typing the last character of a context to the frame that shows its ghost text — worker
 * query over HTTP included — against the time to the next frame of the same keystroke with
 * suggestions off, in the same run.
 */
import path from 'node:path';
import { launchChromium, openApp, startWebHarness } from '../test/support/browser';
import { SHARED } from './corpus';
import { fmtMs, median, percentile, printTable, ratio } from './table';

const CONTEXTS = ['坚定不移执纪反腐，一体推进', '全面从严', '以习近平', '深刻领悟“两个确', '持续整治群众身边的微', '坚定“四个', '锲而不舍落实中央八', '营造风清气正的良好政'];
const ROUNDS = Number(process.env.BENCH_GHOST_ROUNDS ?? 6);

/**
 * In the page: window.__done resolves with the time from the next beforeinput to the end of the
 * frame that shows the ghost (or, with suggestions off, the next frame).
 * A string, so that the bundler adds nothing to it.
 */
const MEASURE = `(wantGhost) => { window.__done = new Promise((resolve) => {
  const editorEl = document.querySelector('[data-testid=editor]');
  let t0 = 0;
  const frame = () => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve(performance.now() - t0);
    ch.port2.postMessage(0);
  });
  const obs = new MutationObserver(() => {
    if (editorEl.querySelector('[data-ghost]')) { obs.disconnect(); frame(); }
  });
  if (wantGhost) obs.observe(editorEl, { subtree: true, attributes: true, attributeFilter: ['data-ghost'] });
  editorEl.addEventListener('beforeinput', (e) => { t0 = e.timeStamp; if (!wantGhost) frame(); }, { once: true });
  setTimeout(() => resolve(-1), 2000);
}); }`;

export async function benchSuggestGhost(): Promise<void> {
  const harness = await startWebHarness(['--corpus', path.join(SHARED, 'corpus')]);
  const browser = await launchChromium();
  try {
    const { page } = await openApp(browser, harness.url);
    await page.waitForFunction(async () => {
      const token = new URLSearchParams(location.search).get('token')!;
      const r = await fetch('./api/getCorpusStatus', { method: 'POST', headers: { 'content-type': 'application/json', 'x-wengao-token': token }, body: '[]' });
      return (await r.json()).value.documents > 0;
    }, undefined, { timeout: 60_000, polling: 200 });
    await page.locator('[data-testid=editor]').click();
    const ghost: number[] = [];
    const plain: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const context of CONTEXTS) {
        for (const on of [true, false]) {
          const toggle = page.locator('[data-testid=status-suggestions]');
          if ((await toggle.innerText()).endsWith('开') !== on) {
            await toggle.click();
            await page.locator('[data-testid=editor]').click();
            await page.keyboard.press('Control+End');
          }
          await page.keyboard.press('Enter');
          await page.keyboard.insertText(context.slice(0, -1));
          await page.waitForTimeout(300);
          await page.evaluate(`(${MEASURE})(${on})`);
          await page.keyboard.insertText(context.slice(-1));
          const t = (await page.evaluate('window.__done')) as number;
          if (t >= 0) (on ? ghost : plain).push(t);
        }
      }
    }
    printTable(`Keystroke to ghost, web harness with ../shared/corpus (${ghost.length} ghosts; baseline: the same keystroke to the next frame with suggestions off, ${plain.length} keys)`, [
      { figure: 'median', ours: fmtMs(median(ghost)), baseline: fmtMs(median(plain)), ratio: ratio(median(ghost), median(plain)), goal: '≤ 30 ms' },
      { figure: 'p95', ours: fmtMs(percentile(ghost, 95)), baseline: fmtMs(percentile(plain, 95)), ratio: ratio(percentile(ghost, 95), percentile(plain, 95)), goal: '≤ 30 ms' },
    ]);
  } finally {
    await browser.close();
    await harness.stop();
  }
}

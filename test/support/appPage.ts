/**
 * The usual end-to-end setup, registered as vitest hooks: one web harness and one Chromium per
 * test file, and for each test a fresh page of the app (no backups from the previous page),
 * made ready by `ready` if given, with the editor focused. The previous page is closed quietly
 * (`closeApp`) before its backups are discarded.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { closeApp, editor, launchChromium, openApp, startWebHarness, type RunningHarness } from './browser';

export interface AppPage {
  page: Page;
  /** Console errors and page errors of the current page. */
  errors: string[];
}

export function useAppPage(opts: { harnessArgs?: string[]; ready?: (page: Page) => Promise<void> } = {}): AppPage {
  const current = {} as AppPage;
  let harness: RunningHarness | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  beforeAll(async () => {
    harness = await startWebHarness(opts.harnessArgs);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });
  beforeEach(async () => {
    if (current.page) await closeApp(current.page);
    Object.assign(current, await openApp(browser!, harness!.url));
    await opts.ready?.(current.page);
    await editor(current.page).click();
  });
  return current;
}

/**
 * The usual end-to-end setup, registered as vitest hooks: one web harness and one Chromium per
 * test file, and for each test a fresh page of the app (no backups from the previous page),
 * made ready by `ready` if given, with the editor focused. The previous page is closed quietly
 * (`closeApp`) before its backups are discarded.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
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

export interface FreshAppPage extends AppPage {
  /** This test's own backend; its user-data folder is new for each test. */
  harness: RunningHarness;
}

/**
 * The setup for tests that want nothing left by an earlier test, not even settings: one Chromium
 * per test file (started with `browserEnv`, e.g. a fontconfig for PDF tests), and for each test a
 * new backend with its own user-data folder and a page of the app on it, made ready by `ready`
 * if given, with the editor focused.
 */
export function useFreshAppPage(opts: { browserEnv?: NodeJS.ProcessEnv; ready?: (page: Page) => Promise<void> } = {}): FreshAppPage {
  const current = {} as FreshAppPage;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  beforeAll(async () => {
    browser = await launchChromium(opts.browserEnv);
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    current.harness = await startWebHarness();
    Object.assign(current, await openApp(browser!, current.harness.url));
    await opts.ready?.(current.page);
    await editor(current.page).click();
  });
  afterEach(async () => {
    await current.page?.close();
    await current.harness?.stop();
  });
  return current;
}

export interface StartedApp extends AppPage {
  harness: RunningHarness;
}

/**
 * The setup for tests that start the backend with their own arguments (a file to open, a
 * user-data folder): one Chromium per test file, and a `start` that runs a harness with those
 * arguments and opens the app on it; every harness and page a test started is closed after it.
 * With a user-data folder given, its backups are kept (the test wants what is in it).
 */
export function useAppStarter(): (args?: string[], userData?: string, opts?: { beforeLoad?: (page: Page) => Promise<void> }) => Promise<StartedApp> {
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  const harnesses: RunningHarness[] = [];
  const pages: Page[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close().catch(() => {});
    for (const h of harnesses.splice(0)) await h.stop();
  });
  return async (args = [], userData, opts = {}) => {
    const harness = await startWebHarness(args, userData);
    harnesses.push(harness);
    const { page, errors } = await openApp(browser!, harness.url, { keepBackups: userData !== undefined, beforeLoad: opts.beforeLoad });
    pages.push(page);
    return { page, errors, harness };
  };
}

/**
 * The kept source packages (userData/sources) are cleaned up at start: a package no backup and no
 * recent file refers to, unused for 30 days, is removed; the others stay, and so does anything that
 * is not a package.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BackupStore } from '../../../electron/services/backups';
import { createServiceHandlers } from '../../../electron/services/handlers';
import { SettingsStore } from '../../../electron/services/settingsStore';
import { SourcePackages } from '../../../electron/services/sourcePackages';
import { SOURCE_MAX_AGE_DAYS, cleanUpSourcePackages } from '../../../electron/services/sourceCleanup';
import { makeDocx, p } from '../../support/makeDocx';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tmp = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'wengao-sources-'));
  dirs.push(d);
  return d;
};

const DAY = 24 * 3600 * 1000;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Writes a package into the sources folder, last used `daysAgo` days ago; returns its id. */
function keptPackage(sources: string, text: string, daysAgo: number): { id: string; bytes: Uint8Array } {
  const bytes = makeDocx({ body: p(text) });
  const id = sha(bytes);
  mkdirSync(sources, { recursive: true });
  const file = path.join(sources, `${id}.docx`);
  writeFileSync(file, bytes);
  const when = new Date(Date.now() - daysAgo * DAY);
  utimesSync(file, when, when);
  return { id, bytes };
}

const names = (dir: string) => readdirSync(dir).sort();

describe('cleaning up the source packages', () => {
  it('removes only old packages nothing refers to', async () => {
    const userData = tmp();
    const sources = path.join(userData, 'sources');
    const inBackup = keptPackage(sources, '有备份', 90);
    const recent = keptPackage(sources, '最近文件', 90);
    const orphanOld = keptPackage(sources, '无人引用且旧', SOURCE_MAX_AGE_DAYS + 1);
    const orphanNew = keptPackage(sources, '无人引用但新近用过', SOURCE_MAX_AGE_DAYS - 1);
    writeFileSync(path.join(sources, 'readme.txt'), '不是源文件包');
    const backups = new BackupStore(path.join(userData, 'backups'));
    await backups.write({
      id: 'doc-aaaaaaaa',
      name: '有备份.docx',
      source: { path: null, format: 'docx', stamp: null, losses: [], package: inBackup.id },
      doc: { meta: {}, blocks: [{ type: 'paragraph', runs: [{ text: '有备份' }] }] },
    });
    const recentFile = path.join(userData, '最近.docx');
    writeFileSync(recentFile, recent.bytes);

    const removed = await cleanUpSourcePackages(sources, backups, [recentFile, path.join(userData, '已删除.docx')]);
    expect(removed).toEqual([orphanOld.id]);
    expect(names(sources)).toEqual([`${inBackup.id}.docx`, `${orphanNew.id}.docx`, `${recent.id}.docx`, 'readme.txt'].sort());
  });

  it('counts a package’s use as its date: one used again today stays', async () => {
    const sources = path.join(tmp(), 'sources');
    const old = keptPackage(sources, '重新打开', 90);
    const store = new SourcePackages(sources);
    expect(await store.get(old.id)).toEqual(new Uint8Array(old.bytes));
    const removed = await cleanUpSourcePackages(sources, new BackupStore(path.join(sources, '..', 'backups')), []);
    expect(removed).toEqual([]);
    expect(existsSync(path.join(sources, `${old.id}.docx`))).toBe(true);
  });

  it('runs when the services start, before a document is opened', async () => {
    const userData = tmp();
    const sources = path.join(userData, 'sources');
    const orphan = keptPackage(sources, '旧包', 365);
    const store = await SettingsStore.open(userData);
    let cleaned: Promise<string[]> | null = null;
    createServiceHandlers({ store, suggestions: {} as never, onSourcesCleaned: (done) => (cleaned = done) });
    expect(await cleaned!).toEqual([orphan.id]);
    expect(names(sources)).toEqual([]);
  });
});

/**
 * Every file kept in the user-data folder may be damaged or of the wrong shape; none may stop the
 * app (issue #13). Each is set aside as <name>.corrupt-<time> and defaults are used; a damaged
 * backup is listed as damaged and can be discarded; a backup is known by its file name.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../shared/settings';
import { BackupStore } from '../../../electron/services/backups';
import { SettingsStore } from '../../../electron/services/settingsStore';
import { readIndexFile } from '../../../electron/services/suggest/indexCache';
import { HISTORY_FILE, SuggestService } from '../../../electron/services/suggest/suggestService';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'wengao-stored-'));
const WRONG = ['null', '[]', '42', '"设置"', 'true', '{"recentFiles":', ''];
const setAsideIn = (dir: string, name: string) => readdirSync(dir).filter((n) => n.startsWith(`${name}.corrupt-`) && /\.corrupt-\d+$/.test(n));

describe('settings.json and state.json of the wrong shape', () => {
  for (const bad of WRONG) {
    it(`start with defaults when both hold ${JSON.stringify(bad)}, keeping the bad files aside`, async () => {
      const dir = tmp();
      writeFileSync(path.join(dir, 'settings.json'), bad);
      writeFileSync(path.join(dir, 'state.json'), bad);
      const store = await SettingsStore.open(dir);
      expect(store.getSettings()).toEqual(defaultSettings());
      expect(store.recentFiles()).toEqual([]);
      expect(store.windowBounds()).toBeUndefined();
      for (const name of ['settings.json', 'state.json']) {
        const aside = setAsideIn(dir, name);
        expect(aside).toHaveLength(1);
        expect(readFileSync(path.join(dir, aside[0]!), 'utf8')).toBe(bad);
      }
      // And the app goes on: both files are written afresh.
      await store.updateSettings({ zoom: 120 });
      await store.addRecentFile('/tmp/报告.docx');
      const again = await SettingsStore.open(dir);
      expect(again.getSettings().zoom).toBe(120);
      expect(again.recentFiles()).toEqual(['/tmp/报告.docx']);
    });
  }

  it('keeps the good fields of a file whose fields have the wrong types', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ zoom: 150, showOutline: 'yes', export: null }));
    writeFileSync(path.join(dir, 'state.json'), JSON.stringify({ recentFiles: 7, windowBounds: { x: 1, y: 2, width: 800, height: 600, maximized: false } }));
    const store = await SettingsStore.open(dir);
    expect(store.getSettings()).toMatchObject({ zoom: 150, showOutline: true, export: defaultSettings().export });
    expect(store.windowBounds()).toMatchObject({ width: 800 });
    expect(readdirSync(dir).filter((n) => n.includes('.corrupt-'))).toEqual([]);
  });
});

describe('suggestion history and the phrase index cache', () => {
  const services: SuggestService[] = [];
  afterAll(async () => {
    for (const s of services) await s.close();
  });

  for (const bad of ['null', '[]', '42', '{"词": null, "另一个词": 5}']) {
    it(`a suggestion history holding ${bad} does not stop the service`, async () => {
      const dir = tmp();
      writeFileSync(path.join(dir, HISTORY_FILE), bad);
      const service = await SuggestService.start({ dataDir: dir, cacheFile: null });
      services.push(service);
      expect((await service.suggest({ before: '全面从严', mode: 'list' })).suggestions[0]?.text).toBe('治党');
      await service.recordFeedback('治党', false);
      expect(JSON.parse(readFileSync(path.join(dir, HISTORY_FILE), 'utf8'))['治党']).toMatchObject({ dismissed: 1 });
      if (bad.startsWith('{')) expect(setAsideIn(dir, HISTORY_FILE)).toEqual([]);
      else expect(setAsideIn(dir, HISTORY_FILE)).toHaveLength(1);
    });
  }

  it('a damaged index cache is set aside; a user’s damaged index file is left where it is', async () => {
    const dir = tmp();
    const cache = path.join(dir, 'phrase-index.bin');
    writeFileSync(cache, 'not an index');
    expect(await readIndexFile(cache, { cache: true })).toBeNull();
    expect(setAsideIn(dir, 'phrase-index.bin')).toHaveLength(1);
    const users = path.join(dir, '素材.wgi');
    writeFileSync(users, 'not an index');
    expect(await readIndexFile(users)).toBeNull();
    expect(readFileSync(users, 'utf8')).toBe('not an index');
  });
});

describe('backups', () => {
  const doc = { meta: {}, blocks: [{ type: 'paragraph' as const, runs: [{ text: '未保存的修改' }] }] };

  it('lists a damaged backup as damaged, with the name it still shows, and discards it', async () => {
    const dir = tmp();
    const store = new BackupStore(dir);
    await store.write({ id: 'doc-aaaaaaaa', name: '好的.docx', source: null, doc });
    writeFileSync(path.join(dir, 'doc-bbbbbbbb.json'), '{"version":1,"id":"doc-bbbbbbbb","name":"工作报告.docx","savedAt":1,"doc":{"blocks":[{"ty');
    writeFileSync(path.join(dir, 'doc-cccccccc.json'), 'null');
    writeFileSync(path.join(dir, 'notes.txt'), 'not a backup');
    const list = await store.list();
    expect(list.map((b) => [b.id, b.name, Boolean(b.damaged)]).sort()).toEqual([
      ['doc-aaaaaaaa', '好的.docx', false],
      ['doc-bbbbbbbb', '工作报告.docx', true],
      ['doc-cccccccc', '未知文稿', true],
    ]);
    await expect(store.read('doc-bbbbbbbb')).rejects.toMatchObject({ code: 'not-found' });
    await store.discard('doc-bbbbbbbb');
    await store.discard('doc-cccccccc');
    expect(readdirSync(dir).sort()).toEqual(['doc-aaaaaaaa.json', 'notes.txt']);
  });

  it('knows a backup by its file name, whatever id its content claims, so it can always be discarded', async () => {
    const dir = tmp();
    const store = new BackupStore(dir);
    await store.write({ id: 'doc-dddddddd', name: '改名.docx', source: null, doc });
    renameSync(path.join(dir, 'doc-dddddddd.json'), path.join(dir, 'doc-eeeeeeee.json'));
    const list = await store.list();
    expect(list.map((b) => b.id)).toEqual(['doc-eeeeeeee']);
    expect(await store.read('doc-eeeeeeee')).toMatchObject({ id: 'doc-eeeeeeee', name: '改名.docx', doc });
    await store.discard('doc-eeeeeeee');
    expect(await store.list()).toEqual([]);
    mkdirSync(path.join(dir, 'sub.json'));
    expect(await store.list()).toEqual([]);
  });
});

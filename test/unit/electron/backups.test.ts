import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { idleSuggestions } from '../../support/idleSuggestions';
import type { WgDocument } from '../../../shared/model/document';
import { BackupStore } from '../../../electron/services/backups';
import { createServiceHandlers } from '../../../electron/services/handlers';
import { SettingsStore } from '../../../electron/services/settingsStore';
import { fixturePath, writableCopy } from '../../support/fixtures';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'wengao-backup-'));
const doc = (text: string): WgDocument => ({ meta: {}, blocks: [{ type: 'paragraph', runs: [{ text }] }] });

describe('backups of unsaved edits', () => {
  it('keeps one backup per document, newest content, listed newest first', async () => {
    const store = new BackupStore(tmp());
    await store.write({ id: 'doc-aaaaaaaa', name: '未命名文稿', source: null, doc: doc('第一稿') });
    await store.write({ id: 'doc-aaaaaaaa', name: '未命名文稿', source: null, doc: doc('第二稿') });
    // The next backup must be newer by the clock the store stamps with.
    for (const t = Date.now(); Date.now() === t; ) await new Promise((r) => setImmediate(r));
    await store.write({ id: 'doc-bbbbbbbb', name: '报告.docx', source: { path: '/a/报告.docx', format: 'docx', stamp: null, losses: [] }, doc: doc('报告') });
    const list = await store.list();
    expect(list.map((b) => [b.id, b.name, b.path, b.chars])).toEqual([
      ['doc-bbbbbbbb', '报告.docx', '/a/报告.docx', 2],
      ['doc-aaaaaaaa', '未命名文稿', null, 3],
    ]);
    expect((await store.read('doc-aaaaaaaa')).doc).toEqual(doc('第二稿'));
  });

  it('a discard issued after a write always wins, even while the write is in flight', async () => {
    const dir = tmp();
    const store = new BackupStore(dir);
    const big = doc('字'.repeat(200_000));
    const writing = store.write({ id: 'doc-cccccccc', name: 'x', source: null, doc: big });
    const discarding = store.discard('doc-cccccccc');
    await Promise.all([writing, discarding]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('lists an unreadable backup file as damaged (it cannot be restored) and refuses bad ids', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'doc-dddddddd.json'), '{"truncated":');
    const store = new BackupStore(dir);
    expect(await store.list()).toMatchObject([{ id: 'doc-dddddddd', damaged: true, chars: 0 }]);
    await expect(store.read('doc-dddddddd')).rejects.toMatchObject({ code: 'not-found' });
    expect(() => store.discard('../settings')).toThrow(/备份编号无效/);
  });
});

describe('file handlers', () => {
  it('adds opened and saved files to the recent files, and drops a recent file that is gone', async () => {
    const userData = tmp();
    const store = await SettingsStore.open(userData);
    let changes = 0;
    const h = createServiceHandlers({ store, suggestions: idleSuggestions(), onRecentFilesChanged: () => changes++ });
    const work = tmp();
    const file = path.join(work, '通知.txt');
    writableCopy(fixturePath('txt', 'txt_utf8_zh_long.txt'), file);
    const opened = await h.openDocument(file, {});
    const saveAs = path.join(work, '通知.wgd');
    expect((await h.saveDocument({ path: saveAs, doc: opened.doc, source: opened.source, accept: {} })).status).toBe('saved');
    expect(store.recentFiles()).toEqual([saveAs, file]);
    expect(changes).toBe(2);
    await expect(h.openDocument(path.join(work, '已删除.txt'), {})).rejects.toMatchObject({ code: 'not-found' });
    await store.addRecentFile(path.join(work, '已删除.txt'));
    await expect(h.openDocument(path.join(work, '已删除.txt'), {})).rejects.toMatchObject({ code: 'not-found' });
    expect(store.recentFiles()).toEqual([saveAs, file]);
    // Backups live in the user-data folder.
    await h.writeBackup({ id: 'doc-eeeeeeee', name: '通知.txt', source: opened.source, doc: opened.doc });
    expect(readdirSync(path.join(userData, 'backups'))).toEqual(['doc-eeeeeeee.json']);
    expect((await h.listBackups()).map((b) => b.path)).toEqual([file]);
    await h.discardBackup('doc-eeeeeeee');
    expect(await h.listBackups()).toEqual([]);
  });
});

import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync, chmodSync, mkdirSync, symlinkSync, lstatSync, promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from '../../../electron/services/atomicWrite';
import { SettingsStore } from '../../../electron/services/settingsStore';
import { mountSmallDisk } from '../../support/tmpfs';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'wengao-test-'));

describe('writeFileAtomic', () => {
  it('replaces a file, keeps its permissions and leaves no temp file', async () => {
    const dir = tmp();
    const f = path.join(dir, '报告.txt');
    writeFileSync(f, 'old');
    chmodSync(f, 0o640);
    await writeFileAtomic(f, '新内容');
    expect(readFileSync(f, 'utf8')).toBe('新内容');
    expect(statSync(f).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['报告.txt']);
  });

  it('writes through a symbolic link to the file it points to, keeping the link', async () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'real'));
    const real = path.join(dir, 'real', '报告.txt');
    writeFileSync(real, '旧内容');
    const link = path.join(dir, '桌面上的报告.txt');
    symlinkSync(real, link);
    await writeFileAtomic(link, '新内容');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('新内容');
    expect(readdirSync(path.join(dir, 'real'))).toEqual(['报告.txt']);
  });

  it('says in Chinese when the folder does not exist', async () => {
    const f = path.join(tmp(), 'missing', 'a.txt');
    await expect(writeFileAtomic(f, 'x')).rejects.toMatchObject({ code: 'not-found', message: expect.stringContaining('不存在') });
  });

  it('refuses to replace a folder', async () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'a.txt'));
    await expect(writeFileAtomic(path.join(dir, 'a.txt'), 'x')).rejects.toMatchObject({ code: 'is-directory' });
  });

  describe('a file another program holds (Windows refuses the rename with EBUSY)', () => {
    afterEach(() => vi.restoreAllMocks());
    const busy = () => Object.assign(new Error('resource busy or locked'), { code: 'EBUSY' });

    it('retries until the other program lets go, then saves', async () => {
      const dir = tmp();
      const f = path.join(dir, '报告.docx');
      writeFileSync(f, 'old');
      const rename = fsp.rename.bind(fsp);
      let refusals = 2;
      const spy = vi.spyOn(fsp, 'rename').mockImplementation(async (from, to) => {
        if (refusals-- > 0) throw busy();
        return rename(from, to);
      });
      await writeFileAtomic(f, '新内容');
      expect(spy).toHaveBeenCalledTimes(3);
      expect(readFileSync(f, 'utf8')).toBe('新内容');
      expect(readdirSync(dir)).toEqual(['报告.docx']);
    });

    it('gives up after a while, says the file is in use and keeps the old one', async () => {
      const dir = tmp();
      const f = path.join(dir, '报告.docx');
      writeFileSync(f, 'old');
      vi.spyOn(fsp, 'rename').mockRejectedValue(busy());
      const started = Date.now();
      await expect(writeFileAtomic(f, '新内容', { retryForMs: 300 })).rejects.toMatchObject({ code: 'locked', message: expect.stringContaining('正被其他程序占用') });
      expect(Date.now() - started).toBeGreaterThanOrEqual(300);
      expect(readFileSync(f, 'utf8')).toBe('old');
      expect(readdirSync(dir)).toEqual(['报告.docx']);
    });
  });

  const disk = mountSmallDisk(64);
  afterAll(() => typeof disk !== 'string' && disk.dispose());

  it.skipIf(typeof disk === 'string')(`keeps the old file when the disk is full${typeof disk === 'string' ? ` (skipped: ${disk})` : ''}`, async () => {
    if (typeof disk === 'string') return;
    const f = path.join(disk.dir, 'full.txt');
    writeFileSync(f, '原来的内容');
    await expect(writeFileAtomic(f, 'x'.repeat(200 * 1024))).rejects.toMatchObject({ code: 'disk-full', message: expect.stringContaining('磁盘空间不足') });
    expect(readFileSync(f, 'utf8')).toBe('原来的内容');
    expect(readdirSync(disk.dir)).toEqual(['full.txt']);
  });

  it.skipIf(typeof disk === 'string')('keeps the old file on a read-only file system', async () => {
    if (typeof disk === 'string') return;
    const f = path.join(disk.dir, 'full.txt');
    disk.readOnly();
    await expect(writeFileAtomic(f, 'new')).rejects.toMatchObject({ code: 'read-only', message: expect.stringContaining('只读') });
    expect(readFileSync(f, 'utf8')).toBe('原来的内容');
  });
});

describe('SettingsStore', () => {
  it('persists settings, recent files and window bounds across restarts', async () => {
    const dir = tmp();
    const s = await SettingsStore.open(dir);
    await s.updateSettings({ zoom: 150 });
    await s.addRecentFile('/a/报告一.docx');
    await s.addRecentFile('/a/报告二.txt');
    await s.addRecentFile('/a/报告一.docx');
    await s.setWindowBounds({ x: 1, y: 2, width: 800, height: 600, maximized: true });
    const again = await SettingsStore.open(dir);
    expect(again.getSettings().zoom).toBe(150);
    expect(again.recentFiles()).toEqual(['/a/报告一.docx', '/a/报告二.txt']);
    expect(again.windowBounds()).toEqual({ x: 1, y: 2, width: 800, height: 600, maximized: true });
  });

  it('keeps at most ten recent files', async () => {
    const s = await SettingsStore.open(tmp());
    for (let i = 0; i < 14; i++) await s.addRecentFile(`/f${i}.txt`);
    expect(s.recentFiles()).toHaveLength(10);
    expect(s.recentFiles()[0]).toBe('/f13.txt');
  });

  it('starts with defaults from a corrupt settings file and keeps the bad file aside', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'settings.json'), '{"zoom": 1');
    const s = await SettingsStore.open(dir);
    expect(s.getSettings()).toMatchObject({ showOutline: true, zoom: 100, autoRenumber: true, suggestions: true, corpusFolders: [], export: { template: 'gbt9704' } });
    expect(readdirSync(dir).some((n) => n.startsWith('settings.json.corrupt-'))).toBe(true);
  });
});

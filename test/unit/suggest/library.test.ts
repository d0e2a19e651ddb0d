import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PhraseLibrary, scanFolders } from '../../../electron/services/suggest/phraseLibrary';
import { SuggestService } from '../../../electron/services/suggest/suggestService';
import { checkFolder } from '../../../electron/services/suggest/corpusFolders';
import { encodeText } from '../../../electron/services/textEncoding';
import type { CorpusStatus } from '../../../shared/suggest/status';
import { stringOf } from '../../../shared/suggest/phraseIndex';
import { CORPUS } from './corpusText';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'wengao-corpus-'));

/** A user folder made of copies of the shared seeds (with a subfolder), in a temp dir. */
function userFolder(): string {
  const dir = tmp();
  mkdirSync(path.join(dir, '2023', '党建'), { recursive: true });
  for (const f of readdirSync(path.join(CORPUS, 'seeds'))) copyFileSync(path.join(CORPUS, 'seeds', f), path.join(dir, '2023', '党建', f));
  return dir;
}

describe('phrase library (indexing in the worker)', () => {
  it('indexes a folder recursively, caches the index and reuses it while no file changed', async () => {
    const folder = userFolder();
    const cacheFile = path.join(tmp(), 'corpus', 'phrase-index.bin');
    const statuses: CorpusStatus[] = [];
    const lib = new PhraseLibrary({ cacheFile, onStatus: (s) => statuses.push(s) });
    const first = await lib.rebuild([folder]);
    expect(first).toMatchObject({ state: 'ready', documents: 5, duplicates: 0, failed: [], fromCache: false });
    expect(statuses.some((s) => s.state === 'indexing' && s.phase.startsWith('正在读取'))).toBe(true);
    expect(statSync(cacheFile).size).toBeGreaterThan(first.characters * 6);
    expect(lib.suggest({ before: '一体推进', mode: 'ghost' }).ghost?.text).toBe('不敢腐、不能腐、不想腐');

    const again = await new PhraseLibrary({ cacheFile }).rebuild([folder]);
    expect(again).toMatchObject({ state: 'ready', documents: 5, fromCache: true, characters: first.characters });

    // A changed file (size and time) is read again; a copy of a report is indexed once.
    const target = path.join(folder, '2023', '党建', '000_40f08a2d6707e5f7.txt');
    writeFileSync(target, `${readFileSync(target, 'utf8')}\n新增一段：持续深化“一老一小”民生实事。\n`);
    utimesSync(target, new Date(), new Date(Date.now() + 5000));
    copyFileSync(path.join(folder, '2023', '党建', '003_cc503eda10b51707.txt'), path.join(folder, '副本.txt'));
    const lib3 = new PhraseLibrary({ cacheFile });
    const third = await lib3.rebuild([folder]);
    expect(third).toMatchObject({ documents: 5, duplicates: 1, fromCache: false });
    expect(lib3.suggest({ before: '持续深化“一老', mode: 'list' }).suggestions[0]?.text).toBe('一小”民生实事');
  });

  it('reports missing folders, unreadable files and files it cannot open, and keeps going', async () => {
    const folder = userFolder();
    writeFileSync(path.join(folder, '坏文件.wgd'), '{not json');
    writeFileSync(path.join(folder, '~$临时.docx'), 'lock file');
    writeFileSync(path.join(folder, 'notes.md'), 'ignored');
    const locked = path.join(folder, '锁定.txt');
    writeFileSync(locked, '锁定的文件');
    chmodSync(locked, 0o000);
    const lib = new PhraseLibrary({ cacheFile: null });
    const s = await lib.rebuild([folder, path.join(folder, '不存在')]);
    const root = process.getuid?.() === 0; // root reads a file whatever its permissions
    expect(s.state).toBe('ready');
    expect(s.documents).toBe(root ? 6 : 5);
    expect(s.missingFolders).toEqual([path.join(folder, '不存在')]);
    const failed = s.failed.map((f) => path.basename(f.path)).sort();
    expect(failed).toContain('坏文件.wgd');
    if (!root) expect(failed).toContain('锁定.txt');
    for (const f of s.failed) expect(f.message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await scanFolders([folder])).files.map((f) => path.basename(f.path))).not.toContain('~$临时.docx');
  });

  it('reads .txt files in GB18030 and UTF-16 in the indexing thread, and refuses binary, oversized and mislabelled ones with their reasons', async () => {
    const folder = tmp();
    const gbk = encodeText('坚持以人民为中心的发展思想，着力解决群众急难愁盼问题。\r\n', 'gb18030', false);
    expect(gbk.unencodable).toEqual([]);
    writeFileSync(path.join(folder, 'gbk.txt'), gbk.bytes);
    writeFileSync(path.join(folder, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('深入推进全面从严治党，持续净化政治生态。\r\n', 'utf16le')]));
    writeFileSync(path.join(folder, 'binary.txt'), Buffer.from([0x41, 0, 0, 1, 2, 3, 0, 0x42, 0, 0, 0, 0]));
    writeFileSync(path.join(folder, 'word.txt'), Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(64)]));
    // Over the 20 MB a .txt may have: refused from its size, before it is read.
    writeFileSync(path.join(folder, 'huge.txt'), '');
    truncateSync(path.join(folder, 'huge.txt'), 21 * 1024 * 1024);
    const lib = new PhraseLibrary({ cacheFile: null });
    const s = await lib.rebuild([folder]);
    expect(s.state).toBe('ready');
    expect(s.documents).toBe(2);
    const reasons = Object.fromEntries(s.failed.map((f) => [path.basename(f.path), f.message]));
    expect(Object.keys(reasons).sort()).toEqual(['binary.txt', 'huge.txt', 'word.txt']);
    expect(reasons['binary.txt']).toMatch(/不是文本文件/);
    expect(reasons['word.txt']).toMatch(/不是文本文件.*\.docx/);
    expect(reasons['huge.txt']).toMatch(/太大/);
    // Decoded, not mojibake: both reports are in the index as written.
    const text = stringOf(lib.index.text);
    expect(text).toContain('坚持以人民为中心的发展思想，着力解决群众急难愁盼问题。');
    expect(text).toContain('深入推进全面从严治党，持续净化政治生态。');
  });

  it('reads .docx corpus files through readDocumentFile, and names those it must refuse', async () => {
    const docx = path.resolve(CORPUS, '..', 'fixtures', 'docx');
    const folder = tmp();
    for (const name of ['numbered_heading.docx', 'zh_wps_std_eval_p7.docx', 'bad_truncated_zip.docx']) copyFileSync(path.join(docx, name), path.join(folder, name));
    const s = await new PhraseLibrary({ cacheFile: null }).rebuild([folder]);
    expect(s.documents).toBe(2);
    expect(s.failed.map((f) => path.basename(f.path))).toEqual(['bad_truncated_zip.docx']);
    expect(s.failed[0]!.message).toMatch(/已损坏|不完整/);
  });

  it('starts over from a damaged cache file', async () => {
    const folder = userFolder();
    const cacheFile = path.join(tmp(), 'phrase-index.bin');
    await new PhraseLibrary({ cacheFile }).rebuild([folder]);
    const bytes = readFileSync(cacheFile);
    writeFileSync(cacheFile, bytes.subarray(0, bytes.length >> 1));
    const s = await new PhraseLibrary({ cacheFile }).rebuild([folder]);
    expect(s).toMatchObject({ state: 'ready', documents: 5, fromCache: false });
  });

  it('checks folders before adding them, with Chinese messages', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'a.txt'), 'x');
    await expect(checkFolder('相对/路径')).rejects.toMatchObject({ code: 'not-absolute' });
    await expect(checkFolder(path.join(dir, 'missing'))).rejects.toMatchObject({ code: 'folder-not-found', message: expect.stringContaining('找不到文件夹') });
    await expect(checkFolder(path.join(dir, 'a.txt'))).rejects.toMatchObject({ code: 'not-a-folder' });
    expect(await checkFolder(dir)).toBe(dir);
  });
});

describe('suggestion service (a real worker thread)', () => {
  const services: SuggestService[] = [];
  afterAll(async () => {
    for (const s of services) await s.close();
  });

  it('gives a restarted worker the open document back, changes included', async () => {
    const service = await SuggestService.start({ dataDir: null });
    services.push(service);
    const current = async () => (await service.suggest({ before: '五是聚焦“一', mode: 'list' })).suggestions.filter((x) => x.sourceKind === 'current').map((x) => x.text);
    service.updateDocument({ reset: true, order: ['2', '3'], blocks: [['2', ['二是聚焦“一老一小”民生实事，']], ['3', ['三是聚焦“一老一小”民生实事。']]] });
    service.updateDocument({ reset: false, order: ['2', '3'], blocks: [['3', ['三是聚焦“一老一少”民生实事。']]] });
    const before = await current();
    expect(before).toContain('老一少”民生实事');
    // The worker dies (as after a crash); the next query starts a new one.
    const worker = (service as unknown as { worker: { terminate(): Promise<number> } }).worker;
    await worker.terminate();
    expect(await current()).toEqual(before);
  });

  it('indexes off the main thread, answers queries and keeps the user’s history', async () => {
    const dataDir = tmp();
    const statuses: CorpusStatus[] = [];
    const service = await SuggestService.start({ dataDir, onStatus: (s) => statuses.push(s) });
    services.push(service);
    // The phrasebook answers before any folder is indexed.
    expect((await service.suggest({ before: '全面从严', mode: 'list' })).suggestions[0]?.text).toBe('治党');
    const status = await service.setFolders([CORPUS]);
    expect(status).toMatchObject({ state: 'ready', documents: 13 });
    expect(statuses.some((s) => s.state === 'indexing')).toBe(true);
    expect((await service.suggest({ before: '一体推进', mode: 'ghost' })).ghost?.text).toBe('不敢腐、不能腐、不想腐');

    await service.recordFeedback('不敢腐、不能腐、不想腐', false);
    await service.recordFeedback('不敢腐、不能腐、不想腐', false);
    expect((await service.suggest({ before: '一体推进', mode: 'ghost' })).ghost).toBeNull();
    expect(JSON.parse(readFileSync(path.join(dataDir, 'suggestion-history.json'), 'utf8'))['不敢腐、不能腐、不想腐']).toMatchObject({ dismissed: 2 });

    // A restart reads the cache and the history back.
    await service.close();
    const again = await SuggestService.start({ dataDir });
    services.push(again);
    expect(await again.setFolders([CORPUS])).toMatchObject({ documents: 13, fromCache: true });
    expect((await again.suggest({ before: '一体推进', mode: 'ghost' })).ghost).toBeNull();

    expect(again.updateDocument({ reset: true, order: ['2', '3', '4'], blocks: [['2', ['二是聚焦“一老一小”民生实事，']], ['3', ['三是聚焦“一老一小”民生实事。']], ['4', ['四是聚焦“一老一小”民生实事。']]] })).toBe(true);
    expect((await again.suggest({ before: '五是聚焦“一', mode: 'ghost' })).ghost?.text).toBe('老一小”民生实事');
    // Changed paragraphs only: the others stay indexed, the edited one counts as it is now.
    expect(again.updateDocument({ reset: false, order: ['2', '3', '4'], blocks: [['3', ['三是聚焦“一老一少”民生实事。']], ['4', ['四是聚焦“一老一少”民生实事。']]] })).toBe(true);
    const texts = (await again.suggest({ before: '五是聚焦“一', mode: 'list' })).suggestions.map((x) => x.text);
    expect(texts).toContain('老一少”民生实事');
    expect(texts.indexOf('老一少”民生实事')).toBeLessThan(texts.indexOf('老一小”民生实事'));
    // A change that builds on a paragraph never sent is refused: the sender must send everything.
    expect(again.updateDocument({ reset: false, order: ['2', '9'], blocks: [] })).toBe(false);
    expect((await again.suggest({ before: '五是聚焦“一', mode: 'list' })).suggestions.filter((x) => x.sourceKind === 'current')).toEqual([]);
  });
});

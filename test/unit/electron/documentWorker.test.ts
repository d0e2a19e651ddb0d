/**
 * Documents are read and written in a worker with a time and a memory limit (issue #13): a slow
 * or hostile file costs at most a Chinese message, and every other call is answered meanwhile.
 * Needs the built worker (npm run build: build/app/documentWorker.cjs).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/api/contract';
import { paragraphText, type Paragraph } from '../../../shared/model/document';
import { DocumentRunner } from '../../../electron/services/documents/runner';
import { createServiceHandlers } from '../../../electron/services/handlers';
import { SettingsStore } from '../../../electron/services/settingsStore';
import { fixturePath } from '../../support/fixtures';
import { nestedTextBoxes, slowDocx } from '../../support/hostileDocx';
import { idleSuggestions } from '../../support/idleSuggestions';
import { makeDocx } from '../../support/makeDocx';

const dir = mkdtempSync(path.join(os.tmpdir(), 'wengao-docworker-'));
const runners: DocumentRunner[] = [];
afterAll(async () => {
  await Promise.all(runners.map((r) => r.close()));
});

function runner(limits: ConstructorParameters<typeof DocumentRunner>[0]): DocumentRunner {
  const r = new DocumentRunner(limits);
  runners.push(r);
  return r;
}

/** A valid document that takes seconds to read: 100 MB of XML comment in a 100 KB file. */
function slowFile(): string {
  const file = path.join(dir, '慢.docx');
  writeFileSync(file, slowDocx(100));
  return file;
}

describe('the document worker', () => {
  it('answers a settings read while a slow file is being read, and stops the file at its time limit', async () => {
    const store = await SettingsStore.open(mkdtempSync(path.join(dir, 'user-')));
    const documents = runner({ readMs: 1000 });
    const h = createServiceHandlers({ store, suggestions: idleSuggestions(), documents });
    const file = slowFile();
    const order: string[] = [];
    const started = Date.now();
    const opening = Promise.resolve(h.openDocument(file, {})).then(
      () => order.push('opened'),
      (e: unknown) => {
        order.push('refused');
        return e;
      },
    );
    // Turns of the event loop while the file is read: on the main thread there would be none
    // between reading the bytes and the end of parsing.
    let turns = 0;
    while (turns < 100 && order.length === 0) {
      await new Promise((r) => setImmediate(r));
      turns++;
    }
    expect(order, 'the open settled before 100 turns of the event loop').toEqual([]);
    const settings = await h.getSettings();
    order.push('settings');
    expect(settings).toHaveProperty('corpusFolders');
    const err = (await opening) as UserError;
    expect(order).toEqual(['settings', 'refused']);
    expect(err).toBeInstanceOf(UserError);
    expect(err.code).toBe('timeout');
    expect(err.message).toBe('打开“慢.docx”用时超过 1 秒，已停止。文件可能已损坏，或是异常构造的文件。');
    // Stopped by its timer, not after the seconds the read would take (generous bound for a loaded machine).
    expect(Date.now() - started).toBeLessThan(8000);
  });

  it('stops a read that needs more memory than the limit, with a message, and goes on', async () => {
    // 400,000 empty paragraphs: 2.4 MB of XML in 8 KB, hundreds of thousands of objects in the model.
    const file = path.join(dir, '空段落.docx');
    writeFileSync(file, makeDocx({ body: '<w:p/>'.repeat(400_000) }));
    const documents = runner({ maxHeapMb: 32 });
    const err = await documents.run('read', { file }, { label: '打开“空段落.docx”' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err).toMatchObject({ code: 'out-of-memory', message: '打开“空段落.docx”需要的内存超过 32 MB，已停止。文档过大，或是异常构造的文件。' });
    // The runner goes on: the next file opens in a fresh worker.
    const opened = await documents.run('read', { file: fixturePath('docx', 'numbered_heading.docx') }, { label: '打开' });
    expect(opened.format).toBe('docx');
  });

  it('passes the reader’s own refusal through with its code and message', async () => {
    const file = path.join(dir, '嵌套.docx');
    writeFileSync(file, nestedTextBoxes(100));
    const documents = runner({});
    const err = await documents.run('read', { file }, { label: '打开' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err).toMatchObject({ code: 'too-complex', message: expect.stringContaining('嵌套超过 16 层') });
  });

  it('saves through the worker and reports its time and memory', async () => {
    const store = await SettingsStore.open(mkdtempSync(path.join(dir, 'user-')));
    const documents = runner({});
    const h = createServiceHandlers({ store, suggestions: idleSuggestions(), documents, saveDocx: true });
    const opened = await h.openDocument(fixturePath('docx', 'numbered_heading.docx'), {});
    const target = path.join(dir, '另存.docx');
    const outcome = await h.saveDocument({ path: target, doc: opened.doc, source: null, accept: {} });
    expect(outcome.status).toBe('saved');
    const stats: Array<{ ms: number; heapBytes: number }> = [];
    const again = await documents.run('read', { file: target }, { label: '打开', onStats: (s) => stats.push(s) });
    expect(again.doc.blocks.map((b) => paragraphText(b as Paragraph))).toEqual(opened.doc.blocks.map((b) => paragraphText(b as Paragraph)));
    expect(stats).toHaveLength(1);
    expect(stats[0]!.heapBytes).toBeGreaterThan(0);
  });
});

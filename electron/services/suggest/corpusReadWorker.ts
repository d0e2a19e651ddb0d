/**
 * The second core's reader of a full phrase index build (a worker_thread;
 * build/app/corpusReadWorker.cjs): reads, decodes and cleans the back half of the .txt files into
 * a CorpusBuilder whose text is shared memory, and hands its part back (corpusReader.ts). One
 * request per worker.
 */
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { CorpusBuilder } from '../../../shared/corpus/corpusBuilder';
import { failedFile, packPart, txtLines, type ReadReply, type ReadRequest } from './corpusReader';
import type { CachedFile } from './indexCache';
import { sharedUint16 } from './shardedBuild';

const port = parentPort;
if (!port) throw new Error('corpusReadWorker must run as a worker thread');

/** Progress is reported every this many files. */
const PROGRESS_EVERY = 64;

port.on('message', (m: ReadRequest) => {
  try {
    // The text goes first into the memory the indexing thread gave (its allocator's, not this thread's, which would keep it).
    let given: Uint16Array | null = new Uint16Array(m.text);
    const alloc = (n: number) => {
      const mine = given && given.length >= n ? given : sharedUint16(n);
      given = null;
      return mine;
    };
    const builder = new CorpusBuilder(given.length, alloc, true);
    const failed: CachedFile[] = [];
    m.files.forEach((f, i) => {
      let lines: string[] | null = null;
      try {
        lines = txtLines(f.path);
      } catch (e) {
        failed.push(failedFile(f, e));
      }
      if (lines) builder.add({ id: f.path, name: path.basename(f.path), lines });
      if ((i + 1) % PROGRESS_EVERY === 0) port.postMessage({ type: 'progress', files: i + 1 } satisfies ReadReply);
    });
    const part = builder.part();
    const packed = packPart(part);
    port.postMessage({ type: 'done', part, packed, failed } satisfies ReadReply);
  } catch (e) {
    port.postMessage({ type: 'failed', message: e instanceof Error ? e.message : String(e) } satisfies ReadReply);
  }
});

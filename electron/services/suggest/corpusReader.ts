/**
 * Reading and cleaning the corpus files on the second core: a full build cuts its list of files
 * in two; the indexing thread reads the front and a worker (corpusReadWorker.ts) reads the back
 * (.txt files only) into a CorpusBuilder of its own, whose part is then appended to the indexing
 * thread's builder (CorpusBuilder.append: the same result as reading every file in order).
 *
 * Any failure of the worker (it cannot start, throws, exits, or takes too long) only costs the
 * time: the indexing thread reads the back files itself.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { UserError } from '../../../shared/api/contract';
import type { CorpusPart } from '../../../shared/corpus/corpusBuilder';
import { documentLines } from '../../../shared/corpus/prepare';
import { formatOfPath, readTextFileSync } from '../documentFiles';
import type { CachedFile } from './indexCache';

export interface ScannedFile {
  path: string;
  size: number;
  mtimeMs: number;
}

/** The files to read, and the memory to write their text into first (it grows into new memory when that is short). */
export type ReadRequest = { type: 'read'; files: ScannedFile[]; text: SharedArrayBuffer };
export type ReadReply = { type: 'progress'; files: number } | { type: 'done'; part: CorpusPart; packed: PackedArrays | null; failed: CachedFile[] } | { type: 'failed'; message: string };

/**
 * Where a part's fingerprints and key hashes were written in its text's shared memory, after the
 * text: [offset, length] of each document's fingerprint, then of each source's key hashes, in
 * 32-bit words from the start of that memory.
 */
export interface PackedArrays {
  fp: Int32Array;
  keys: Int32Array;
}

/**
 * Moves the part's fingerprints and key hashes into its text's shared memory, after the text,
 * when they fit there (else leaves them as they are and returns null). Posted as typed arrays,
 * they would make a serialized message of megabytes in the reader thread's allocator, whose
 * memory that thread's allocator then keeps (about a byte a character at the suffix array's peak).
 */
export function packPart(part: CorpusPart): PackedArrays | null {
  const lists = [...part.docs.map((d) => d.fp), ...part.keys];
  const words = lists.reduce((n, a) => n + a.length, 0);
  const start = Math.ceil((part.text.byteOffset + 2 * part.text.length) / 4);
  const room = part.text.buffer.byteLength >>> 2;
  if (start + words > room) return null;
  const memory = new Uint32Array(part.text.buffer, 0, room);
  const where = new Int32Array(2 * lists.length);
  let at = start;
  lists.forEach((a, i) => {
    memory.set(a, at);
    where[2 * i] = at;
    where[2 * i + 1] = a.length;
    at += a.length;
  });
  const empty = new Uint32Array(0);
  for (const d of part.docs) d.fp = empty;
  part.keys = part.keys.map(() => empty);
  const docs = 2 * part.docs.length;
  return { fp: where.subarray(0, docs), keys: where.subarray(docs) };
}

/**
 * The part with its fingerprints and key hashes back from its shared memory: the key hashes as
 * views on it (used by CorpusBuilder.append only), the fingerprints copied out (they live until
 * the duplicates are settled; the part's memory can go once appended).
 */
export function unpackPart(part: CorpusPart, packed: PackedArrays | null): CorpusPart {
  if (!packed) return part;
  const view = (where: Int32Array, i: number) => new Uint32Array(part.text.buffer, 4 * where[2 * i]!, where[2 * i + 1]!);
  part.docs.forEach((d, i) => (d.fp = view(packed.fp, i).slice()));
  part.keys = part.keys.map((_, i) => view(packed.keys, i));
  return part;
}

/** Bytes of .txt files at the back of the list below which one thread reads everything (a worker's start costs about as much as reading 2 MB). */
export const MIN_WORKER_BYTES = 4 << 20;

/** The lines of a .txt corpus file (readTextFileSync: the same decoding, checks and messages as opening it). */
export function txtLines(file: string): string[] {
  return documentLines(readTextFileSync(file).doc);
}

/** The file as one that could not be read, with a message for the user. */
export function failedFile(f: ScannedFile, e: unknown): CachedFile {
  // UserError messages are already for the user; anything else is wrapped in one.
  const message = e instanceof UserError ? e.message : `无法读取此文件（${e instanceof Error ? e.message : String(e)}）`;
  return { ...f, state: 'failed', message };
}

/**
 * The share of the bytes the indexing thread reads: the worker's start (a thread, its script)
 * and its smaller young generation's collections cost it about a quarter of a half's time, so
 * the indexing thread reads a little more than half (profiled at 10M characters).
 */
export const FRONT_SHARE = 0.56;

/**
 * Where to cut the files for two readers: the first file at or past FRONT_SHARE of the bytes,
 * moved on past the last file that is not .txt (the worker reads .txt only); the length of the
 * list when the back would be too small to be worth a worker.
 */
export function readerSplit(files: ScannedFile[], minBytes = MIN_WORKER_BYTES, frontShare = FRONT_SHARE): number {
  const total = files.reduce((n, f) => n + f.size, 0);
  let k = 0;
  for (let at = 0; k < files.length && at + files[k]!.size <= frontShare * total; k++) at += files[k]!.size;
  for (let i = files.length - 1; i >= k; i--) {
    if (formatOfPath(files[i]!.path) !== 'txt') {
      k = i + 1;
      break;
    }
  }
  let back = 0;
  for (let i = k; i < files.length; i++) back += files[i]!.size;
  return back >= minBytes ? k : files.length;
}

/** The reader's young generation, in MB (V8's default grows to 48 MB while reading; its heap goes with it before the suffix array). */
const READER_YOUNG_MB = 16;

export interface CorpusReaderOptions {
  /** The worker script (default: corpusReadWorker.cjs beside the running bundle, or in build/app). */
  workerPath?: string;
  /** How long the worker may take before its files are read here instead (default: 30 s + 2 s per MB). */
  timeoutMs?: number;
  /** Files the worker has read so far. */
  onProgress?: (files: number) => void;
}

/**
 * Starts reading `files` in a worker, into a builder's part whose text is in shared memory;
 * resolves with it and the files that could not be read, or with the reason the worker failed.
 * `stop()` ends the worker (the result is then a failure) and resolves once it has ended (its
 * heap and its hold on the part's memory gone); the worker is ended as soon as it answers.
 */
export function readInWorker(files: ScannedFile[], opts: CorpusReaderOptions = {}): { result: Promise<{ part: CorpusPart; failed: CachedFile[] } | { error: string }>; stop: () => Promise<void> } {
  const bytes = files.reduce((n, f) => n + f.size, 0);
  const timeoutMs = opts.timeoutMs ?? 30_000 + 2 * Math.ceil(bytes / 1000);
  let worker: Worker;
  try {
    // A small young generation, as the suggestion worker's (suggestService.ts): reading makes short-lived strings only.
    worker = new Worker(opts.workerPath ?? defaultCorpusReadWorkerPath(), { resourceLimits: { maxYoungGenerationSizeMb: READER_YOUNG_MB } });
  } catch (e) {
    return { result: Promise.resolve({ error: e instanceof Error ? e.message : String(e) }), stop: async () => {} };
  }
  const w = worker;
  let ended: Promise<void> | null = null;
  const stop = () => (ended ??= w.terminate().then(() => {}));
  const result = new Promise<{ part: CorpusPart; failed: CachedFile[] } | { error: string }>((resolve) => {
    const done = (r: { part: CorpusPart; failed: CachedFile[] } | { error: string }) => {
      clearTimeout(timer);
      w.off('message', onMessage);
      w.off('error', onError);
      w.off('exit', onExit);
      // The part's text is shared memory: it outlives the worker, which ends meanwhile (stop() waits for it).
      void stop();
      resolve(r);
    };
    const onMessage = (m: ReadReply) => {
      if (m.type === 'progress') opts.onProgress?.(m.files);
      else done(m.type === 'done' ? { part: unpackPart(m.part, m.packed), failed: m.failed } : { error: m.message });
    };
    const onError = (e: Error) => done({ error: e.message });
    const onExit = (code: number) => done({ error: `corpus read worker exited with code ${code}` });
    const timer = setTimeout(() => done({ error: `corpus read worker took over ${Math.round(timeoutMs / 1000)} s` }), timeoutMs);
    w.on('message', onMessage);
    w.on('error', onError);
    w.on('exit', onExit);
    // Sized for UTF-8/GB18030 text of Chinese (2–3 bytes a character), as the indexing thread's builder.
    w.postMessage({ type: 'read', files, text: new SharedArrayBuffer(2 * (Math.ceil(bytes / 2) + 4096)) } satisfies ReadRequest);
  });
  return { result, stop };
}

export function defaultCorpusReadWorkerPath(): string {
  const beside = path.join(__dirname, 'corpusReadWorker.cjs');
  return existsSync(beside) ? beside : path.resolve(__dirname, '..', '..', '..', 'build', 'app', 'corpusReadWorker.cjs');
}

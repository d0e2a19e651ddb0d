/**
 * The phrase index's suffix array on both cores: this thread sorts the left half of the text
 * while a worker (shardWorker.ts) sorts the right half, then both merge pieces of the result
 * (shared/suggest/shards.ts: the result is exactly the single-core order). The text and the
 * suffix array are SharedArrayBuffers; the text is renumbered in place for the sort and given
 * back before the merge, which works in place with a small buffer per thread. So the build holds
 * about 6.3 bytes a character: text 2, suffix array 4, buffers and bitsets 0.3.
 *
 * Any failure of the worker (it cannot start, throws, exits, or takes too long) falls back to
 * the single-core build in this thread, from the text given back: the result is the same.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { renumberInPlace, restoreText, suffixArrayInPlace } from '../../../shared/suggest/sais';
import { mergeBufferLength, mergePieces, sortShard, splitMergeInPieces, splitPoint, type MergeRun } from '../../../shared/suggest/shards';

export type ShardRequest =
  | { type: 'sort'; text: SharedArrayBuffer; length: number; sa: SharedArrayBuffer; from: number; to: number; alphabetSize: number }
  | { type: 'merge'; text: SharedArrayBuffer; length: number; sa: SharedArrayBuffer; runs: MergeRun[]; next: SharedArrayBuffer; terminator: number };

export type ShardReply = { type: 'done'; step: ShardRequest['type'] } | { type: 'failed'; message: string };

/** Below this many characters one core is faster than starting a worker. */
export const MIN_SHARDED_CHARS = 1_000_000;

export interface ShardedBuildOptions {
  /** The worker script (default: shardWorker.cjs beside the running bundle, or in build/app). */
  workerPath?: string;
  /** Build on one core below this size (default MIN_SHARDED_CHARS). */
  minChars?: number;
  /** How long the worker may take for a step before the build falls back to one core (default: 20 s + 4 s per million characters). */
  stepTimeoutMs?: number;
  /** A worker started beforehand (startShardWorker), so that its start overlaps other work; the build ends it. */
  worker?: ShardWorker;
}

export interface ShardedBuildResult {
  sa: Int32Array;
  /** Whether both cores built it. */
  sharded: boolean;
  /** Why it fell back to one core, when it did after trying. */
  fallback?: string;
}

/** A Uint16Array over shared memory (what the build wants its text in: layoutText's allocator). */
export function sharedUint16(n: number): Uint16Array {
  return new Uint16Array(new SharedArrayBuffer(2 * n));
}

/**
 * The suffix array of `text` (laid out by layoutText, ending with `terminator`) with document
 * starts `docStarts`, on both cores when it is large enough. The text is renumbered meanwhile
 * and given back: nothing else may read it until this returns.
 */
export async function buildSuffixArray(text: Uint16Array, docStarts: Int32Array, terminator: number, opts: ShardedBuildOptions = {}): Promise<ShardedBuildResult> {
  const n = text.length;
  const s = splitPoint(docStarts);
  // The text may be the start of a longer buffer (the corpus builder's, written in place).
  const shared = text.buffer instanceof SharedArrayBuffer && text.byteOffset === 0;
  const numbering = n >= (opts.minChars ?? MIN_SHARDED_CHARS) && s > 0 && shared && text[n - 1] === terminator ? renumberInPlace(text, terminator) : null;
  // Small, unshared, or too many distinct characters and documents to renumber in 15 bits: one core.
  if (!numbering) {
    void opts.worker?.close();
    return { sa: suffixArrayInPlace(text, { terminator }), sharded: false };
  }
  const sa = new Int32Array(new SharedArrayBuffer(4 * n));
  const buffers = { text: text.buffer as SharedArrayBuffer, length: n, sa: sa.buffer as SharedArrayBuffer };
  const worker = opts.worker ?? startShardWorker(opts.workerPath);
  worker.timeoutMs = opts.stepTimeoutMs ?? 20_000 + 4 * Math.ceil(n / 1000);
  let numbered = true;
  try {
    const right = worker.run({ type: 'sort', ...buffers, from: s, to: n, alphabetSize: numbering.size });
    right.catch(() => {}); // awaited below; a failure meanwhile must not count as unhandled
    sortShard(text, sa, 0, s, numbering.size);
    await right;
    restoreText(text, numbering);
    numbered = false;
    // Both threads take pieces of the merge in turn until none is left (their costs differ).
    const runs = splitMergeInPieces(text, sa, { lo: 0, mid: s, hi: n }, terminator);
    const next = new Int32Array(new SharedArrayBuffer(4));
    const merged = worker.run({ type: 'merge', ...buffers, runs, next: next.buffer as SharedArrayBuffer, terminator });
    merged.catch(() => {});
    mergePieces(text, sa, runs, terminator, new Int32Array(mergeBufferLength(n)), next);
    await merged;
    return { sa, sharded: true };
  } catch (e) {
    // Stop the worker before anything is written again, give the text back, then sort it here, into the same memory.
    await worker.close();
    if (numbered) restoreText(text, numbering);
    suffixArrayInPlace(text, { terminator, into: sa });
    return { sa, sharded: false, fallback: e instanceof Error ? e.message : String(e) };
  } finally {
    void worker.close();
  }
}

/** Starts the shard worker (loading its script takes a while: start it before the text is ready). */
export function startShardWorker(workerPath?: string): ShardWorker {
  return new ShardWorker(workerPath ?? defaultShardWorkerPath());
}

/** One worker, one step at a time; a step rejects when the worker fails or takes over `timeoutMs`. */
export class ShardWorker {
  private readonly worker: Worker | null;
  private startError: Error | null = null;
  timeoutMs = 60_000;

  constructor(file: string) {
    let w: Worker | null = null;
    try {
      w = new Worker(file);
      // Errors are reported through run(); one with no step running must not throw here.
      w.on('error', () => {});
    } catch (e) {
      this.startError = e instanceof Error ? e : new Error(String(e));
    }
    this.worker = w;
  }

  run(request: ShardRequest): Promise<void> {
    const w = this.worker;
    if (!w) return Promise.reject(this.startError ?? new Error('分片工作线程无法启动'));
    return new Promise<void>((resolve, reject) => {
      const done = (err: Error | null) => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        if (err) reject(err);
        else resolve();
      };
      const onMessage = (m: ShardReply) => done(m.type === 'done' ? null : new Error(m.message));
      const onError = (e: Error) => done(e);
      const onExit = (code: number) => done(new Error(`shard worker exited with code ${code}`));
      const timer = setTimeout(() => done(new Error(`shard worker took over ${Math.round(this.timeoutMs / 1000)} s`)), this.timeoutMs);
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      w.postMessage(request);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}

export function defaultShardWorkerPath(): string {
  const beside = path.join(__dirname, 'shardWorker.cjs');
  return existsSync(beside) ? beside : path.resolve(__dirname, '..', '..', '..', 'build', 'app', 'shardWorker.cjs');
}

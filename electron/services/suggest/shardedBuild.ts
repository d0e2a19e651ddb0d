/**
 * The phrase index's suffix array on both cores: this thread sorts the left half of the text
 * while a worker (shardWorker.ts) sorts the right half, then each merges half of the result
 * (shared/suggest/shards.ts: the result is exactly the single-core order). The text, the suffix
 * array and one scratch buffer — the renumbered text while sorting, half the entries while
 * merging — are SharedArrayBuffers, so the build holds about 8 bytes a character: text 2, suffix
 * array 4, scratch 2.
 *
 * Any failure of the worker (it cannot start, throws, exits, or takes too long) falls back to
 * the single-core build in this thread, from the untouched text: the result is the same.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { suffixArray } from '../../../shared/suggest/sais';
import { arrangeMerge, mergeFront, planMerge, sortShard, splitPoint, tempCapacity, tempLength, type MergePlan } from '../../../shared/suggest/shards';

export type ShardRequest =
  | { type: 'sort'; text: SharedArrayBuffer; length: number; sa: SharedArrayBuffer; scratch: SharedArrayBuffer; from: number; to: number; terminator: number }
  | { type: 'merge'; text: SharedArrayBuffer; length: number; sa: SharedArrayBuffer; scratch: SharedArrayBuffer; plan: MergePlan; terminator: number };

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
 * starts `docStarts`, on both cores when it is large enough.
 */
export async function buildSuffixArray(text: Uint16Array, docStarts: Int32Array, terminator: number, opts: ShardedBuildOptions = {}): Promise<ShardedBuildResult> {
  const n = text.length;
  const s = splitPoint(docStarts);
  // The text may be the start of a longer buffer (the corpus builder's, written in place).
  const shared = text.buffer instanceof SharedArrayBuffer && text.byteOffset === 0;
  if (n < (opts.minChars ?? MIN_SHARDED_CHARS) || s === 0 || !shared || text[n - 1] !== terminator) {
    return { sa: suffixArray(text, { terminator }), sharded: false };
  }
  const sa = new Int32Array(new SharedArrayBuffer(4 * n));
  // Scratch: the renumbered text while sorting (2 bytes a character), then the merge's temp.
  const scratch = new SharedArrayBuffer(4 * Math.max(Math.ceil(n / 2), tempCapacity(n)));
  const worker = new ShardWorker(opts.workerPath ?? defaultShardWorkerPath(), opts.stepTimeoutMs ?? 20_000 + 4 * Math.ceil(n / 1000));
  try {
    const right = worker.run({ type: 'sort', text: text.buffer as SharedArrayBuffer, length: n, sa: sa.buffer as SharedArrayBuffer, scratch, from: s, to: n, terminator });
    right.catch(() => {}); // awaited below; a failure meanwhile must not count as unhandled
    sortShard(text, sa, 0, s, terminator, new Uint16Array(scratch, 0, n));
    await right;
    const plan = planMerge(text, sa, s, terminator);
    const temp = tempLength(plan) <= scratch.byteLength / 4 ? new Int32Array(scratch) : new Int32Array(new SharedArrayBuffer(4 * tempLength(plan)));
    arrangeMerge(sa, temp, plan);
    const back = worker.run({ type: 'merge', text: text.buffer as SharedArrayBuffer, length: n, sa: sa.buffer as SharedArrayBuffer, scratch: temp.buffer as SharedArrayBuffer, plan, terminator });
    back.catch(() => {});
    mergeFront(text, sa, temp, plan, terminator);
    await back;
    return { sa, sharded: true };
  } catch (e) {
    // Stop the worker before anything is written again, then sort the (untouched) text here, into the same memory.
    await worker.close();
    suffixArray(text, { terminator, into: sa, scratch: new Uint16Array(scratch, 0, n) });
    return { sa, sharded: false, fallback: e instanceof Error ? e.message : String(e) };
  } finally {
    void worker.close();
  }
}

/** One worker, one step at a time; a step rejects when the worker fails or times out. */
class ShardWorker {
  private readonly worker: Worker | null;
  private startError: Error | null = null;

  constructor(
    file: string,
    private readonly timeoutMs: number,
  ) {
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

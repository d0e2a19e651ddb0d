/**
 * The second core's worker of the phrase index build (a worker_thread; build/app/shardWorker.cjs):
 * sorts the right half of the text into the shared suffix array, then merges pieces of the
 * result, taken in turn with the indexing thread. The text and the suffix array are
 * SharedArrayBuffers: nothing is copied between the threads; the merge's buffer is this thread's own. Started by shardedBuild.ts, one per build.
 */
import { parentPort } from 'node:worker_threads';
import { mergeBufferLength, mergePieces, sortShard } from '../../../shared/suggest/shards';
import type { ShardReply, ShardRequest } from './shardedBuild';

const port = parentPort;
if (!port) throw new Error('shardWorker must run as a worker thread');

port.on('message', (m: ShardRequest) => {
  const text = new Uint16Array(m.text, 0, m.length);
  const sa = new Int32Array(m.sa);
  try {
    if (m.type === 'sort') sortShard(text, sa, m.from, m.to, m.alphabetSize);
    else mergePieces(text, sa, m.runs, m.terminator, new Int32Array(mergeBufferLength(m.length)), new Int32Array(m.next));
    port.postMessage({ type: 'done', step: m.type } satisfies ShardReply);
  } catch (e) {
    port.postMessage({ type: 'failed', message: e instanceof Error ? e.message : String(e) } satisfies ShardReply);
  }
});

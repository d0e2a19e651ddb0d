/**
 * The second core's worker of the phrase index build (a worker_thread; build/app/shardWorker.cjs):
 * sorts the right half of the text into the shared suffix array, then merges the back half of
 * the result. The text, the suffix array and the scratch are SharedArrayBuffers: nothing is
 * copied between the threads. Started by shardedBuild.ts, one per build.
 */
import { parentPort } from 'node:worker_threads';
import { mergeBack, sortShard } from '../../../shared/suggest/shards';
import type { ShardReply, ShardRequest } from './shardedBuild';

const port = parentPort;
if (!port) throw new Error('shardWorker must run as a worker thread');

port.on('message', (m: ShardRequest) => {
  const text = new Uint16Array(m.text, 0, m.length);
  const sa = new Int32Array(m.sa);
  try {
    if (m.type === 'sort') sortShard(text, sa, m.from, m.to, m.terminator, new Uint16Array(m.scratch, 0, text.length));
    else mergeBack(text, sa, new Int32Array(m.scratch), m.plan, m.terminator);
    port.postMessage({ type: 'done', step: m.type } satisfies ShardReply);
  } catch (e) {
    port.postMessage({ type: 'failed', message: e instanceof Error ? e.message : String(e) } satisfies ShardReply);
  }
});

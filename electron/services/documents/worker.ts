/**
 * The document worker (a worker_thread; build/app/documentWorker.cjs): reads and writes documents
 * off the main thread, so a slow or hostile file costs at most this thread, which the runner
 * terminates at its time limit and V8 stops at its memory limit. Started by runner.ts in
 * Electron's main process, the web harness and the CLI alike.
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { documentJobs, type JobReply, type JobRequest } from './jobs';

const port = parentPort;
if (!port) throw new Error('documentWorker must run as a worker thread');

port.on('message', (m: JobRequest) => {
  const started = performance.now();
  const stats = () => ({ ms: performance.now() - started, heapBytes: getHeapStatistics().total_heap_size });
  const reply = (r: JobReply) => port.postMessage(r);
  const job = documentJobs[m.job] as ((a: unknown) => Promise<unknown>) | undefined;
  if (!job) {
    reply({ id: m.id, ok: false, error: { name: 'Error', message: `unknown document job ${String(m.job)}` }, stats: stats() });
    return;
  }
  Promise.resolve()
    .then(() => job(m.args))
    .then(
      (value) => reply({ id: m.id, ok: true, value, stats: stats() }),
      (e: unknown) => {
        const err = e as { name?: string; code?: unknown; message?: string };
        reply({ id: m.id, ok: false, error: { name: err?.name ?? 'Error', code: typeof err?.code === 'string' ? err.code : undefined, message: err?.message ?? String(e) }, stats: stats() });
      },
    );
});

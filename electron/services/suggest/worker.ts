/**
 * The suggestion worker (a worker_thread; build/app/suggestWorker.cjs): indexes the corpus and
 * answers queries off the main thread. Electron's main process, the web harness and the CLI all
 * start it through SuggestService.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PhraseLibrary } from './phraseLibrary';
import type { FromWorker, ToWorker, WorkerConfig } from './protocol';

const port = parentPort;
if (!port) throw new Error('suggestWorker must run as a worker thread');
const send = (m: FromWorker) => port.postMessage(m);
const config = workerData as WorkerConfig;
const library = new PhraseLibrary({ cacheFile: config.cacheFile, onStatus: (status) => send({ type: 'status', status }) });

port.on('message', (m: ToWorker) => {
  switch (m.type) {
    case 'index':
      void library.rebuild(m.folders, m.force).then((status) => send({ type: 'indexed', status }));
      break;
    case 'load':
      void library.load(m.file).then((status) => send({ type: 'indexed', status }));
      break;
    case 'query':
      try {
        send({ type: 'result', id: m.id, result: library.suggest(m.query) });
      } catch (e) {
        send({ type: 'failed', id: m.id, message: e instanceof Error ? e.message : String(e) });
      }
      break;
    case 'document':
      library.updateDocument(m.change);
      break;
    case 'feedback':
      library.setFeedback(m.entries);
      break;
  }
});

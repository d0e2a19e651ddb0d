/**
 * The owner's side of the suggestion worker: starts it, tells it the corpus folders, forwards
 * queries and the open document, keeps the latest status and the user's accept/dismiss history
 * (suggestion-history.json in the user-data folder). Used by Electron's main process, the web
 * harness and the CLI; never imports electron.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { suggestionKey, type FeedbackCounts, type SuggestQuery, type SuggestResult } from '../../../shared/suggest/engine';
import { DocumentLines, type DocumentLinesChange } from '../../../shared/suggest/currentDocument';
import type { CorpusStatus } from '../../../shared/suggest/status';
import { writeFileAtomic } from '../atomicWrite';
import { readStoredObject } from '../storedFiles';
import type { FromWorker, ToWorker, WorkerConfig } from './protocol';

export const HISTORY_FILE = 'suggestion-history.json';
export const INDEX_FILE = path.join('corpus', 'phrase-index.bin');
const MAX_HISTORY = 2000;
/** The suggestion worker's young generation (V8 default: up to 48 MB on 64-bit), see spawn(). */
const SUGGEST_WORKER_YOUNG_MB = 6;
/** Files in the corpus folders are looked at again this often (only their size and time; unchanged: nothing is read). */
export const RECHECK_INTERVAL_MS = 5 * 60_000;

export interface SuggestServiceOptions {
  /** Where the index cache and the history live; null: nothing is kept (CLI without cache). */
  dataDir: string | null;
  /** The index cache file (default: corpus/phrase-index.bin in dataDir). */
  cacheFile?: string | null;
  /** The built worker (default: suggestWorker.cjs beside the running bundle). */
  workerPath?: string;
  onStatus?: (status: CorpusStatus) => void;
  /** Look at the folders again every few minutes (default true; the CLI does not). */
  recheck?: boolean;
}

interface HistoryEntry extends FeedbackCounts {
  at: number;
}

export class SuggestService {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, { resolve: (r: SuggestResult) => void; reject: (e: Error) => void }>();
  private indexedWaiters: Array<(s: CorpusStatus) => void> = [];
  private folders: string[] = [];
  private history = new Map<string, HistoryEntry>();
  /** The open document as last changed, for a restarted worker. */
  private readonly document = new DocumentLines();
  private historyWrite: Promise<void> = Promise.resolve();
  private recheck: ReturnType<typeof setInterval> | null = null;
  status: CorpusStatus | null = null;

  private constructor(private readonly opts: SuggestServiceOptions) {}

  static async start(opts: SuggestServiceOptions): Promise<SuggestService> {
    const s = new SuggestService(opts);
    await s.loadHistory();
    s.spawn();
    return s;
  }

  private get historyFile(): string | null {
    return this.opts.dataDir ? path.join(this.opts.dataDir, HISTORY_FILE) : null;
  }

  private spawn(): Worker {
    const config: WorkerConfig = { cacheFile: this.opts.cacheFile !== undefined ? this.opts.cacheFile : this.opts.dataDir ? path.join(this.opts.dataDir, INDEX_FILE) : null };
    // A small young generation: reading a corpus grows the default one to tens of megabytes that
    // stay committed through the suffix array build, the index's peak (about 1 byte a character
    // at 10M characters); queries allocate little.
    const w = new Worker(this.opts.workerPath ?? defaultWorkerPath(), { workerData: config, resourceLimits: { maxYoungGenerationSizeMb: SUGGEST_WORKER_YOUNG_MB } });
    w.on('message', (m: FromWorker) => this.onMessage(m));
    const fail = (why: string) => {
      if (this.worker !== w) return;
      this.worker = null;
      for (const p of this.pending.values()) p.reject(new Error(why));
      this.pending.clear();
      this.publish({ ...(this.status ?? emptyStatus()), state: 'error', progress: 1, phase: '', message: `提示服务意外停止（${why}），将在下次使用时重新启动。` });
    };
    w.on('error', (e) => fail(e.message));
    w.on('exit', (code) => fail(`退出码 ${code}`));
    this.worker = w;
    this.post({ type: 'feedback', entries: this.feedbackEntries() });
    // A restarted worker gets the open document back (the renderer sends it only when it changes).
    if (!this.document.empty) this.post({ type: 'document', change: this.document.asReset() });
    return w;
  }

  private post(m: ToWorker): void {
    if (!this.worker) {
      this.spawn();
      if (m.type !== 'index' && this.folders.length > 0) this.worker!.postMessage({ type: 'index', folders: this.folders, force: false } satisfies ToWorker);
    }
    this.worker!.postMessage(m);
  }

  private onMessage(m: FromWorker): void {
    switch (m.type) {
      case 'status':
        this.publish(m.status);
        break;
      case 'indexed':
        this.publish(m.status);
        if (m.status.state !== 'indexing') for (const w of this.indexedWaiters.splice(0)) w(m.status);
        break;
      case 'result':
        this.pending.get(m.id)?.resolve(m.result);
        this.pending.delete(m.id);
        break;
      case 'failed':
        this.pending.get(m.id)?.reject(new Error(m.message));
        this.pending.delete(m.id);
        break;
    }
  }

  private publish(status: CorpusStatus): void {
    this.status = status;
    this.opts.onStatus?.(status);
  }

  /**
   * Indexes these folders in the background (cached files that did not change are not read
   * again). Resolves with the status once indexing is over (callers may ignore it).
   */
  setFolders(folders: string[], force = false): Promise<CorpusStatus> {
    this.folders = [...folders];
    if (this.recheck) clearInterval(this.recheck);
    this.recheck = null;
    if (folders.length > 0 && this.opts.recheck !== false) {
      this.recheck = setInterval(() => {
        if (this.status?.state !== 'indexing') this.post({ type: 'index', folders: this.folders, force: false });
      }, RECHECK_INTERVAL_MS);
      this.recheck.unref();
    }
    const done = new Promise<CorpusStatus>((resolve) => this.indexedWaiters.push(resolve));
    this.post({ type: 'index', folders: this.folders, force });
    return done;
  }

  /** Uses an index file made by `wengao index` (instead of folders). */
  loadIndex(file: string): Promise<CorpusStatus> {
    this.folders = [];
    const done = new Promise<CorpusStatus>((resolve) => this.indexedWaiters.push(resolve));
    this.post({ type: 'load', file });
    return done;
  }

  suggest(query: SuggestQuery): Promise<SuggestResult> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.post({ type: 'query', id, query });
    });
  }

  /**
   * A change of the open document, for the current-document boost. False (and nothing held) when
   * it builds on blocks that were never sent: the sender must then send everything (`reset`).
   */
  updateDocument(change: DocumentLinesChange): boolean {
    if (!this.document.apply(change)) {
      this.post({ type: 'document', change: { reset: true, order: [], blocks: [] } });
      return false;
    }
    this.post({ type: 'document', change });
    return true;
  }

  /** Remembers that the user accepted or dismissed a suggestion; it ranks higher or lower from then on. */
  async recordFeedback(text: string, accepted: boolean): Promise<void> {
    const key = suggestionKey(text);
    if (!key) return;
    const e = this.history.get(key) ?? { accepted: 0, dismissed: 0, at: 0 };
    if (accepted) e.accepted++;
    else e.dismissed++;
    e.at = Date.now();
    this.history.delete(key);
    this.history.set(key, e);
    while (this.history.size > MAX_HISTORY) this.history.delete(this.history.keys().next().value!);
    this.post({ type: 'feedback', entries: this.feedbackEntries() });
    const file = this.historyFile;
    if (!file) return;
    const text_ = JSON.stringify(Object.fromEntries(this.history));
    this.historyWrite = this.historyWrite.then(() => writeFileAtomic(file, text_)).catch(() => {});
    await this.historyWrite;
  }

  private feedbackEntries(): Record<string, FeedbackCounts> {
    const out: Record<string, FeedbackCounts> = {};
    for (const [k, v] of this.history) out[k] = { accepted: v.accepted, dismissed: v.dismissed };
    return out;
  }

  private async loadHistory(): Promise<void> {
    const file = this.historyFile;
    if (!file) return;
    try {
      const raw = (await readStoredObject(file)) as Record<string, Partial<HistoryEntry> | null>;
      const entries = Object.entries(raw)
        .filter((e): e is [string, Partial<HistoryEntry>] => typeof e[1] === 'object' && e[1] !== null && Number.isFinite(e[1].accepted) && Number.isFinite(e[1].dismissed))
        .map(([k, v]) => [k, { accepted: Math.max(0, v.accepted!), dismissed: Math.max(0, v.dismissed!), at: Number(v.at) || 0 }] as const)
        .sort((a, b) => a[1].at - b[1].at)
        .slice(-MAX_HISTORY);
      this.history = new Map(entries);
    } catch {
      // No history yet, or an unreadable one: start afresh.
    }
  }

  async close(): Promise<void> {
    if (this.recheck) clearInterval(this.recheck);
    await this.historyWrite;
    const w = this.worker;
    this.worker = null;
    await w?.terminate();
  }
}

/** The built worker beside the running bundle (build/app), or, from the sources (tests), in build/app. */
export function defaultWorkerPath(): string {
  const beside = path.join(__dirname, 'suggestWorker.cjs');
  return existsSync(beside) ? beside : path.resolve(__dirname, '..', '..', '..', 'build', 'app', 'suggestWorker.cjs');
}

export function emptyStatus(): CorpusStatus {
  return { state: 'ready', progress: 1, phase: '', folders: [], missingFolders: [], documents: 0, characters: 0, duplicates: 0, failed: [], phrases: 0, builtAt: null, fromCache: false };
}

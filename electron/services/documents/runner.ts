/**
 * The owner's side of the document worker: runs a document job (jobs.ts) in a worker thread with
 * a time limit and a memory limit. A job past its time is stopped by terminating its worker; a
 * job that runs out of memory is stopped by V8 (Worker resourceLimits); either way the caller gets
 * a UserError with a Chinese message and the process, its other calls and the open document go
 * on. One idle worker is kept warm; jobs that overlap get a worker each.
 * Used by the service handlers (Electron's main process, the web harness) and the CLI.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { UserError } from '../../../shared/api/errors';
import type { OpenedDocument, ReadOptions } from '../documentFiles';
import type { JobArgs, JobName, JobReply, JobRequest, JobResult, JobStats } from './jobs';

export interface DocumentLimits {
  /** Time a read may take before it is stopped. */
  readMs: number;
  /** Time a save or export may take (writing a large .docx takes longer than reading it). */
  writeMs: number;
  /** Old-generation heap of a worker (Worker resourceLimits.maxOldGenerationSizeMb). */
  maxHeapMb: number;
}

/**
 * Far above any real document (the 872-page fixture reads in about half a second with a heap of
 * about 150 MB on the 2-core test machine), low enough that a hostile file costs seconds.
 */
export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = { readMs: 30_000, writeMs: 60_000, maxHeapMb: 1536 };

export interface RunOptions {
  /** What the job does, for messages: 打开“报告.docx”. */
  label: string;
  /** Called with the job's time and memory when it ends (also when it failed inside the worker). */
  onStats?: (stats: JobStats) => void;
}

interface Slot {
  worker: Worker;
  busy: boolean;
  /** The worker has started (its script loaded): a job's time counts from then. */
  online: boolean;
}

export class DocumentRunner {
  private readonly limits: DocumentLimits;
  private idle: Slot | null = null;
  /** More idle workers kept beyond `idle`, up to keepIdle − 1 (a caller running jobs side by side). */
  private spare: Slot[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    limits: Partial<DocumentLimits> = {},
    private readonly workerPath = defaultWorkerPath(),
    /** Idle workers kept warm: 1, or more for a caller that runs that many jobs at a time (the corpus indexer). */
    private readonly keepIdle = 1,
  ) {
    this.limits = { ...DEFAULT_DOCUMENT_LIMITS, ...limits };
  }

  /** Runs a job in a worker; rejects with a UserError on refusal, time out, memory out or crash. */
  run<J extends JobName>(job: J, args: JobArgs<J>, options: RunOptions): Promise<JobResult<J>> {
    if (this.closed) return Promise.reject(new UserError('closed', `${options.label}失败：程序正在退出。`));
    const slot = this.take();
    const id = this.nextId++;
    const timeoutMs = job === 'read' ? this.limits.readMs : this.limits.writeMs;
    return new Promise<JobResult<J>>((resolve, reject) => {
      let settled = false;
      let outOfMemory = false;
      const finish = (keep: boolean, then: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        slot.worker.off('online', arm);
        slot.worker.off('message', onMessage);
        slot.worker.off('error', onError);
        slot.worker.off('exit', onExit);
        if (keep) this.release(slot);
        else void slot.worker.terminate();
        then();
      };
      let timer: ReturnType<typeof setTimeout> | undefined;
      const arm = () => {
        if (settled) return;
        timer = setTimeout(() => {
          finish(false, () =>
            reject(new UserError('timeout', `${options.label}用时超过 ${Math.round(timeoutMs / 1000)} 秒，已停止。文件可能已损坏，或是异常构造的文件。`)),
          );
        }, timeoutMs);
      };
      const onMessage = (m: JobReply) => {
        if (m.id !== id) return;
        options.onStats?.(m.stats);
        finish(true, () => {
          if (m.ok) resolve(m.value as JobResult<J>);
          else if (m.error.name === 'UserError' && m.error.code) reject(new UserError(m.error.code, m.error.message));
          else reject(new Error(m.error.message));
        });
      };
      const onError = (e: Error & { code?: string }) => {
        if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') outOfMemory = true;
        finish(false, () =>
          reject(
            outOfMemory
              ? new UserError('out-of-memory', `${options.label}需要的内存超过 ${this.limits.maxHeapMb} MB，已停止。文档过大，或是异常构造的文件。`)
              : new UserError('worker-failed', `${options.label}时出错，已停止（${e.message}）。`),
          ),
        );
      };
      const onExit = (code: number) => {
        finish(false, () => reject(new UserError('worker-failed', `${options.label}时处理程序意外停止（退出码 ${code}）。`)));
      };
      slot.worker.on('message', onMessage);
      slot.worker.on('error', onError);
      slot.worker.on('exit', onExit);
      if (slot.online) arm();
      else slot.worker.once('online', arm);
      slot.worker.postMessage({ id, job, args } satisfies JobRequest);
    });
  }

  /**
   * Starts the idle worker now, so that loading it overlaps whatever the caller does before its
   * first job (the CLI loading its commands). It does not keep the process alive.
   */
  prewarm(): void {
    if (this.idle || this.closed) return;
    const slot = this.spawn();
    slot.worker.unref();
    this.idle = slot;
  }

  /** Stops the workers (the CLI and tests, before exiting). */
  async close(): Promise<void> {
    this.closed = true;
    const idle = this.idle;
    this.idle = null;
    const spare = this.spare.splice(0);
    await Promise.all([idle, ...spare].map((s) => s?.worker.terminate()));
  }

  private take(): Slot {
    const slot = this.idle ?? this.spare.pop() ?? this.spawn();
    if (slot === this.idle) this.idle = null;
    slot.busy = true;
    slot.worker.ref();
    return slot;
  }

  private release(slot: Slot): void {
    slot.busy = false;
    if (this.closed || (this.idle && this.spare.length >= this.keepIdle - 1)) {
      void slot.worker.terminate();
      return;
    }
    if (this.idle) {
      slot.worker.unref();
      this.spare.push(slot);
      return;
    }
    // An idle worker does not keep the process alive (the CLI exits when its work is done).
    slot.worker.unref();
    this.idle = slot;
  }

  private spawn(): Slot {
    const worker = new Worker(this.workerPath, { resourceLimits: { maxOldGenerationSizeMb: this.limits.maxHeapMb } });
    const slot: Slot = { worker, busy: false, online: false };
    worker.once('online', () => {
      slot.online = true;
    });
    // An idle worker that dies is simply forgotten; the next job starts another.
    worker.on('exit', () => {
      if (this.idle === slot) this.idle = null;
      this.spare = this.spare.filter((s) => s !== slot);
    });
    worker.on('error', () => {});
    return slot;
  }
}

function defaultWorkerPath(): string {
  const beside = path.join(__dirname, 'documentWorker.cjs');
  return existsSync(beside) ? beside : path.resolve(__dirname, '..', '..', '..', 'build', 'app', 'documentWorker.cjs');
}

let shared: DocumentRunner | null = null;

/** The process's runner with the default limits (the CLI's commands share it). */
export function documentRunner(): DocumentRunner {
  shared ??= new DocumentRunner();
  return shared;
}

/** Reads a document file in the worker (readDocumentFile's result), as the CLI's commands do. */
export function openDocumentFile(file: string, options: ReadOptions = {}, runner = documentRunner()): Promise<OpenedDocument> {
  return runner.run('read', { file, options }, { label: `打开“${path.basename(file)}”` });
}

/**
 * Backups of unsaved edits in the user-data folder (backups/<id>.json), one per open document,
 * written atomically about a second after typing stops (at least every 3 s while it goes on; the
 * renderer schedules them). A clean save or a discard deletes the
 * document's backup; whatever is left at the next start was left by a crash or a kill, and the
 * app offers to restore it. Operations on one backup run in the order they were asked for, so a
 * discard never races an earlier write.
 *
 * The file name is the backup's id: a backup is listed, read and discarded by its file name,
 * whatever id its content claims. A backup that cannot be read is listed as damaged, so the
 * user hears of it and can discard it.
 *
 * While typing goes on the renderer sends only the blocks that changed since its previous write
 * (`update`): the store keeps each block of the last write it made, serialized, and writes the
 * whole document again from those and the changed ones, atomically as always. So the file on
 * disk is always one complete document; a write whose base the store does not hold (a restart,
 * a discard, a failed write) is answered "send everything" and writes nothing.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DocumentSourceSchema, UserError, type Backup, type BackupSummary, type BackupUpdate } from '../../shared/api/contract';
import { blockSize, documentText, type Block } from '../../shared/model/document';
import { DocumentSchema, MAX_DOCUMENT_CHARS, tooLargeMessage } from '../../shared/model/schema';
import { writeFileAtomic } from './atomicWrite';

const BACKUP_VERSION = 1;
const BACKUP_ID = /^[A-Za-z0-9-]{8,64}$/;
const BACKUP_FILE = /^([A-Za-z0-9-]{8,64})\.json$/;

const StoredBackupSchema = z.object({
  version: z.number().int(),
  id: z.string(),
  name: z.string(),
  savedAt: z.number(),
  source: DocumentSourceSchema.nullable().catch(null),
  doc: DocumentSchema,
});

/** A block of the last write, serialized, with its size as blockSize counts it. */
interface StoredBlock {
  json: string;
  size: number;
}

/** What the store holds of a stream's last write, to apply the next one to. */
interface StreamState {
  stream: string;
  revision: number;
  blocks: Map<string, StoredBlock>;
}

function storedBlock(block: Block): StoredBlock {
  return { json: JSON.stringify(block), size: blockSize(block) };
}

export class BackupStore {
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly streams = new Map<string, StreamState>();

  constructor(readonly dir: string) {}

  private fileOf(id: string): string {
    if (!BACKUP_ID.test(id)) throw new UserError('invalid-backup', '备份编号无效。');
    return path.join(this.dir, `${id}.json`);
  }

  /** Runs operations on one backup one after another. */
  private enqueue<T>(id: string, op: () => Promise<T>): Promise<T> {
    const prev = this.queues.get(id) ?? Promise.resolve();
    const next = prev.then(op, op);
    const settled = next.catch(() => {});
    this.queues.set(id, settled);
    void settled.then(() => {
      if (this.queues.get(id) === settled) this.queues.delete(id);
    });
    return next;
  }

  write(backup: Backup): Promise<void> {
    const file = this.fileOf(backup.id);
    return this.enqueue(backup.id, async () => {
      this.streams.delete(backup.id);
      await fs.mkdir(this.dir, { recursive: true });
      const stored = { version: BACKUP_VERSION, id: backup.id, name: backup.name, savedAt: Date.now(), source: backup.source, doc: backup.doc };
      await writeFileAtomic(file, JSON.stringify(stored));
    });
  }

  /**
   * Writes the whole document from the blocks of the stream's previous write and the blocks
   * changed since (see BackupUpdate). False, with nothing written, when the store does not hold
   * that previous write: the caller sends every block.
   */
  update(u: BackupUpdate): Promise<boolean> {
    const file = this.fileOf(u.id);
    return this.enqueue(u.id, async () => {
      const prev = this.streams.get(u.id);
      if (u.base !== 0 && (prev?.stream !== u.stream || prev.revision !== u.base)) return false;
      if (u.partial) {
        // Blocks handed over for the next write: kept beside the last write's, nothing written.
        const blocks = u.base === 0 ? new Map<string, StoredBlock>() : prev!.blocks;
        this.streams.delete(u.id);
        for (const [key, b] of u.blocks) blocks.set(key, storedBlock(b));
        // What is held for one backup stays within what one document may hold (and its last write).
        let held = 0;
        for (const b of blocks.values()) held += b.size + 1;
        if (held > 2 * MAX_DOCUMENT_CHARS) throw new UserError('too-large', tooLargeMessage(u.name));
        this.streams.set(u.id, { stream: u.stream, revision: u.revision, blocks });
        return true;
      }
      const changed = new Map(u.blocks);
      const blocks = new Map<string, StoredBlock>();
      let size = Math.max(0, u.order.length - 1);
      for (const key of u.order) {
        const b = changed.get(key);
        const stored = b ? storedBlock(b) : u.base !== 0 ? prev?.blocks.get(key) : undefined;
        if (!stored) {
          if (u.base !== 0) return false;
          throw new UserError('invalid-backup', '备份内容不完整。');
        }
        if (blocks.has(key)) throw new UserError('invalid-backup', '备份内容重复。');
        blocks.set(key, stored);
        size += stored.size;
      }
      if (size > MAX_DOCUMENT_CHARS) throw new UserError('too-large', tooLargeMessage(u.name));
      // Whatever happens to this write, the next must not build on the one before.
      this.streams.delete(u.id);
      await fs.mkdir(this.dir, { recursive: true });
      const head = { version: BACKUP_VERSION, id: u.id, name: u.name, savedAt: Date.now(), source: u.source };
      const body = [...blocks.values()].map((b) => b.json).join(',');
      // The same JSON as write()'s JSON.stringify of the whole backup, from the blocks' own.
      const json = `${JSON.stringify(head).slice(0, -1)},"doc":{"meta":${JSON.stringify(u.meta)},"blocks":[${body}]}}`;
      await writeFileAtomic(file, json);
      this.streams.set(u.id, { stream: u.stream, revision: u.revision, blocks });
      return true;
    });
  }

  discard(id: string): Promise<void> {
    const file = this.fileOf(id);
    return this.enqueue(id, () => {
      this.streams.delete(id);
      return fs.rm(file, { force: true });
    });
  }

  private async load(file: string): Promise<z.infer<typeof StoredBackupSchema> | null> {
    try {
      const parsed = StoredBackupSchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /**
   * Backups on disk, newest first, each under the id its file name gives. One that cannot be read
   * (damaged by a disk error or another program) is listed as damaged, with the document name it
   * still shows, so that it can be discarded.
   */
  async list(): Promise<BackupSummary[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch {
      return [];
    }
    const out: BackupSummary[] = [];
    for (const n of names) {
      const id = BACKUP_FILE.exec(n)?.[1];
      if (!id) continue;
      const file = path.join(this.dir, n);
      const b = await this.load(file);
      if (b) {
        out.push({ id, name: b.name, path: b.source?.path ?? null, savedAt: b.savedAt, chars: documentText(b.doc).length });
        continue;
      }
      const st = await fs.stat(file).catch(() => null);
      if (!st?.isFile()) continue;
      out.push({ id, name: await this.salvageName(file), path: null, savedAt: st.mtimeMs, chars: 0, damaged: true });
    }
    return out.sort((a, b) => b.savedAt - a.savedAt);
  }

  /** The document name of a damaged backup, when that much can still be read. */
  private async salvageName(file: string): Promise<string> {
    try {
      const head = (await fs.readFile(file, 'utf8')).slice(0, 4096);
      const name = /"name"\s*:\s*("(?:[^"\\]|\\.){0,1024}")/.exec(head)?.[1];
      const parsed: unknown = name ? JSON.parse(name) : null;
      if (typeof parsed === 'string' && parsed.trim()) return parsed;
    } catch {
      // nothing readable
    }
    return '未知文稿';
  }

  async read(id: string): Promise<Backup> {
    const b = await this.load(this.fileOf(id));
    if (!b) throw new UserError('not-found', '找不到这份备份，或它已损坏，无法恢复。');
    return { id, name: b.name, source: b.source, doc: b.doc };
  }
}

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
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DocumentSourceSchema, UserError, type Backup, type BackupSummary } from '../../shared/api/contract';
import { documentText } from '../../shared/model/document';
import { DocumentSchema } from '../../shared/model/schema';
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

export class BackupStore {
  private readonly queues = new Map<string, Promise<unknown>>();

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
      await fs.mkdir(this.dir, { recursive: true });
      const stored = { version: BACKUP_VERSION, id: backup.id, name: backup.name, savedAt: Date.now(), source: backup.source, doc: backup.doc };
      await writeFileAtomic(file, JSON.stringify(stored));
    });
  }

  discard(id: string): Promise<void> {
    const file = this.fileOf(id);
    return this.enqueue(id, () => fs.rm(file, { force: true }));
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

/**
 * Backups of unsaved edits in the user-data folder (backups/<id>.json), one per open document,
 * written atomically about a second after typing stops (at least every 3 s while it goes on; the
 * renderer schedules them). A clean save or a discard deletes the
 * document's backup; whatever is left at the next start was left by a crash or a kill, and the
 * app offers to restore it. Operations on one backup run in the order they were asked for, so a
 * discard never races an earlier write.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DocumentSourceSchema, UserError, type Backup, type BackupSummary } from '../../shared/api/contract';
import { documentText } from '../../shared/model/document';
import { DocumentSchema } from '../../shared/model/schema';
import { writeFileAtomic } from './atomicWrite';

const BACKUP_VERSION = 1;

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
    if (!/^[A-Za-z0-9-]{8,64}$/.test(id)) throw new UserError('invalid-backup', '备份编号无效。');
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

  /** Backups on disk, newest first. Unreadable ones (a torn write cannot happen, but a full disk can leave nothing) are skipped. */
  async list(): Promise<BackupSummary[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch {
      return [];
    }
    const out: BackupSummary[] = [];
    for (const n of names) {
      if (!n.endsWith('.json')) continue;
      const b = await this.load(path.join(this.dir, n));
      if (!b) continue;
      out.push({ id: b.id, name: b.name, path: b.source?.path ?? null, savedAt: b.savedAt, chars: documentText(b.doc).length });
    }
    return out.sort((a, b) => b.savedAt - a.savedAt);
  }

  async read(id: string): Promise<Backup> {
    const b = await this.load(this.fileOf(id));
    if (!b) throw new UserError('not-found', '找不到这份备份，它可能已被删除。');
    return { id: b.id, name: b.name, source: b.source, doc: b.doc };
  }
}

/**
 * Backups of unsaved edits as a stream of writes to the backup service: the service keeps the
 * blocks of the last write it made, so each write sends the order of the blocks and only the
 * blocks changed since (by their versions in the block models, renderer/editor/blockModels.ts).
 * The service rebuilds and writes the whole document, atomically; when it does not hold the
 * write this one builds on (it restarted, the backup was discarded or replaced, a write failed)
 * it writes nothing and says so, and the same snapshot is sent whole.
 *
 * A large change (the first backup of a document just opened, a paste of many pages) goes in
 * requests of about CHUNK_CHARS characters, each its own task after an idle moment: the blocks first (`partial`, no
 * file written), then the order with the last of them, which writes the file. Keys typed meanwhile
 * are handled between the requests instead of waiting for one long serialization.
 */
import type { NodeKey } from 'lexical';
import type { BackupUpdate, DocumentSource } from '../../shared/api/contract';
import { blockSize, type Block, type WgDocument } from '../../shared/model/document';
import { changedSince, versionsOf, type BlockSnapshot } from '../editor/blockModels';

export interface BackupHeader {
  id: string;
  name: string;
  source: DocumentSource | null;
  meta: WgDocument['meta'];
}

interface LastWrite {
  backupId: string;
  stream: string;
  revision: number;
  /** The version of each block the service holds. */
  sent: ReadonlyMap<NodeKey, number>;
}

/** Characters of blocks sent in one request at most (one block can be more). */
export const CHUNK_CHARS = 20_000;

/** The blocks in runs of about CHUNK_CHARS characters (the last run possibly empty). */
function chunksOf(blocks: ReadonlyArray<[NodeKey, Block]>): Array<Array<[NodeKey, Block]>> {
  const out: Array<Array<[NodeKey, Block]>> = [[]];
  let size = 0;
  for (const entry of blocks) {
    const n = blockSize(entry[1]) + 1;
    if (size > 0 && size + n > CHUNK_CHARS) {
      out.push([]);
      size = 0;
    }
    out.at(-1)!.push(entry);
    size += n;
  }
  return out;
}

export class BackupStream {
  /** Null until a write is known to have been written: after a failure the next write sends everything. */
  private last: LastWrite | null = null;

  /**
   * `update` sends a write to the backup service; `pause` resolves when the page may go on with the
   * next request of a large change (the renderer waits for an idle moment, so keys come first).
   */
  constructor(
    private readonly update: (u: BackupUpdate) => Promise<{ written: boolean }>,
    private readonly pause: () => Promise<void> = () => Promise.resolve(),
  ) {}

  /** Writes the snapshot as the backup `backup.id`. Calls must not overlap (the caller queues them). */
  async write(backup: BackupHeader, snapshot: BlockSnapshot): Promise<void> {
    const order = snapshot.models.map((m) => m.key);
    for (let attempt = 0; attempt < 2; attempt++) {
      const prev = this.last?.backupId === backup.id ? this.last : null;
      this.last = null;
      const stream = prev?.stream ?? crypto.randomUUID();
      let base = prev?.revision ?? 0;
      const chunks = chunksOf(changedSince(snapshot, prev?.sent ?? null).map((m): [NodeKey, Block] => [m.key, m.block]));
      let written = true;
      for (const blocks of chunks.slice(0, -1)) {
        ({ written } = await this.update({ ...backup, stream, base, revision: base + 1, order: [], blocks, partial: true }));
        if (!written) break;
        base++;
        await this.pause();
      }
      if (written) ({ written } = await this.update({ ...backup, stream, base, revision: base + 1, order, blocks: chunks.at(-1)! }));
      if (written) {
        this.last = { backupId: backup.id, stream, revision: base + 1, sent: versionsOf(snapshot) };
        return;
      }
    }
    throw new Error('后台服务未能写入完整的备份');
  }
}

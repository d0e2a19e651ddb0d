/**
 * The .docx packages documents were read from, kept so that saving writes back everything the
 * user did not change (shared/docx/faithful). A package is named by the SHA-256 of its bytes
 * (DocumentSource.package). The app keeps them in the user-data folder (sources/<hash>.docx), so a
 * backup restored after a crash still saves faithfully; the CLI keeps them in memory only. A few
 * recent packages stay in memory; older ones are read back from disk when needed. Unused ones are
 * removed at start (sourceCleanup.ts).
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { sourcePicture } from '../../shared/docx/faithful/pictures';
import type { StoryMarks } from '../../shared/docx/elements/storyMarks';
import type { DocumentStories } from '../../shared/model/stories';
import { writeFileAtomic } from './atomicWrite';

const MEMORY_KEPT = 4;

/** A package's file date is its last use: the cleanup at start (sourceCleanup.ts) ages unused ones out. */
async function touch(file: string): Promise<void> {
  const now = new Date();
  await fs.utimes(file, now, now).catch(() => {});
}

export class SourcePackages {
  private readonly memory = new Map<string, Uint8Array>();

  /** `dir`: where packages persist; null keeps them in memory for the life of the process. */
  constructor(readonly dir: string | null) {}

  private fileOf(id: string): string | null {
    return this.dir && /^[0-9a-f]{64}$/.test(id) ? path.join(this.dir, `${id}.docx`) : null;
  }

  private remember(id: string, bytes: Uint8Array): void {
    this.memory.delete(id);
    this.memory.set(id, bytes);
    if (!this.dir) return;
    while (this.memory.size > MEMORY_KEPT) this.memory.delete(this.memory.keys().next().value!);
  }

  /** Keeps a package; returns its id. */
  async put(bytes: Uint8Array): Promise<string> {
    const id = createHash('sha256').update(bytes).digest('hex');
    this.remember(id, bytes);
    const file = this.fileOf(id);
    if (file) {
      const exists = await fs.stat(file).then(
        (s) => s.size === bytes.length,
        () => false,
      );
      if (!exists) {
        await fs.mkdir(this.dir!, { recursive: true });
        await writeFileAtomic(file, bytes).catch(() => {});
      } else await touch(file);
    }
    return id;
  }

  /** The package, or null when it is no longer kept (or its file was damaged). */
  async get(id: string | undefined): Promise<Uint8Array | null> {
    if (!id) return null;
    const held = this.memory.get(id);
    if (held) return held;
    const file = this.fileOf(id);
    if (!file) return null;
    try {
      const buf = await fs.readFile(file);
      const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
      if (createHash('sha256').update(bytes).digest('hex') !== id) return null;
      this.remember(id, bytes);
      await touch(file);
      return bytes;
    } catch {
      return null;
    }
  }
}

/** The process's packages when no folder was given (CLI, tests). */
export const memorySourcePackages = new SourcePackages(null);

const byDir = new Map<string, SourcePackages>();

/** The packages kept in `dir` (one store per folder in this process), or the memory store. */
export function sourcePackagesAt(dir: string | undefined): SourcePackages {
  if (!dir) return memorySourcePackages;
  let store = byDir.get(dir);
  if (!store) byDir.set(dir, (store = new SourcePackages(dir)));
  return store;
}

/** A picture of a kept package (InlineObject.rel) as a data: URL, or null when it cannot be shown. */
export async function sourcePictureUrl(store: SourcePackages, id: string, rel: string): Promise<string | null> {
  const bytes = await store.get(id);
  const picture = bytes ? sourcePicture(bytes, rel) : null;
  return picture ? `data:${picture.mime};base64,${Buffer.from(picture.bytes.buffer, picture.bytes.byteOffset, picture.bytes.byteLength).toString('base64')}` : null;
}

/**
 * The headers, footers, sections and comments of a kept package, or null when it is no longer
 * kept. `marks`: what opening it recorded (OpenedDocument.storyMarks); without them its
 * document.xml is read for them.
 */
export async function sourceStories(store: SourcePackages, id: string, marks?: StoryMarks): Promise<DocumentStories | null> {
  const bytes = await store.get(id);
  if (!bytes) return null;
  // Loaded on first use: the stories' schema brings zod, which a text export must not load.
  const { readStories } = await import('../../shared/docx/read/stories');
  return readStories(bytes, undefined, marks);
}

/**
 * The user's phrase library, as the suggestion worker holds it: the corpus folders and the
 * built-in phrasebook, cleaned, deduplicated and indexed; the open document as a second, small
 * index; the user's accepts and dismissals. Plain Node, no worker API: the worker entry
 * (worker.ts) wraps it, tests and the CLI can drive it directly.
 */
import { promises as fs, type Dirent } from 'node:fs';
import path from 'node:path';
import { MAX_CURRENT_DOCUMENT_CHARS, UserError } from '../../../shared/api/contract';
import { emptyReport, type CleanReport } from '../../../shared/corpus/clean';
import { PHRASEBOOK, PHRASEBOOK_VERSION, phrasebookDocuments } from '../../../shared/corpus/phrasebook';
import { prepareCorpus, type PreparedDocument, type SourceDocument } from '../../../shared/corpus/prepare';
import { CurrentDocumentIndex, DocumentLines, type DocumentLinesChange } from '../../../shared/suggest/currentDocument';
import { suggest, type FeedbackCounts, type SuggestQuery, type SuggestResult } from '../../../shared/suggest/engine';
import { DOC_END, PARA, buildPhraseIndex, layoutText, stringOf, type IndexInput, type PhraseIndex } from '../../../shared/suggest/phraseIndex';
import { MAX_REPORTED_FAILURES, type CorpusStatus } from '../../../shared/suggest/status';
import { formatOfPath } from '../documentFiles';
import { DocumentRunner } from '../documents/runner';
import { buildSuffixArray, sharedUint16 } from './shardedBuild';
import { collectGarbage } from './collectGarbage';
import { INDEX_FORMAT_VERSION, cacheIsCurrent, readIndexFile, writeIndexFile, type CachedFile, type IndexHeader } from './indexCache';

/** A folder tree larger than this is cut off (with a message): indexing is meant for a user's reports. */
export const MAX_CORPUS_FILES = 20000;

interface ScannedFile {
  path: string;
  size: number;
  mtimeMs: number;
}

/** Every .txt/.docx/.wgd file under the folders (recursively; hidden folders, Word lock files and temp files skipped). */
export async function scanFolders(folders: string[]): Promise<{ files: ScannedFile[]; missing: string[]; truncated: boolean }> {
  const files: ScannedFile[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  let truncated = false;
  const walk = async (dir: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (files.length >= MAX_CORPUS_FILES) {
        truncated = true;
        return;
      }
      if (e.name.startsWith('.') || e.name.startsWith('~$')) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile() && formatOfPath(full)) {
        if (seen.has(full)) continue;
        seen.add(full);
        try {
          const st = await fs.stat(full);
          files.push({ path: full, size: st.size, mtimeMs: Math.floor(st.mtimeMs) });
        } catch {
          // vanished between readdir and stat
        }
      }
    }
  };
  for (const folder of folders) {
    try {
      if (!(await fs.stat(folder)).isDirectory()) throw new Error('not a folder');
    } catch {
      missing.push(folder);
      continue;
    }
    await walk(folder);
  }
  return { files, missing, truncated };
}

function phrasebookInputs(): IndexInput[] {
  return phrasebookDocuments().map((d) => ({ ...d, kind: 'phrasebook' as const }));
}

const PHRASE_COUNT = Object.values(PHRASEBOOK).reduce((n, l) => n + l.length, 0);

/** The paragraphs of document `d` as laid out in an index's text. */
function paragraphsOf(index: PhraseIndex, d: number): string[] {
  const from = index.docStarts[d]!;
  const to = index.docStarts[d + 1]!;
  const out: string[] = [];
  let cur = -1;
  for (let i = from; i < to; i++) {
    const c = index.text[i]!;
    if (c === PARA || c === DOC_END) {
      if (cur >= 0) out.push(stringOf(index.text.subarray(cur, i)));
      cur = c === PARA ? i + 1 : -1;
    }
  }
  return out;
}


export interface LibraryOptions {
  /** Where the index is cached (null: never cached). */
  cacheFile: string | null;
  onStatus?: (status: CorpusStatus) => void;
}

export class PhraseLibrary {
  private corpus: PhraseIndex;
  /** The open document (its blocks as last changed) and its index. */
  private readonly document = new DocumentLines();
  private readonly current = new CurrentDocumentIndex(MAX_CURRENT_DOCUMENT_CHARS);
  private feedback = new Map<string, FeedbackCounts>();
  /** What the index in memory was built from. */
  private header: IndexHeader | null = null;
  private generation = 0;
  private lastReport = 0;
  status: CorpusStatus;

  constructor(private readonly opts: LibraryOptions) {
    // Suggestions work at once from the phrasebook; the corpus joins when it is indexed.
    this.corpus = buildPhraseIndex(phrasebookInputs());
    this.status = {
      state: 'ready',
      progress: 1,
      phase: '',
      folders: [],
      missingFolders: [],
      documents: 0,
      characters: 0,
      duplicates: 0,
      failed: [],
      phrases: PHRASE_COUNT,
      builtAt: null,
      fromCache: false,
    };
  }

  private setStatus(patch: Partial<CorpusStatus>, force = true): void {
    this.status = { ...this.status, ...patch };
    const now = Date.now();
    if (!force && now - this.lastReport < 100) return;
    this.lastReport = now;
    this.opts.onStatus?.(this.status);
  }

  get index(): PhraseIndex {
    return this.corpus;
  }

  /**
   * (Re)builds the index for these folders: files unchanged since the cached index (same size
   * and modification time) are not read again. A newer call supersedes a running one.
   */
  async rebuild(folders: string[], force = false): Promise<CorpusStatus> {
    const gen = ++this.generation;
    const superseded = () => gen !== this.generation;
    this.setStatus({ state: 'indexing', progress: 0, phase: '正在扫描文件夹', folders, message: undefined });
    try {
      const scan = await scanFolders(folders);
      if (superseded()) return this.status;
      const same = (h: IndexHeader | null) =>
        h !== null &&
        h.folders.join('\0') === folders.join('\0') &&
        h.files.length === scan.files.length &&
        scan.files.every((f, i) => h.files[i]!.path === f.path && h.files[i]!.size === f.size && h.files[i]!.mtimeMs === f.mtimeMs);
      if (!force && same(this.header)) {
        // Nothing changed since the index in memory was built (a periodic check).
        this.finish(this.header!, scan.missing, this.status.fromCache);
        return this.status;
      }
      const cached = force || !this.opts.cacheFile ? null : await readIndexFile(this.opts.cacheFile, { cache: true });
      const usable = cached && cacheIsCurrent(cached.header) ? cached : null;
      const before = new Map((usable?.header.files ?? []).map((f) => [f.path, f]));
      const unchanged = (f: ScannedFile) => {
        const c = before.get(f.path);
        return c && c.size === f.size && c.mtimeMs === f.mtimeMs ? c : undefined;
      };
      if (usable && scan.files.length === usable.header.files.length && scan.files.every((f) => unchanged(f))) {
        this.corpus = usable.index;
        this.finish(usable.header, scan.missing, true);
        return this.status;
      }

      const reused: PreparedDocument[] = [];
      const toRead: ScannedFile[] = [];
      const failed: CachedFile[] = [];
      for (const f of scan.files) {
        const c = unchanged(f);
        if (c?.state === 'indexed' && usable && c.doc !== undefined) {
          const paragraphs = paragraphsOf(usable.index, c.doc);
          reused.push({ id: f.path, name: path.basename(f.path), paragraphs, chars: paragraphs.reduce((n, p) => n + p.length, 0) });
        } else if (c?.state === 'failed') failed.push({ ...f, state: 'failed', message: c.message });
        else toRead.push(f);
      }
      const sources = await this.readFiles(toRead, failed, superseded);
      if (!sources) return this.status;
      const fresh = prepareCorpus(sources);
      sources.length = 0; // the raw lines are no longer needed: let them go before the build
      // Deduplicate old and new documents together (a new file may copy an indexed one); a full
      // build's documents were cleaned and deduplicated together already.
      const dedup: { kept: PreparedDocument[]; duplicates: Array<[string, string]> } = reused.length > 0 ? dedupPrepared([...reused, ...fresh.documents]) : { kept: fresh.documents, duplicates: [] };
      this.setStatus({ progress: 0.75, phase: '正在建立索引' });
      const docOfPath = new Map(dedup.kept.map((d, i) => [d.id, i]));
      const index = await buildCorpusIndex(dedup.kept);
      if (superseded()) return this.status;
      const dupOf = new Map([...fresh.duplicates, ...dedup.duplicates]);
      const files: CachedFile[] = scan.files.map((f) => {
        const fail = failed.find((x) => x.path === f.path);
        if (fail) return fail;
        const doc = docOfPath.get(f.path);
        if (doc !== undefined) return { ...f, state: 'indexed', doc };
        const of = dupOf.get(f.path);
        return of ? { ...f, state: 'duplicate', of } : { ...f, state: 'empty' };
      });
      const report: CleanReport = emptyReport();
      for (const k of Object.keys(report) as (keyof CleanReport)[]) report[k] = (usable?.header.report[k] ?? 0) + fresh.report[k];
      const header: IndexHeader = { format: INDEX_FORMAT_VERSION, phrasebook: PHRASEBOOK_VERSION, folders, files, report, builtAt: Date.now() };
      this.corpus = index;
      if (this.opts.cacheFile) {
        this.setStatus({ progress: 0.95, phase: '正在保存索引' });
        await writeIndexFile(this.opts.cacheFile, header, index).catch(() => {
          // A cache that cannot be written only costs a rebuild next time.
        });
      }
      if (!superseded()) this.finish(header, scan.missing, false, scan.truncated);
    } catch (e) {
      if (!superseded()) this.setStatus({ state: 'error', progress: 1, phase: '', message: `建立素材索引失败：${e instanceof Error ? e.message : String(e)}` });
    }
    return this.status;
  }

  /**
   * Reads the files, two at a time (each in a document worker of its own: a hostile file in the
   * folders costs its time limit, not the index), into their lines. Null when superseded.
   */
  private async readFiles(toRead: ScannedFile[], failed: CachedFile[], superseded: () => boolean): Promise<SourceDocument[] | null> {
    // A second worker costs its start (loading the reader's bundle): worth it for many files only.
    const readers = toRead.length >= MIN_FILES_FOR_TWO_READERS ? READERS : 1;
    const runner = new DocumentRunner({}, undefined, readers);
    const sources: Array<SourceDocument | undefined> = new Array(toRead.length);
    let next = 0;
    let done = 0;
    const failures: Array<CachedFile | undefined> = new Array(toRead.length);
    const reader = async (): Promise<void> => {
      while (next < toRead.length && !superseded()) {
        const i = next++;
        const f = toRead[i]!;
        try {
          const lines = await runner.run('lines', { file: f.path }, { label: `打开“${path.basename(f.path)}”` });
          sources[i] = { id: f.path, name: path.basename(f.path), lines: lines.split('\n') };
        } catch (e) {
          // UserError messages are already for the user; anything else is wrapped in one.
          const message = e instanceof UserError ? e.message : `无法读取此文件（${e instanceof Error ? e.message : String(e)}）`;
          failures[i] = { ...f, state: 'failed', message };
        }
        done++;
        this.setStatus({ progress: 0.7 * (done / Math.max(1, toRead.length)), phase: `正在读取 ${done}/${toRead.length} 个文件` }, done === 1);
      }
    };
    try {
      this.setStatus({ progress: 0, phase: `正在读取 0/${toRead.length} 个文件` });
      await Promise.all(Array.from({ length: readers }, reader));
    } finally {
      await runner.close();
    }
    if (superseded()) return null;
    // In the order scanned, whatever order the reads finished in.
    for (const f of failures) if (f) failed.push(f);
    return sources.filter((s): s is SourceDocument => s !== undefined);
  }

  /** Uses an index file written by `wengao index` as it is, without looking at its folders. */
  async load(file: string): Promise<CorpusStatus> {
    const loaded = await readIndexFile(file);
    if (!loaded || !cacheIsCurrent(loaded.header)) {
      this.setStatus({ state: 'error', progress: 1, phase: '', message: `“${path.basename(file)}”不是本版本文稿的素材索引文件，请用 wengao index 重新生成。` });
      return this.status;
    }
    this.corpus = loaded.index;
    this.finish(loaded.header, [], true);
    this.setStatus({ folders: loaded.header.folders });
    return this.status;
  }

  private finish(header: IndexHeader, missing: string[], fromCache: boolean, truncated = false): void {
    this.header = header;
    const corpusDocs = this.corpus.docs.filter((d) => d.kind === 'corpus').length;
    let characters = 0;
    const { text, docStarts, docs } = this.corpus;
    for (let d = 0; d < docs.length; d++) {
      if (docs[d]!.kind !== 'corpus') continue;
      for (let i = docStarts[d]!; i < docStarts[d + 1]!; i++) if (text[i] !== PARA && text[i] !== DOC_END) characters++;
    }
    this.setStatus({
      state: 'ready',
      progress: 1,
      phase: '',
      documents: corpusDocs,
      characters,
      duplicates: header.files.filter((f) => f.state === 'duplicate').length,
      failed: header.files
        .filter((f) => f.state === 'failed')
        .slice(0, MAX_REPORTED_FAILURES)
        .map((f) => ({ path: f.path, message: f.message ?? '无法读取' })),
      missingFolders: missing,
      builtAt: header.builtAt,
      fromCache,
      message: truncated ? `文件夹中的文件超过 ${MAX_CORPUS_FILES} 个，只索引了前 ${MAX_CORPUS_FILES} 个。` : undefined,
    });
  }

  /**
   * A change of the open document (each line votes on its own; the caret's paragraph is left out
   * by the sender): its index is updated by the change. False when the change builds on blocks
   * this library does not hold (the sender must send everything).
   */
  updateDocument(change: DocumentLinesChange): boolean {
    const applied = this.document.apply(change);
    this.current.update(this.document.entries());
    return applied;
  }

  setFeedback(entries: Record<string, FeedbackCounts>): void {
    this.feedback = new Map(Object.entries(entries));
  }

  suggest(q: SuggestQuery): SuggestResult {
    const current = this.current.index;
    const sources = current ? [this.corpus, current] : [this.corpus];
    return suggest(sources, q, (key) => this.feedback.get(key));
  }
}

/** Files read at a time while indexing (one document worker each), from this many files on. */
const READERS = 2;
const MIN_FILES_FOR_TWO_READERS = 64;

/**
 * The corpus index of the kept documents and the phrasebook: the text laid out in shared memory
 * and its suffix array built on both cores (shardedBuild.ts).
 */
async function buildCorpusIndex(kept: PreparedDocument[]): Promise<PhraseIndex> {
  const inputs: IndexInput[] = [...kept.map((d) => ({ name: d.name, kind: 'corpus' as const, paragraphs: d.paragraphs })), ...phrasebookInputs()];
  const { text, docStarts } = layoutText(inputs, sharedUint16);
  const docs = inputs.map((d) => ({ name: d.name, kind: d.kind }));
  // The text is laid out: its strings can go before the suffix array takes its memory.
  for (const d of kept) d.paragraphs = [];
  inputs.length = 0;
  collectGarbage();
  const { sa } = await buildSuffixArray(text, docStarts, DOC_END);
  return { text, sa, docStarts, docs };
}

/** Drops near-duplicates among already prepared documents (longer ones kept). */
function dedupPrepared(docs: PreparedDocument[]): { kept: PreparedDocument[]; duplicates: Array<[string, string]> } {
  const r = prepareCorpus(docs.map((d) => ({ id: d.id, name: d.name, lines: d.paragraphs })));
  const byId = new Map(docs.map((d) => [d.id, d]));
  return { kept: r.documents.map((d) => byId.get(d.id)!), duplicates: r.duplicates };
}

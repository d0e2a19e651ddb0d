/**
 * The user's phrase library, as the suggestion worker holds it: the corpus folders and the
 * built-in phrasebook, cleaned, deduplicated and indexed; the open document as a second, small
 * index; the user's accepts and dismissals. Plain Node, no worker API: the worker entry
 * (worker.ts) wraps it, tests and the CLI can drive it directly.
 */
import { promises as fs, type Dirent } from 'node:fs';
import path from 'node:path';
import { MAX_CURRENT_DOCUMENT_CHARS } from '../../../shared/api/contract';
import { emptyReport, type CleanReport } from '../../../shared/corpus/clean';
import { PHRASEBOOK, PHRASEBOOK_VERSION, phrasebookDocuments } from '../../../shared/corpus/phrasebook';
import { CorpusBuilder } from '../../../shared/corpus/corpusBuilder';
import { prepareCorpus, type PreparedDocument, type SourceDocument } from '../../../shared/corpus/prepare';
import { CurrentDocumentIndex, DocumentLines, type DocumentLinesChange } from '../../../shared/suggest/currentDocument';
import { suggest, type FeedbackCounts, type SuggestQuery, type SuggestResult } from '../../../shared/suggest/engine';
import { DOC_END, PARA, buildPhraseIndex, layoutText, stringOf, type IndexInput, type IndexedDoc, type PhraseIndex } from '../../../shared/suggest/phraseIndex';
import { MAX_REPORTED_FAILURES, type CorpusStatus } from '../../../shared/suggest/status';
import { formatOfPath } from '../documentFiles';
import { DocumentRunner } from '../documents/runner';
import { MIN_SHARDED_CHARS, buildSuffixArray, sharedUint16, startShardWorker, type ShardWorker } from './shardedBuild';
import { collectGarbage } from './collectGarbage';
import { failedFile, readInWorker, readerSplit, txtLines, type CorpusReaderOptions, type ScannedFile } from './corpusReader';
import { INDEX_FORMAT_VERSION, cacheIsCurrent, readIndexFile, writeIndexFile, type CachedFile, type IndexHeader } from './indexCache';

/** A folder tree larger than this is cut off (with a message): indexing is meant for a user's reports. */
export const MAX_CORPUS_FILES = 20000;


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
  /** The second reader of a full build (corpusReader.ts): its worker, and the bytes of .txt files from which it is started. */
  reader?: Pick<CorpusReaderOptions, 'workerPath' | 'timeoutMs'> & { minBytes?: number };
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
  /** How the last full build read its files: on one thread or two, and why the second failed if it did. */
  lastRead: { readers: 1 | 2; fallback?: string } | null = null;

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
      let built: BuiltIndex | null;
      if (reused.length === 0) built = await this.buildStreamed(toRead, failed, superseded);
      else built = await this.buildWithReused(reused, toRead, failed, superseded);
      if (!built || superseded()) return this.status;
      const { index } = built;
      const docOfPath = new Map(built.kept.map((id, i) => [id, i]));
      const dupOf = new Map(built.duplicates);
      const files: CachedFile[] = scan.files.map((f) => {
        const fail = failed.find((x) => x.path === f.path);
        if (fail) return fail;
        const doc = docOfPath.get(f.path);
        if (doc !== undefined) return { ...f, state: 'indexed', doc };
        const of = dupOf.get(f.path);
        return of ? { ...f, state: 'duplicate', of } : { ...f, state: 'empty' };
      });
      const report: CleanReport = emptyReport();
      for (const k of Object.keys(report) as (keyof CleanReport)[]) report[k] = (usable?.header.report[k] ?? 0) + built.report[k];
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
   * A full build: each file read, cleaned and written into the index's text as it comes
   * (CorpusBuilder), so that only a few files' strings live at a time. Null when superseded.
   */
  private async buildStreamed(toRead: ScannedFile[], failed: CachedFile[], superseded: () => boolean): Promise<BuiltIndex | null> {
    // Sized for UTF-8/GB18030 text of Chinese (2–3 bytes a character); it grows if that is short.
    const builder = new CorpusBuilder(Math.ceil(toRead.reduce((n, f) => n + f.size, 0) / 2) + 4096, sharedUint16);
    const add = (d: SourceDocument) => builder.add(d);
    // The back of the list (.txt files) is read on the other core meanwhile, into a part appended after the front's documents.
    const k = readerSplit(toRead, this.opts.reader?.minBytes);
    let readElsewhere = 0;
    const progress = { total: toRead.length, elsewhere: () => readElsewhere };
    const onProgress = (n: number) => {
      readElsewhere = n;
      this.setStatus({ progress: 0.7 * (Math.min(toRead.length, k + n) / toRead.length), phase: `正在读取 ${Math.min(toRead.length, k + n)}/${toRead.length} 个文件` }, false);
    };
    let reader = k < toRead.length ? readInWorker(toRead.slice(k), { ...this.opts.reader, onProgress }) : null;
    this.lastRead = { readers: reader ? 2 : 1 };
    if (!(await this.readFiles(toRead.slice(0, k), failed, superseded, add, progress))) {
      await reader?.stop();
      return null;
    }
    if (reader) {
      const error = await appendRead(builder, reader.result, failed);
      // The part's memory (copied) and the strings read so far go before the duplicates are settled.
      await reader.stop();
      reader = null;
      collectGarbage();
      if (superseded()) return null;
      if (error !== null) this.lastRead = { readers: 1, fallback: error };
      // The worker failed: its files are read here, after the front's, as if it had never started.
      if (error !== null && !(await this.readFiles(toRead.slice(k), failed, superseded, add, { total: toRead.length, elsewhere: () => k }))) return null;
    }
    this.setStatus({ progress: 0.75, phase: '正在建立索引' });
    // The suffix array's second core starts loading while the duplicates are settled.
    const shardWorker = builder.written >= MIN_SHARDED_CHARS ? startShardWorker() : undefined;
    const built = builder.finish(phrasebookInputs());
    const docs: IndexedDoc[] = [...built.documents.map((d) => ({ name: d.name, kind: 'corpus' as const })), ...phrasebookInputs().map((d) => ({ name: d.name, kind: d.kind }))];
    if (built.spare > SPARE_TO_RELEASE) {
      // Copies moved out left written memory behind the text: keep only the text, copied out
      // before the suffix array takes its memory (then the copy does not add to the peak).
      const text = sharedUint16(built.text.length);
      text.set(built.text);
      built.text = text;
    }
    const index = await indexOfText(built.text, built.docStarts, docs, shardWorker);
    return { index, kept: built.documents.map((d) => d.id), duplicates: built.duplicates, report: built.report };
  }

  /** A build that reuses documents of the cached index: old and new documents deduplicated together. */
  private async buildWithReused(reused: PreparedDocument[], toRead: ScannedFile[], failed: CachedFile[], superseded: () => boolean): Promise<BuiltIndex | null> {
    const sources: SourceDocument[] = [];
    if (!(await this.readFiles(toRead, failed, superseded, (d) => sources.push(d)))) return null;
    const fresh = prepareCorpus(sources);
    sources.length = 0; // the raw lines are no longer needed: let them go before the build
    // A new file may copy an indexed one.
    const dedup = dedupPrepared([...reused, ...fresh.documents]);
    this.setStatus({ progress: 0.75, phase: '正在建立索引' });
    const index = await buildCorpusIndex(dedup.kept);
    return { index, kept: dedup.kept.map((d) => d.id), duplicates: [...fresh.duplicates, ...dedup.duplicates], report: fresh.report };
  }

  /**
   * Reads the files and hands each one's lines to `onDocument`, in the order given, whatever
   * order the reads finish in. A .txt file is read and decoded here (readTextFileSync: the same
   * checks, decoding and messages as opening it); a .docx/.wgd file in a document worker (a hostile file
   * costs its time limit, not the index). A few reads run ahead of the one being cleaned. False
   * when superseded.
   */
  private async readFiles(
    toRead: ScannedFile[],
    failed: CachedFile[],
    superseded: () => boolean,
    onDocument: (d: SourceDocument) => void,
    // When other files are read elsewhere meanwhile: all the files, and how many of them are read elsewhere so far.
    progress = { total: toRead.length, elsewhere: () => 0 },
  ): Promise<boolean> {
    // A second worker costs its start (loading the reader's bundle): worth it for many files only.
    const inWorker = toRead.filter((f) => formatOfPath(f.path) !== 'txt').length;
    let runner: DocumentRunner | null = null;
    const linesOf = async (f: ScannedFile): Promise<string[]> => {
      if (formatOfPath(f.path) === 'txt') return txtLines(f.path);
      runner ??= new DocumentRunner({}, undefined, inWorker >= MIN_FILES_FOR_TWO_READERS ? READERS : 1);
      return (await runner.run('lines', { file: f.path }, { label: `打开“${path.basename(f.path)}”` })).split('\n');
    };
    const read = (f: ScannedFile): Promise<string[] | CachedFile> =>
      linesOf(f).catch((e: unknown) => failedFile(f, e));
    const ahead: Array<Promise<string[] | CachedFile>> = [];
    let next = 0;
    const readNext = () => {
      if (next < toRead.length) ahead.push(read(toRead[next++]!));
    };
    try {
      const { total, elsewhere } = progress;
      const shown = (i: number) => Math.min(total, i + elsewhere());
      this.setStatus({ progress: 0.7 * (shown(0) / Math.max(1, total)), phase: `正在读取 ${shown(0)}/${total} 个文件` });
      for (let k = 0; k < READ_AHEAD; k++) readNext();
      for (let i = 0; i < toRead.length && !superseded(); i++) {
        const r = await ahead.shift()!;
        readNext();
        const f = toRead[i]!;
        if (Array.isArray(r)) onDocument({ id: f.path, name: path.basename(f.path), lines: r });
        else failed.push(r);
        this.setStatus({ progress: 0.7 * (shown(i + 1) / total), phase: `正在读取 ${shown(i + 1)}/${total} 个文件` }, i === 0);
      }
    } finally {
      await Promise.all(ahead);
      await (runner as DocumentRunner | null)?.close();
    }
    return !superseded();
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

/** .docx/.wgd files read at a time while indexing (one document worker each), from this many such files on. */
const READERS = 2;
const MIN_FILES_FOR_TWO_READERS = 64;
/** Files being read while one is cleaned. */
const READ_AHEAD = 4;
/** Code units of a streamed build's memory left behind its text beyond which the text is copied out. */
const SPARE_TO_RELEASE = 1 << 19;

interface BuiltIndex {
  index: PhraseIndex;
  /** Paths of the indexed documents, in the index's order. */
  kept: string[];
  duplicates: Array<[string, string]>;
  report: CleanReport;
}

/** Appends what the reader worker read to `builder` (its failures to `failed`); why the worker failed, or null. */
async function appendRead(builder: CorpusBuilder, result: ReturnType<typeof readInWorker>['result'], failed: CachedFile[]): Promise<string | null> {
  const r = await result;
  if (!('part' in r)) return r.error;
  builder.append(r.part);
  failed.push(...r.failed);
  return null;
}

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
  return indexOfText(text, docStarts, docs);
}

/** The index of a laid-out text (in shared memory): its suffix array built on both cores. */
async function indexOfText(text: Uint16Array, docStarts: Int32Array, docs: IndexedDoc[], worker?: ShardWorker): Promise<PhraseIndex> {
  // Whatever strings read the files can go before the suffix array takes its memory.
  collectGarbage();
  const { sa } = await buildSuffixArray(text, docStarts, DOC_END, { worker });
  return { text, sa, docStarts, docs };
}

/** Drops near-duplicates among already prepared documents (longer ones kept). */
function dedupPrepared(docs: PreparedDocument[]): { kept: PreparedDocument[]; duplicates: Array<[string, string]> } {
  const r = prepareCorpus(docs.map((d) => ({ id: d.id, name: d.name, lines: d.paragraphs })));
  const byId = new Map(docs.map((d) => [d.id, d]));
  return { kept: r.documents.map((d) => byId.get(d.id)!), duplicates: r.duplicates };
}

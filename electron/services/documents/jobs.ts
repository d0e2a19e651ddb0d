/**
 * What the document worker can be asked to do: read a document file into the model, save the
 * model to a file, export it. Each job is a plain async function of structured-clonable
 * arguments; the worker (worker.ts) runs them, the runner (runner.ts) asks for them with limits.
 * To add a job, add it here: its arguments and result types flow to `DocumentRunner.run`.
 */
import type { SaveRequest } from '../../../shared/api/contract';
import type { ExportSettings } from '../../../shared/settings';
import type { WgDocument } from '../../../shared/model/document';
import type { StoryMarks } from '../../../shared/docx/elements/storyMarks';
import { documentLines } from '../../../shared/corpus/prepare';
import { readDocumentFile, saveDocumentFile, type ReadOptions } from '../documentFiles';
import { sourcePackagesAt, sourcePictureUrl, sourceStories } from '../sourcePackages';
import { exportDocumentFile, type ExportOptions } from '../exportFiles';
import { wordWriter } from '../wordWriter';

export const documentJobs = {
  /** Reads a .txt/.docx/.wgd file (readDocumentFile). */
  /** `sourcesDir`: where the .docx packages documents come from are kept (faithful saving); memory when absent. */
  read: (a: { file: string; options?: ReadOptions; sourcesDir?: string }) => readDocumentFile(a.file, { ...a.options, sources: sourcePackagesAt(a.sourcesDir) }),
  /**
   * The lines of text of a .txt/.docx/.wgd file (the corpus indexer's read: documentLines),
   * joined with "\n": one string crosses to the indexer, not the whole document model.
   */
  lines: async (a: { file: string }) => documentLines((await readDocumentFile(a.file, { sources: sourcePackagesAt(undefined) })).doc).join('\n'),
  /** Saves (saveDocumentFile); .docx through the Word writer with these settings, refused when null. */
  save: (a: { request: SaveRequest; wordSettings: ExportSettings | null; sourcesDir?: string }) => {
    const settings = a.wordSettings;
    return saveDocumentFile(a.request, { writeDocx: settings ? wordWriter(() => settings) : null, sources: sourcePackagesAt(a.sourcesDir) });
  },
  /** A picture of a source package as a data: URL (null when it cannot be shown): parsing stays off the main process. */
  picture: (a: { id: string; rel: string; sourcesDir?: string }) => sourcePictureUrl(sourcePackagesAt(a.sourcesDir), a.id, a.rel),
  /** The headers, footers, sections and comments of a source package (null when it is no longer kept); `marks` from its read. */
  stories: (a: { id: string; sourcesDir?: string; marks?: StoryMarks }) => sourceStories(sourcePackagesAt(a.sourcesDir), a.id, a.marks),
  /** Exports to .docx or .txt (exportDocumentFile); resolves with the size written. */
  export: (a: { doc: WgDocument; file: string; format: 'docx' | 'txt'; options: ExportOptions }) => exportDocumentFile(a.doc, a.file, a.format, a.options),
  /**
   * Reads a file and exports it (`wengao export`), so that the document is not sent to the owner
   * and back; resolves with what the owner reports: the file read, its notices and the size written.
   */
  exportFile: async (a: { input: string; file: string; format: 'docx' | 'txt'; options: ExportOptions }) => {
    const opened = await readDocumentFile(a.input, { sources: sourcePackagesAt(undefined) });
    const bytes = await exportDocumentFile(opened.doc, a.file, a.format, a.options);
    return { path: opened.path, notices: opened.notices, bytes };
  },
};

export type DocumentJobs = typeof documentJobs;
export type JobName = keyof DocumentJobs;
export type JobArgs<J extends JobName> = Parameters<DocumentJobs[J]>[0];
export type JobResult<J extends JobName> = Awaited<ReturnType<DocumentJobs[J]>>;

/** Messages between the runner and a document worker. */
export interface JobRequest {
  id: number;
  job: JobName;
  args: unknown;
}

export interface JobStats {
  /** Time the job took inside the worker. */
  ms: number;
  /** The worker's V8 heap after the job (total size, which does not shrink at once: about its peak). */
  heapBytes: number;
}

export type JobReply =
  | { id: number; ok: true; value: unknown; stats: JobStats }
  | { id: number; ok: false; error: { name: string; code?: string; message: string }; stats: JobStats };

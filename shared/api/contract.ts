/**
 * The API contract between the renderer and the main side: every call with its argument and
 * result schemas, and every event the main side may send. Nothing else crosses.
 *
 * - The preload exposes exactly these calls as `window.wengao` (electron/preload).
 * - The main process validates the sender and the arguments of each call before it reaches
 *   a service (electron/main/ipc.ts); the web harness does the same over HTTP.
 * - Results travel in an envelope so that errors a user can cause (a bad file, a full disk)
 *   arrive as a code and a Chinese message, never as a stack trace.
 */
import { DOCUMENT_FORMATS as GBT_FORMATS } from '../model/parts';
import { z } from 'zod';
import { SettingsPatchSchema, SettingsSchema } from '../settings';
import { TifaDataSchema } from '../proofread/tifaData';
import { APP_COMMANDS } from '../commands';
import { BlockSchema, DocumentMetaSchema, DocumentSchema, MAX_DOCUMENT_PARTS, MAX_INDENT_CHARS } from '../model/schema';
import { DocumentStoriesSchema } from '../model/stories';
import { TEXT_ENCODINGS } from '../text/encodings';
import { UserError } from './errors';
import {
  API_CALL_NAMES,
  checkedSubscribe,
  type ApiCallName,
  type ApiEventName,
  type Envelope,
  type Invoke,
  type Subscribe,
  type WengaoBridge,
} from './names';

export * from './names';
export { UserError } from './errors';

function call<A extends z.ZodTuple, R extends z.ZodType>(args: A, result: R) {
  return { args, result };
}

const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  /** Which shell hosts the renderer: native dialogs and menus exist only in 'electron'. */
  shell: z.enum(['electron', 'web']),
  platform: z.string(),
  userDataDir: z.string(),
  /** Where new files go by default (the user's 文档 folder). */
  documentsDir: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

const WindowState = z
  .object({
    /** Document name shown in the title bar; the shell adds the app name. */
    documentName: z.string().max(1024),
    /** Unsaved changes: the close handshake asks before closing. */
    dirty: z.boolean(),
  })
  .strict();
export type WindowDocumentState = z.infer<typeof WindowState>;

/** An absolute path: POSIX (/…), Windows drive (C:\…) or UNC (\\server\…). */
const FilePath = z
  .string()
  .min(1)
  .max(32767)
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'), { message: 'path must be absolute' });

export const DOCUMENT_FORMATS = ['wgd', 'docx', 'txt'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** A file's identity for external-change detection: another program wrote it if either differs. */
const FileStampSchema = z.object({ mtimeMs: z.number().finite(), size: z.number().int().min(0) }).strict();
export type FileStamp = z.infer<typeof FileStampSchema>;

/** How a text file was written, so saving back writes the same bytes for untouched lines. */
const TextSourceSchema = z
  .object({
    encoding: z.enum(TEXT_ENCODINGS),
    bom: z.boolean(),
    lineEnding: z.enum(['\r\n', '\n', '\r']),
    finalNewline: z.boolean(),
    /** Indent width in characters (as a string) → the whitespace the file used for it: at most
     * two characters a width (spaces count half), one entry per half-character width. */
    indents: z.record(z.string().max(16), z.string().max(2 * MAX_INDENT_CHARS)).refine((r) => Object.keys(r).length <= 2 * MAX_INDENT_CHARS + 1),
    /** Lines of the file too long to edit as one paragraph, shown as several (saved joined). */
    longLines: z.number().int().min(0).optional(),
  })
  .strict();
export type TextSource = z.infer<typeof TextSourceSchema>;

/** Where the open document came from and what saving back there must respect. */
export const DocumentSourceSchema = z
  .object({
    /** The file it was read from or last saved to; null for a new document or one from a template. */
    path: FilePath.nullable(),
    format: z.enum(DOCUMENT_FORMATS),
    stamp: FileStampSchema.nullable(),
    text: TextSourceSchema.optional(),
    /** What saving back over `path` would lose (images, comments… the importer left out). */
    losses: z.array(z.string().max(200)).max(100),
    /** The .docx the document was read from, kept by the services (SHA-256 of its bytes): saving writes it back faithfully. */
    package: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  })
  .strict();
export type DocumentSource = z.infer<typeof DocumentSourceSchema>;

const OpenedDocumentSchema = z.object({
  doc: DocumentSchema,
  source: DocumentSourceSchema,
  /** The file's name for the title bar. */
  name: z.string(),
  /** Sentences for the user after opening (已忽略：2 张图片、1 条批注). */
  notices: z.array(z.string()),
  /** A short text whose encoding the bytes do not settle: ask which reading is right before showing it. */
  encodingGuess: z
    .object({
      message: z.string(),
      /** The encoding used first, then the others that read the bytes without errors, each with the start of its reading. */
      choices: z.array(z.object({ encoding: z.enum(TEXT_ENCODINGS), preview: z.string() })),
    })
    .optional(),
});
export type OpenedDocumentResult = z.infer<typeof OpenedDocumentSchema>;

/** The questions a save can ask before it writes; the renderer asks the user and repeats the call with the answer. */
const SaveAcceptSchema = z
  .object({
    /** Another program changed the file since it was opened: write anyway (覆盖). */
    overwriteChanged: z.boolean(),
    /** Save As onto an existing file (the native dialog asks; the harness prompt does not). */
    replaceExisting: z.boolean(),
    /** The target format cannot keep everything (仍然保存). */
    loss: z.boolean(),
    /** Word seems to have the file open (~$ owner file): write anyway. */
    openElsewhere: z.boolean(),
    /** The text encoding cannot represent some characters: save as UTF-8 instead. */
    encodingFallback: z.boolean(),
    /** The file is read-only: replace it anyway (it stays read-only). */
    readOnly: z.boolean(),
  })
  .partial()
  .strict();
export type SaveAccept = z.infer<typeof SaveAcceptSchema>;

const SaveRequestSchema = z
  .object({
    path: FilePath,
    doc: DocumentSchema,
    source: DocumentSourceSchema.nullable(),
    accept: SaveAcceptSchema,
  })
  .strict();
export type SaveRequest = z.infer<typeof SaveRequestSchema>;

const SaveOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), source: DocumentSourceSchema, name: z.string() }),
  z.object({ status: z.literal('exists') }),
  z.object({ status: z.literal('changed') }),
  z.object({ status: z.literal('loss'), losses: z.array(z.string()) }),
  z.object({ status: z.literal('open-elsewhere'), owner: z.string() }),
  z.object({ status: z.literal('read-only') }),
  z.object({ status: z.literal('unencodable'), encoding: z.enum(TEXT_ENCODINGS), characters: z.string() }),
]);
export type SaveOutcome = z.infer<typeof SaveOutcomeSchema>;

const BackupId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/);

/** Unsaved edits of one document, written to the user-data folder ~1 s after typing stops. */
const BackupSchema = z
  .object({
    id: BackupId,
    name: z.string().max(1024),
    source: DocumentSourceSchema.nullable(),
    doc: DocumentSchema,
  })
  .strict();
export type Backup = z.infer<typeof BackupSchema>;

/** Names a block across the writes of one backup stream (the editor's node key). */
const BlockKey = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);

/**
 * A backup written as what changed since the previous write of the same stream (one renderer's
 * edits of one document): the blocks in order by key, and the models of the blocks that are new
 * or changed since write `base` (base 0: every block, a whole document). The service answers
 * `written: false`, and writes nothing, when it does not hold write `base` of that stream (it
 * restarted, the backup was discarded, an earlier write failed): the renderer then sends the
 * whole document. A `partial` write only hands over blocks for the next write (a large change
 * goes in several smaller requests): it has no order and writes no file.
 */
const BackupUpdateSchema = z
  .object({
    id: BackupId,
    name: z.string().max(1024),
    source: DocumentSourceSchema.nullable(),
    meta: DocumentMetaSchema,
    stream: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
    base: z.number().int().min(0),
    revision: z.number().int().min(1),
    order: z.array(BlockKey).max(MAX_DOCUMENT_PARTS),
    blocks: z.array(z.tuple([BlockKey, BlockSchema])).max(MAX_DOCUMENT_PARTS),
    partial: z.literal(true).optional(),
  })
  .strict()
  .refine((u) => u.revision > u.base, 'revision must follow base')
  .refine((u) => !u.partial || u.order.length === 0, 'a partial write has no order');
export type BackupUpdate = z.infer<typeof BackupUpdateSchema>;

const BackupSummarySchema = z.object({
  id: BackupId,
  name: z.string(),
  path: z.string().nullable(),
  savedAt: z.number(),
  chars: z.number().int(),
  /** The backup file cannot be read (damaged): it can only be discarded. */
  damaged: z.boolean().optional(),
});
export type BackupSummary = z.infer<typeof BackupSummarySchema>;

/** What to export and where: Word (公文 or 通用 template) or plain text; options come from settings. */
const ExportRequest = z
  .object({
    path: FilePath,
    format: z.enum(['docx', 'txt']),
    /** Word template; default: the one in the settings. */
    template: z.enum(['gbt9704', 'plain']).optional(),
    /** The 公文's format (文件/信函/命令/纪要, GB/T 9704 §10); default: the one the document's 标志 names. */
    documentFormat: z.enum(GBT_FORMATS).optional(),
  })
  .strict();
export type ExportRequest = z.infer<typeof ExportRequest>;
const ExportResult = z.object({ path: z.string(), bytes: z.number() });

const SuggestQuerySchema = z
  .object({
    /** The paragraph's text before the caret (its last characters are enough). */
    before: z.string().max(256),
    mode: z.enum(['ghost', 'list']),
    k: z.number().int().min(1).max(10).optional(),
  })
  .strict();

const SuggestionSchema = z.object({
  /** The continuation only; placeholders as SLOT (U+E000). */
  text: z.string(),
  confidence: z.number(),
  documents: z.number().int(),
  source: z.string(),
  sourceKind: z.enum(['corpus', 'phrasebook', 'current']),
});
export type SuggestionData = z.infer<typeof SuggestionSchema>;

const SuggestResultSchema = z.object({
  context: z.string(),
  suggestions: z.array(SuggestionSchema),
  ghost: SuggestionSchema.nullable(),
});

/** The open document is indexed for the current-document boost up to this many characters. */
export const MAX_CURRENT_DOCUMENT_CHARS = 2_000_000;

/** A line of the open document is sent for the boost up to this length (a longer one is left out). */
export const MAX_CURRENT_DOCUMENT_LINE = 200_000;

/**
 * A change of the open document for the current-document boost (shared/suggest/currentDocument.ts):
 * the blocks to index in order by key, and the lines of those new or changed since the previous
 * change (all of them when `reset`).
 */
const SuggestionDocumentChangeSchema = z
  .object({
    reset: z.boolean(),
    order: z.array(BlockKey).max(MAX_DOCUMENT_PARTS),
    blocks: z.array(z.tuple([BlockKey, z.array(z.string().max(MAX_CURRENT_DOCUMENT_LINE))])).max(MAX_DOCUMENT_PARTS),
  })
  .strict()
  .refine((d) => d.blocks.reduce((n, [, lines]) => n + lines.length, 0) <= MAX_DOCUMENT_PARTS, '段落过多')
  .refine((d) => d.blocks.reduce((n, [, lines]) => lines.reduce((m, l) => m + l.length, n), 0) <= MAX_CURRENT_DOCUMENT_CHARS, '文档过大');

const CorpusStatusSchema = z.object({
  state: z.enum(['indexing', 'ready', 'error']),
  progress: z.number(),
  phase: z.string(),
  folders: z.array(z.string()),
  missingFolders: z.array(z.string()),
  documents: z.number().int(),
  characters: z.number().int(),
  duplicates: z.number().int(),
  failed: z.array(z.object({ path: z.string(), message: z.string() })),
  phrases: z.number().int(),
  builtAt: z.number().nullable(),
  fromCache: z.boolean(),
  message: z.string().optional(),
});

export const apiCalls = {
  getAppInfo: call(z.tuple([]), AppInfo),
  getSettings: call(z.tuple([]), SettingsSchema),
  updateSettings: call(z.tuple([SettingsPatchSchema]), SettingsSchema),
  listRecentFiles: call(z.tuple([]), z.array(z.string())),
  clearRecentFiles: call(z.tuple([]), z.null()),
  /** Title and dirty flag of the open document, for the title bar and the close handshake. */
  setWindowState: call(z.tuple([WindowState]), z.null()),
  /** The renderer has dealt with unsaved changes (saved or discarded): close now. */
  confirmClose: call(z.tuple([]), z.null()),
  /** Files named on the command line or by the OS at start, not yet opened. */
  takeStartupFiles: call(z.tuple([]), z.array(FilePath)),
  /** Reads a .wgd/.docx/.txt file (optionally forcing a text encoding) and adds it to the recent files. */
  openDocument: call(z.tuple([FilePath, z.object({ encoding: z.enum(TEXT_ENCODINGS).optional() }).strict().optional()]), OpenedDocumentSchema),
  /** Writes the document atomically in the format of the path's extension, or says what must be asked first. */
  saveDocument: call(z.tuple([SaveRequestSchema]), SaveOutcomeSchema),
  /** The file's current stamp (null if it no longer exists), to notice changes made by other programs. */
  statDocument: call(z.tuple([FilePath]), FileStampSchema.nullable()),
  writeBackup: call(z.tuple([BackupSchema]), z.null()),
  /** Writes the backup from the blocks changed since the stream's previous write (see BackupUpdateSchema). */
  updateBackup: call(z.tuple([BackupUpdateSchema]), z.object({ written: z.boolean() })),
  /** Backups left by a session that ended without saving or discarding (a crash, a kill). */
  listBackups: call(z.tuple([]), z.array(BackupSummarySchema)),
  readBackup: call(z.tuple([BackupId]), BackupSchema),
  discardBackup: call(z.tuple([BackupId]), z.null()),
  /** The native 打开 dialog (Electron only; the web harness asks for a path in the page). */
  chooseOpenPath: call(z.tuple([z.object({ defaultPath: FilePath.optional() }).strict()]), FilePath.nullable()),
  /** The native 另存为 dialog (Electron only). */
  chooseSavePath: call(z.tuple([z.object({ defaultPath: FilePath, format: z.enum(DOCUMENT_FORMATS) }).strict()]), FilePath.nullable()),
  /** A picture the open document shows (InlineObject.rel) from its source .docx (DocumentSource.package), as a data: image URL; null when it cannot be shown. */
  getSourcePicture: call(z.tuple([z.object({ package: z.string().regex(/^[0-9a-f]{64}$/), rel: z.string().min(1).max(255) }).strict()]), z.string().nullable()),
  /** The headers, footers, sections and comments of the open document's source .docx (DocumentSource.package), for the read-only 页眉页脚与批注 panel; null when the package is no longer kept. */
  getSourceStories: call(z.tuple([z.object({ package: z.string().regex(/^[0-9a-f]{64}$/) }).strict()]), DocumentStoriesSchema.nullable()),
  /** Writes the document as .docx or .txt (atomically) with the export settings. */
  exportDocument: call(z.tuple([DocumentSchema, ExportRequest]), ExportResult),
  /** Prints the window's print view (already rendered by the renderer) to a PDF file. Electron only. */
  exportPdf: call(z.tuple([z.object({ path: FilePath }).strict()]), ExportResult),
  /** The native "save as" dialog for an export; null when cancelled or where no native dialog exists (web). */
  chooseExportPath: call(z.tuple([z.object({ defaultPath: FilePath, format: z.enum(['docx', 'txt', 'pdf']) }).strict()]), FilePath.nullable()),
  /** Phrase suggestions for the text before the caret (answered by the suggestion worker). */
  suggest: call(z.tuple([SuggestQuerySchema]), SuggestResultSchema),
  /** What changed in the open document, for the current-document boost (sent when typing pauses); `applied: false`: send everything. */
  updateSuggestionDocument: call(z.tuple([SuggestionDocumentChangeSchema]), z.object({ applied: z.boolean() })),
  /** The user accepted (Tab) or dismissed (Esc) a suggestion. */
  recordSuggestion: call(z.tuple([z.object({ text: z.string().min(1).max(400), accepted: z.boolean() }).strict()]), z.null()),
  getCorpusStatus: call(z.tuple([]), CorpusStatusSchema),
  /** Adds corpus folders (each must exist); reindexes in the background. */
  addCorpusFolders: call(z.tuple([z.array(FilePath).min(1).max(50)]), SettingsSchema),
  removeCorpusFolder: call(z.tuple([FilePath]), SettingsSchema),
  /** Rebuilds the phrase index from scratch (ignoring the cache). */
  rebuildCorpusIndex: call(z.tuple([]), z.null()),
  /** A native folder picker; null where the shell has none (web harness: the renderer asks for a path). */
  chooseFolders: call(z.tuple([]), z.array(FilePath).nullable()),
  /**
   * The user's 提法 file (tifa.json in the user-data folder), which extends the built-in data of
   * the proofreader: its path, its content (null when there is none or it is invalid) and why not.
   */
  getProofreadData: call(z.tuple([]), z.object({ path: z.string(), data: TifaDataSchema.nullable(), error: z.string().nullable() })),
} as const;

// The zod-free list of names in ./names.ts must be exactly the contract's keys.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const callNamesMatch: SameKeys<keyof typeof apiCalls, ApiCallName> = true;
const eventNamesMatch: SameKeys<keyof apiEventsForCheck, ApiEventName> = true;
void callNamesMatch;
void eventNamesMatch;

export type ApiArgs<K extends ApiCallName> = z.input<(typeof apiCalls)[K]['args']>;
export type ApiResult<K extends ApiCallName> = z.output<(typeof apiCalls)[K]['result']>;

/** Events from the main side to the renderer. */
export const apiEvents = {
  /** A menu item or a shell-level shortcut. */
  command: z.object({ command: z.enum(APP_COMMANDS) }),
  /** Open this file (second instance, OS file association, recent-files menu, drag onto dock). */
  openFile: z.object({ path: FilePath }),
  /** The user asked to close the window while the document has unsaved changes. */
  closeRequested: z.object({}),
  /** Progress and results of indexing the corpus. */
  corpusStatus: CorpusStatusSchema,
} as const;

type apiEventsForCheck = typeof apiEvents;
export type ApiEventPayload<E extends ApiEventName> = z.output<(typeof apiEvents)[E]>;

export type WengaoApi = {
  [K in ApiCallName]: (...args: ApiArgs<K>) => Promise<ApiResult<K>>;
} & {
  on<E extends ApiEventName>(event: E, listener: (payload: ApiEventPayload<E>) => void): () => void;
};



/** The renderer-side error for a failed call; carries the service's code. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}


export function isApiCallName(name: unknown): name is ApiCallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiCalls, name);
}

export type ArgsCheck = { ok: true; args: unknown[] } | { ok: false; message: string };

/** Validates a call's name and arguments against the contract. */
export function checkCall(name: unknown, args: unknown): ArgsCheck {
  if (!isApiCallName(name)) return { ok: false, message: `unknown call: ${String(name).slice(0, 64)}` };
  const parsed = apiCalls[name].args.safeParse(args);
  if (!parsed.success) {
    // Shown to the user: a message of ours (Chinese) as it is, never zod's English; the path is for a bug report.
    const issue = parsed.error.issues[0];
    if (issue && /[\u4e00-\u9fff]/.test(issue.message)) return { ok: false, message: issue.message };
    return { ok: false, message: `文稿内部出错：请求的内容不符合要求（${name}${issue?.path.length ? ` ${issue.path.join('.')}` : ''}），未执行。您的文档没有改动。` };
  }
  return { ok: true, args: parsed.data as unknown[] };
}

/** Turns a handler's outcome into an envelope. Only UserError messages reach the user verbatim. */
export async function toEnvelope<T>(run: () => Promise<T> | T): Promise<Envelope<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (e) {
    if (e instanceof UserError) return { ok: false, error: { code: e.code, message: e.message } };
    return { ok: false, error: { code: 'internal', message: `内部错误：${e instanceof Error ? e.message : String(e)}` } };
  }
}

export function unwrapEnvelope<T>(env: Envelope<T>): T {
  if (env.ok) return env.value;
  throw new ApiError(env.error.code, env.error.message);
}

/**
 * Builds the renderer's typed API over any transport: calls return their value or throw an
 * ApiError with the service's code. Used over the preload bridge and over HTTP alike.
 */
export function createApiClient(invoke: Invoke, subscribe: Subscribe): WengaoApi {
  const api: Record<string, unknown> = {};
  for (const name of API_CALL_NAMES) {
    api[name] = async (...args: unknown[]) => unwrapEnvelope(await invoke(name, args));
  }
  const sub = checkedSubscribe(subscribe);
  api.on = (event: ApiEventName, listener: (payload: unknown) => void) =>
    sub(event, (payload) => {
      const parsed = apiEvents[event].safeParse(payload);
      if (parsed.success) listener(parsed.data);
    });
  return api as WengaoApi;
}

export function clientFromBridge(bridge: WengaoBridge): WengaoApi {
  return createApiClient(
    (name, args) => (bridge[name] as (...a: unknown[]) => Promise<Envelope<unknown>>)(...args),
    (event, listener) => bridge.on(event, listener),
  );
}

/** Checks and runs calls against a set of handlers: the one gate both shells put in front of
 * their services. Unknown calls and invalid arguments never reach a handler. */
export function createDispatcher(handlers: ApiHandlers) {
  return async (name: unknown, args: unknown): Promise<Envelope<unknown>> => {
    const check = checkCall(name, args);
    if (!check.ok) return { ok: false, error: { code: 'invalid-call', message: check.message } };
    const handler = handlers[name as ApiCallName] as (...a: unknown[]) => unknown;
    return toEnvelope(() => handler(...check.args));
  };
}

/** The handlers a shell binds: one async function per call, arguments already validated. */
export type ApiHandlers = {
  [K in ApiCallName]: (...args: z.output<(typeof apiCalls)[K]['args']>) => Promise<ApiResult<K>> | ApiResult<K>;
};

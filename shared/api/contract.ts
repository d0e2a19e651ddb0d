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
import { z } from 'zod';
import { SettingsPatchSchema, SettingsSchema } from '../settings';
import { APP_COMMANDS } from '../commands';
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

const FilePath = z.string().min(1).max(32767);

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

/** The open document's paragraphs for the current-document boost (at most 2 million characters). */
const SuggestionDocumentSchema = z
  .object({ paragraphs: z.array(z.string().max(200_000)).max(50_000) })
  .strict()
  .refine((d) => d.paragraphs.reduce((n, p) => n + p.length, 0) <= 2_000_000, '文档过大');

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
  /** Phrase suggestions for the text before the caret (answered by the suggestion worker). */
  suggest: call(z.tuple([SuggestQuerySchema]), SuggestResultSchema),
  /** The open document, for the current-document boost (sent when typing pauses). */
  setSuggestionDocument: call(z.tuple([SuggestionDocumentSchema]), z.null()),
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


/** Errors a user can cause. `message` is shown to the user as is (Chinese). */
export class UserError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

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
    const issue = parsed.error.issues[0];
    return { ok: false, message: `invalid arguments for ${name}: ${issue ? `${issue.path.join('.')} ${issue.message}` : ''}` };
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

/**
 * What the file commands do: open (with the discard question), new, save and save as (asking
 * what the files service says must be asked), reload after an outside change, reopen with
 * another encoding, backups of unsaved edits and their restoration after a crash.
 */
import type { LexicalEditor } from 'lexical';
import { analyzeAnatomy } from '../../shared/anatomy/anatomy';
import type { BackupSummary, DocumentFormat, DocumentSource, SaveAccept, SaveOutcome } from '../../shared/api/contract';
import { paragraphText, type WgDocument } from '../../shared/model/document';
import { ENCODING_LABELS, type TextEncoding } from '../../shared/text/encodings';
import { api } from '../api';
import { reportError } from '../app/commands';
import { confirmDiscardChanges } from '../app/confirmDiscard';
import { ask, isDialogOpen, notify } from '../app/dialogs';
import { UNTITLED, markClean, session } from '../app/session';
import { loadDocument, newDocumentModel, readDocument } from '../editor/Editor';
import { blockModelsOf } from '../editor/blockModels';
import { BackupStream } from './backupStream';
import { editCount, fileStore, newBackupId } from './fileState';
import { basename, dirname, extname, joinPath, withExtension } from './paths';
import { chooseSaveTarget } from './pickPath';

const SAVABLE = ['.wgd', '.docx', '.txt'];
const FORMAT_NAMES: Record<DocumentFormat, string> = { wgd: '文稿文档（.wgd）', docx: 'Word 文档（.docx）', txt: '纯文本（.txt）' };

// ---------- backups ----------

/** A backup is written this long after typing stops… */
const BACKUP_DELAY_MS = 1000;
/** …and at the latest this long after the first edit it does not hold yet, while typing goes on. */
const BACKUP_MAX_WAIT_MS = 3000;
let backupTimer: ReturnType<typeof setTimeout> | undefined;
/** When the oldest edit not yet in a backup must be written by (0: none waiting). */
let backupDeadline = 0;
/** Backup writes and discards run one after another, in the order asked (HTTP may reorder requests). */
let backupQueue: Promise<unknown> = Promise.resolve();
let backupWarned = false;
/** A write is on its way; edits meanwhile ask for one more write, of the latest text, after it. */
let backupWriting = false;
let backupAgain = false;

function queueBackup(op: () => Promise<unknown>): Promise<void> {
  const next = backupQueue.then(op, op);
  backupQueue = next.catch(() => {});
  return next.then(() => undefined);
}

/**
 * Called on every edit: writes a backup about a second after typing stops, and at least every
 * few seconds while it goes on (a crash in the middle of steady typing loses at most that).
 */
export function scheduleBackup(editor: LexicalEditor): void {
  const now = Date.now();
  if (backupDeadline === 0) backupDeadline = now + BACKUP_MAX_WAIT_MS;
  clearTimeout(backupTimer);
  backupTimer = setTimeout(() => {
    backupTimer = undefined;
    void writeBackupNow(editor);
  }, Math.max(0, Math.min(BACKUP_DELAY_MS, backupDeadline - now)));
}

function cancelScheduledBackup(): void {
  clearTimeout(backupTimer);
  backupTimer = undefined;
  backupDeadline = 0;
}

/** Each backup sends only the blocks changed since the previous one. */
const backupStream = new BackupStream(
  (u) => api.updateBackup(u),
  () => new Promise((resolve) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 250 }) : setTimeout(resolve, 0))),
);

async function writeBackupNow(editor: LexicalEditor): Promise<void> {
  // An open IME composition is not text yet: back up right after it is committed.
  if (editor.isComposing()) return void (backupTimer = setTimeout(() => void writeBackupNow(editor), 100));
  backupDeadline = 0;
  if (backupWriting) {
    backupAgain = true;
    return;
  }
  if (!session.get().dirty) return;
  const { backupId, source, meta } = fileStore.get();
  // Only the blocks changed since the last backup are read from the editor and sent.
  const snapshot = blockModelsOf(editor).read();
  const backup = { id: backupId, name: session.get().name, source, meta };
  backupWriting = true;
  await queueBackup(() => backupStream.write(backup, snapshot)).catch((e: unknown) => {
    if (backupWarned) return;
    backupWarned = true;
    notify(`无法写入自动备份（${e instanceof Error ? e.message : String(e)}）。请及时保存。`, 'warning');
  });
  backupWriting = false;
  if (backupAgain) {
    backupAgain = false;
    await writeBackupNow(editor);
  }
}

function discardBackup(id: string): Promise<void> {
  return queueBackup(() => api.discardBackup(id)).catch(() => {});
}

/** The window is closing after the user saved or chose 不保存: its backup is no longer needed. */
export function discardCurrentBackup(): Promise<void> {
  cancelScheduledBackup();
  return discardBackup(fileStore.get().backupId);
}

// ---------- replacing the document ----------

function replaceDocument(editor: LexicalEditor, doc: WgDocument, source: DocumentSource | null, name: string, opts: { dirty?: boolean; backupId?: string } = {}): void {
  const previous = fileStore.get().backupId;
  const backupId = opts.backupId ?? newBackupId();
  cancelScheduledBackup();
  loadDocument(editor, doc);
  fileStore.set({ source, meta: doc.meta, backupId, acceptedLosses: [], dismissedStamp: null });
  session.set({ name, path: source?.path ?? null, dirty: opts.dirty ?? false });
  if (previous !== backupId) void discardBackup(previous);
}

export async function newDocument(editor: LexicalEditor): Promise<void> {
  if (!(await confirmDiscardChanges())) return;
  replaceDocument(editor, newDocumentModel(), null, UNTITLED);
}

/** 新建 from a 文种's template: an untitled document, never saved (saving asks where). False if the user kept the open one. */
export async function newDocumentFrom(editor: LexicalEditor, doc: WgDocument): Promise<boolean> {
  if (!(await confirmDiscardChanges())) return false;
  replaceDocument(editor, doc, null, UNTITLED);
  return true;
}

/**
 * Opens a file; false when it could not be read or the user kept the open document. The file is
 * read first, so a file that cannot be opened never asks about the unsaved changes.
 */
export async function openDocumentAt(editor: LexicalEditor, file: string, opts: { encoding?: TextEncoding; askToDiscard?: boolean } = {}): Promise<boolean> {
  let opened;
  try {
    opened = await api.openDocument(file, opts.encoding ? { encoding: opts.encoding } : {});
  } catch (e) {
    reportError(e);
    return false;
  }
  if (opened.encodingGuess && !opts.encoding) {
    // A short text whose encoding the bytes do not settle: the user picks the reading that makes sense.
    const { message, choices } = opened.encodingGuess;
    const choice = await ask({
      title: '选择编码',
      message,
      buttons: [...choices.map((c, i) => button(c.encoding, `${ENCODING_LABELS[c.encoding]}：${c.preview}`, i === 0)), button('cancel', '取消')],
      cancelId: 'cancel',
    });
    if (choice === 'cancel') return false;
    if (choice !== choices[0]!.encoding) return openDocumentAt(editor, file, { ...opts, encoding: choice as TextEncoding });
  }
  if ((opts.askToDiscard ?? true) && !(await confirmDiscardChanges())) return false;
  replaceDocument(editor, opened.doc, opened.source, opened.name);
  for (const n of opened.notices) notify(n, 'warning', 12_000);
  return true;
}

export async function reopenWithEncoding(editor: LexicalEditor, encoding: TextEncoding): Promise<void> {
  const file = fileStore.get().source?.path;
  if (!file) return;
  if (session.get().dirty) {
    const choice = await ask({
      title: '重新打开',
      message: `以 ${ENCODING_LABELS[encoding]} 编码重新打开“${session.get().name}”将放弃未保存的修改。`,
      buttons: [
        { id: 'reopen', label: '重新打开' },
        { id: 'cancel', label: '取消', primary: true },
      ],
      cancelId: 'cancel',
    });
    if (choice !== 'reopen') return;
  }
  await openDocumentAt(editor, file, { encoding, askToDiscard: false });
}

function reloadFromDisk(editor: LexicalEditor): Promise<boolean> {
  const { source } = fileStore.get();
  if (!source?.path) return Promise.resolve(false);
  return openDocumentAt(editor, source.path, { askToDiscard: false, encoding: source.format === 'txt' ? source.text?.encoding : undefined });
}

// ---------- saving ----------

let saveQueue: Promise<unknown> = Promise.resolve();
let savesInFlight = 0;

/**
 * A file name for a new document: its title as the anatomy finds it (a 公文's first line is often
 * its 份号 or 标志), else its first line, as Word suggests one.
 */
function suggestedName(doc: WgDocument): string {
  const clean = (t: string) => t.replace(/[\\/:*?"<>|\r\n\t]/g, '').trim();
  const { parts } = analyzeAnatomy(doc.blocks);
  const titleAt = parts.indexOf('title');
  if (titleAt >= 0) {
    let title = '';
    for (let i = titleAt; i < doc.blocks.length && parts[i] === 'title'; i++) {
      const b = doc.blocks[i]!;
      if (b.type === 'paragraph') title += clean(paragraphText(b));
    }
    if (title) return title.slice(0, 40);
  }
  for (const b of doc.blocks) {
    if (b.type !== 'paragraph') continue;
    const text = clean(paragraphText(b));
    if (text) return text.slice(0, 40);
  }
  return UNTITLED;
}

async function pickSaveTarget(doc: WgDocument, format: DocumentFormat | undefined): Promise<{ path: string; confirmed: boolean } | null> {
  const { source } = fileStore.get();
  const fmt = format ?? source?.format ?? 'docx';
  const ext = `.${fmt}`;
  let defaultPath: string;
  if (source?.path) defaultPath = withExtension(source.path, ext);
  else {
    const recent = await api.listRecentFiles().catch(() => [] as string[]);
    const name = `${session.get().name === UNTITLED ? suggestedName(doc) : withExtension(session.get().name, '')}${ext}`;
    defaultPath = recent[0] ? joinPath(dirname(recent[0]), name) : name;
  }
  const chosen = await chooseSaveTarget(defaultPath, fmt);
  if (!chosen) return null;
  // Some native dialogs (GTK) do not add the extension of the chosen filter.
  if (!SAVABLE.includes(extname(chosen.path))) return { path: `${chosen.path}${ext}`, confirmed: false };
  return chosen;
}

function applySaved(outcome: Extract<SaveOutcome, { status: 'saved' }>, editsAtStart: number): void {
  fileStore.set((s) => ({ ...s, source: outcome.source, dismissedStamp: null }));
  session.set((s) => ({ ...s, name: outcome.name, path: outcome.source.path }));
  // Typing that happened while the file was being written is not in it: stay dirty, keep the backup.
  if (editCount() === editsAtStart) {
    markClean();
    void discardCurrentBackup();
  }
}

const button = (id: string, label: string, primary = false) => ({ id, label, primary });

async function saveNow(editor: LexicalEditor, saveAs: boolean, format?: DocumentFormat): Promise<boolean> {
  const state = fileStore.get();
  const editsAtStart = editCount();
  const doc = readDocument(editor, state.meta);
  const accept: SaveAccept = {};
  let target: string;
  if (!saveAs && state.source?.path) target = state.source.path;
  else {
    const chosen = await pickSaveTarget(doc, format);
    if (!chosen) return false;
    target = chosen.path;
    if (chosen.confirmed) accept.replaceExisting = true;
  }
  const name = basename(target);
  for (;;) {
    let outcome: SaveOutcome;
    try {
      outcome = await api.saveDocument({ path: target, doc, source: state.source, accept });
    } catch (e) {
      reportError(e);
      return false;
    }
    switch (outcome.status) {
      case 'saved':
        applySaved(outcome, editsAtStart);
        return true;
      case 'exists': {
        const choice = await ask({ title: '另存为', message: `“${name}”已存在。要替换它吗？`, buttons: [button('replace', '替换'), button('cancel', '取消', true)], cancelId: 'cancel' });
        if (choice !== 'replace') return false;
        accept.replaceExisting = true;
        break;
      }
      case 'changed': {
        const choice = await ask({
          title: '文件已被修改',
          message: `“${name}”在文稿打开它之后已被其他程序修改。覆盖将丢失那些修改；重新加载将丢失您在文稿中的修改。`,
          buttons: [button('reload', '重新加载'), button('overwrite', '覆盖'), button('saveAs', '另存为…', true), button('cancel', '取消')],
          cancelId: 'cancel',
        });
        if (choice === 'reload') {
          await reloadFromDisk(editor);
          return false;
        }
        if (choice === 'saveAs') return saveNow(editor, true);
        if (choice !== 'overwrite') return false;
        accept.overwriteChanged = true;
        break;
      }
      case 'loss': {
        if (outcome.losses.every((l) => fileStore.get().acceptedLosses.includes(l))) {
          accept.loss = true;
          break;
        }
        const fmt = extname(target).slice(1) as DocumentFormat;
        const choice = await ask({
          title: '保存',
          message: `保存为${FORMAT_NAMES[fmt]}将丢失：${outcome.losses.join('、')}。要完整保留，请另存为文稿文档（.wgd）。`,
          buttons: [button('wgd', '另存为 .wgd…', true), button('anyway', '仍然保存'), button('cancel', '取消')],
          cancelId: 'cancel',
        });
        if (choice === 'wgd') return saveNow(editor, true, 'wgd');
        if (choice !== 'anyway') return false;
        fileStore.set((s) => ({ ...s, acceptedLosses: [...new Set([...s.acceptedLosses, ...outcome.losses])] }));
        accept.loss = true;
        break;
      }
      case 'open-elsewhere': {
        const choice = await ask({
          title: '文件可能正在使用',
          message: `“${name}”似乎正在 Word 或 WPS 中打开。覆盖它可能使对方的修改丢失，或因文件被占用而失败。`,
          buttons: [button('anyway', '仍然保存'), button('saveAs', '另存为…', true), button('cancel', '取消')],
          cancelId: 'cancel',
        });
        if (choice === 'saveAs') return saveNow(editor, true);
        if (choice !== 'anyway') return false;
        accept.openElsewhere = true;
        break;
      }
      case 'read-only': {
        const choice = await ask({
          title: '只读文件',
          message: `“${name}”是只读文件。要保存修改，请用新的文件名另存；也可以覆盖它（它仍保持只读）。`,
          buttons: [button('saveAs', '另存为…', true), button('overwrite', '仍然覆盖'), button('cancel', '取消')],
          cancelId: 'cancel',
        });
        if (choice === 'saveAs') return saveNow(editor, true);
        if (choice !== 'overwrite') return false;
        accept.readOnly = true;
        break;
      }
      case 'unencodable': {
        const choice = await ask({
          title: '编码不支持',
          message: `“${name}”使用 ${ENCODING_LABELS[outcome.encoding]} 编码，它无法保存这些字符：${outcome.characters}。按原编码保存会把它们变成乱码。改用 UTF-8 编码保存可以保留全部文字（较旧的程序可能需要选择编码才能正确打开）。`,
          buttons: [button('utf8', '改用 UTF-8 保存', true), button('saveAs', '另存为…'), button('cancel', '取消')],
          cancelId: 'cancel',
        });
        if (choice === 'saveAs') return saveNow(editor, true);
        if (choice !== 'utf8') return false;
        accept.encodingFallback = true;
        break;
      }
    }
  }
}

/** Saves (or saves as); resolves true only when the document was written. Saves run one at a time. */
export function saveDocument(editor: LexicalEditor, saveAs = false): Promise<boolean> {
  savesInFlight++;
  const run = saveQueue.then(() => saveNow(editor, saveAs));
  saveQueue = run.catch(() => {});
  return run.finally(() => savesInFlight--);
}

// ---------- outside changes and crash recovery ----------

let missingNoticeFor: string | null = null;

/** When the window regains focus: has another program changed or removed the file? */
export async function checkOutsideChange(editor: LexicalEditor): Promise<void> {
  const { source, dismissedStamp } = fileStore.get();
  if (!source?.path || !source.stamp || savesInFlight > 0 || isDialogOpen()) return;
  const now = await api.statDocument(source.path).catch(() => undefined);
  if (now === undefined || fileStore.get().source !== source) return;
  const name = session.get().name;
  if (now === null) {
    if (missingNoticeFor !== source.path) notify(`“${name}”已被移动或删除。保存时将在原位置重新创建它。`, 'warning');
    missingNoticeFor = source.path;
    return;
  }
  missingNoticeFor = null;
  const same = (a: { mtimeMs: number; size: number } | null) => a !== null && a.mtimeMs === now.mtimeMs && a.size === now.size;
  if (same(source.stamp) || same(dismissedStamp)) return;
  const dirty = session.get().dirty;
  const choice = await ask({
    title: '文件已被修改',
    message: dirty ? `“${name}”已被其他程序修改。重新加载将放弃您在文稿中尚未保存的修改。` : `“${name}”已被其他程序修改。要重新加载吗？`,
    buttons: [button('reload', '重新加载', !dirty), button('keep', dirty ? '保留我的修改' : '保留当前内容', dirty)],
    cancelId: 'keep',
  });
  if (choice === 'reload') await reloadFromDisk(editor);
  else fileStore.set((s) => ({ ...s, dismissedStamp: now }));
}

/** At start: offers to restore each document a crash or a kill left unsaved (`list`: api.listBackups()). */
export async function offerBackups(editor: LexicalEditor, list: BackupSummary[]): Promise<void> {
  let restored = false;
  for (const b of list) {
    const when = new Date(b.savedAt).toLocaleString('zh-CN', { hour12: false });
    if (b.damaged) {
      const choice = await ask({
        title: '自动备份已损坏',
        message: `“${b.name}”的自动备份（${when}）已损坏，无法恢复。要删除这份备份吗？`,
        buttons: [button('discard', '删除备份', true), button('later', '以后再说')],
        cancelId: 'later',
      });
      if (choice === 'discard') await discardBackup(b.id);
      continue;
    }
    const message = `文稿上次没有正常关闭。“${b.name}”有未保存的修改（备份于 ${when}，${b.chars.toLocaleString('zh-CN')} 字）。`;
    const choice = await ask({
      title: '恢复未保存的文稿',
      message: restored ? `${message}\n已恢复了另一份文稿；这一份可在下次启动时恢复。` : `${message}是否恢复？`,
      buttons: restored ? [button('later', '以后再说', true), button('discard', '放弃')] : [button('restore', '恢复', true), button('discard', '放弃'), button('later', '以后再说')],
      cancelId: 'later',
    });
    if (choice === 'discard') await discardBackup(b.id);
    if (choice !== 'restore') continue;
    // What the user typed before the question came is not replaced without asking (取消: the backup stays).
    if (!(await confirmDiscardChanges())) continue;
    try {
      const backup = await api.readBackup(b.id);
      replaceDocument(editor, backup.doc, backup.source, backup.name, { dirty: true, backupId: backup.id });
      restored = true;
      notify(`已恢复“${backup.name}”，请及时保存。`, 'info');
    } catch (e) {
      reportError(e);
    }
  }
}


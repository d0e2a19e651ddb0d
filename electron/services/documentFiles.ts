/**
 * Document files on disk: THE entry points for reading a .txt/.docx/.wgd file into the document
 * model (`readDocumentFile`: the app, the CLI and the corpus indexer all use it) and for writing
 * the model back (`saveDocumentFile`). Dispatches on the file extension, checks what the bytes
 * really are, caps sizes, and turns every problem a user can cause into a Chinese message.
 *
 * Saving never loses work silently: it writes atomically (temp file, fsync, rename), and before
 * writing it reports what must be asked first — another program changed the file, the target
 * format cannot keep everything, Word has the file open, the text encoding cannot represent
 * some characters. The caller asks the user and repeats the call with the answer.
 */
import { closeSync, fstatSync, openSync, promises as fs, readFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { DocumentFormat, DocumentSource, FileStamp, SaveOutcome, SaveRequest, TextSource } from '../../shared/api/contract';
import { UserError } from '../../shared/api/errors';
import type { StoryMarks } from '../../shared/docx/elements/storyMarks';
import { containerName, sniffContainer } from '../../shared/files/sniff';
import { documentSize, type WgDocument } from '../../shared/model/document';
import { MAX_DOCUMENT_CHARS, tooLargeMessage } from '../../shared/model/limits';
import { ENCODING_LABELS, decodeText, looksBinary, type TextEncoding } from '../../shared/text/decode';
import { LONG_LINE_CHARS, defaultTextLayout, documentToPlainText, plainTextLosses, plainTextToDocument } from '../../shared/text/plainText';
import { fileErrorMessage, removeStaleTempFiles, writeFileAtomic } from './atomicWrite';
import { memorySourcePackages, type SourcePackages } from './sourcePackages';
import { samePath } from './samePath';
import { encodeText } from './textEncoding';

export type { DocumentFormat };

/** Turns the document model into .docx bytes (the Word writer, shared/docx/write). Injected by the caller. */
export type DocxWriter = (doc: WgDocument) => Promise<Uint8Array> | Uint8Array;

export interface OpenedDocument {
  path: string;
  format: DocumentFormat;
  doc: WgDocument;
  /** Things the importer could not keep, as sentences for the user (已忽略：2 张图片). */
  notices: string[];
  /** Where the document came from, for saving back (encoding, stamp, what saving back would lose). */
  source: DocumentSource;
  /** The file's name, for the title bar. */
  name: string;
  /** The encoding of a short text was a guess: the question to ask (see the contract). */
  encodingGuess?: EncodingGuess;
  /**
   * A .docx: the sections and comment anchors its body read recorded, which listing its stories
   * needs (sourceStories), so that document.xml is not parsed again. Kept by the owner, not sent on.
   */
  storyMarks?: StoryMarks;
}

export interface EncodingGuess {
  message: string;
  choices: Array<{ encoding: TextEncoding; preview: string }>;
}

export interface ReadOptions {
  /** Decode a text file with this encoding instead of detecting it (重新以…编码打开). */
  encoding?: TextEncoding;
  /** Where the .docx packages documents come from are kept (default: in memory). */
  sources?: SourcePackages;
}

/**
 * Largest files opened, by kind: far above any real 公文, low enough to stay responsive. A .wgd
 * may be as large as Wengao writes one for the largest document the readers accept
 * (MAX_DOCUMENT_CHARS, up to one paragraph or one formatted run a character, ~30–60 bytes
 * each), and below the longest string JavaScript can hold (512M characters).
 */
export const MAX_OPEN_BYTES = {
  txt: 20 * 1024 * 1024,
  wgd: 480 * 1024 * 1024,
  docx: 100 * 1024 * 1024,
} as const;

/** The format a path is saved in, by its extension. */
export function formatOfPath(file: string): DocumentFormat | null {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.txt') return 'txt';
  if (ext === '.docx') return 'docx';
  if (ext === '.wgd') return 'wgd';
  return null;
}

type OpenKind = DocumentFormat | 'word-template' | 'word-legacy';

function openKindOf(file: string): OpenKind | null {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.docm') return 'docx';
  if (ext === '.dotx' || ext === '.dotm') return 'word-template';
  if (ext === '.doc' || ext === '.dot' || ext === '.wps') return 'word-legacy';
  return formatOfPath(file);
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

function readError(e: unknown, file: string): UserError {
  const code = (e as NodeJS.ErrnoException)?.code ?? 'EUNKNOWN';
  const name = path.basename(file);
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new UserError('not-found', `找不到文件“${file}”。它可能已被移动、改名或删除。`);
    case 'EISDIR':
      return new UserError('is-directory', `“${name}”是一个文件夹，不是文稿。`);
    case 'EACCES':
    case 'EPERM':
      return new UserError('permission', `没有权限读取“${name}”。`);
    case 'EBUSY':
      return new UserError('locked', `“${name}”正被其他程序独占使用，暂时无法读取。请关闭占用它的程序后重试。`);
    default:
      return new UserError('io', `无法读取“${name}”（${code}）。`);
  }
}

/** Folders and files over the cap are refused before reading. */
function checkReadable(file: string, st: Stats, cap: number): void {
  if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  if (st.size > cap) {
    throw new UserError('too-large', `“${path.basename(file)}”太大（${sizeText(st.size)}），超过了文稿能打开的上限（${sizeText(cap)}）。`);
  }
}

function withStamp(bytes: Buffer, st: Stats): { bytes: Uint8Array; stamp: FileStamp } {
  return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), stamp: { mtimeMs: st.mtimeMs, size: st.size } };
}

/** Reads the whole file with its stamp, refusing folders and files over the cap before reading. */
async function readWithStamp(file: string, cap: number): Promise<{ bytes: Uint8Array; stamp: FileStamp }> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(file, 'r');
    const st = await handle.stat();
    checkReadable(file, st, cap);
    return withStamp(await handle.readFile(), st);
  } catch (e) {
    throw e instanceof UserError ? e : readError(e, file);
  } finally {
    await handle?.close().catch(() => {});
  }
}

/** readWithStamp without the event loop's round trips (for a thread that reads thousands of small files). */
function readWithStampSync(file: string, cap: number): { bytes: Uint8Array; stamp: FileStamp } {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const st = fstatSync(fd);
    checkReadable(file, st, cap);
    return withStamp(readFileSync(fd), st);
  } catch (e) {
    throw e instanceof UserError ? e : readError(e, file);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function checkLength(doc: WgDocument, name: string): void {
  if (documentSize(doc) > MAX_DOCUMENT_CHARS) throw new UserError('too-large', `${tooLargeMessage(name)}文稿无法打开。`);
}

/** The start of a reading, one line, for choosing between encodings. */
function previewOf(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 24 ? `${line.slice(0, 24)}…` : line;
}

function encodingGuessOf(bytes: Uint8Array, name: string, decoded: ReturnType<typeof decodeText>): EncodingGuess | undefined {
  if (decoded.basis !== 'uncertain' || !decoded.alternatives?.length) return undefined;
  const choices = [decoded.encoding, ...decoded.alternatives].map((encoding) => ({ encoding, preview: previewOf(decodeText(bytes, encoding).text) }));
  return {
    message: `无法确定“${name}”的编码（文字太少）。请选择显示正确的一种；已暂按 ${ENCODING_LABELS[decoded.encoding]} 读取。`,
    choices,
  };
}

/** The notice for a text file whose very long lines are shown as several paragraphs. */
export function longLinesNotice(name: string, lines: number): string {
  return `“${name}”中有 ${lines} 行超过 ${LONG_LINE_CHARS.toLocaleString('zh-CN')} 字，为保证输入流畅，已在句末分段显示；保存为文本文件时仍合并为原来的行，未修改处保持原样。`;
}

function readText(bytes: Uint8Array, name: string, encoding: TextEncoding | undefined): { doc: WgDocument; text: TextSource; notices: string[]; losses: string[]; encodingGuess?: EncodingGuess } {
  const kind = sniffContainer(bytes);
  if (kind === 'zip' || kind === 'ole') {
    throw new UserError('not-text', `“${name}”不是文本文件：它实际上是${containerName(kind)}，只是扩展名为 .txt。如果它是 Word 文档，请把扩展名改回 .docx 后再打开。`);
  }
  if (kind || (!encoding && looksBinary(bytes))) {
    throw new UserError('not-text', `“${name}”不是文本文件${kind ? `（实际上是${containerName(kind)}）` : '（含有二进制数据）'}，文稿无法打开。`);
  }
  const decoded = decodeText(bytes, encoding);
  const { doc, layout } = plainTextToDocument(decoded.text);
  const notices: string[] = [];
  if (layout.longLines) notices.push(longLinesNotice(name, layout.longLines));
  // Saving back would write "�" where those bytes were: saving over the file asks first.
  const losses: string[] = [];
  if (decoded.basis === 'utf16-pattern' || decoded.basis === 'utf16-cjk') {
    notices.push(`“${name}”没有标明编码，已按其字节特征识别为 ${ENCODING_LABELS[decoded.encoding]} 文本打开，保存时仍按此编码写回。如有乱码，请点击状态栏中的编码，选择“重新以…编码打开”。`);
  }
  if (decoded.basis === 'mostly-utf8') {
    notices.push(`“${name}”是 UTF-8 文本，但其中有 ${decoded.invalidSequences} 处字节不符合 UTF-8，已显示为“�”。保存到原文件前会先询问。`);
    losses.push(`${decoded.invalidSequences} 处无法识别的字节（显示为“�”）`);
  } else if (decoded.invalidSequences > 0) {
    notices.push(
      `“${name}”中有 ${decoded.invalidSequences} 处内容不符合 ${ENCODING_LABELS[decoded.encoding]} 编码，已显示为“�”。如有乱码，请点击状态栏中的编码，选择“重新以…编码打开”。`,
    );
    losses.push(`${decoded.invalidSequences} 处无法识别的字节（显示为“�”）`);
  }
  const guess = encodingGuessOf(bytes, name, decoded);
  return { doc, text: { encoding: decoded.encoding, bom: decoded.bom, ...layout }, notices, losses, ...(guess ? { encodingGuess: guess } : {}) };
}

function openedText(file: string, name: string, bytes: Uint8Array, stamp: FileStamp, encoding: TextEncoding | undefined): OpenedDocument {
  const { doc, text, notices, losses, encodingGuess } = readText(bytes, name, encoding);
  checkLength(doc, name);
  return { path: file, name, format: 'txt', doc, notices, source: { path: file, format: 'txt', stamp, text, losses }, ...(encodingGuess ? { encodingGuess } : {}) };
}

/**
 * readDocumentFile for a .txt file, synchronously: the same checks, decoding and messages. For
 * the corpus indexer, which reads thousands of files in its own thread (the promise API's
 * round trips cost it more than reading them).
 */
export function readTextFileSync(file: string): OpenedDocument {
  const name = path.basename(file);
  if (openKindOf(file) !== 'txt') throw new UserError('unsupported-type', `“${name}”不是文本文件（.txt）。`);
  const { bytes, stamp } = readWithStampSync(file, MAX_OPEN_BYTES.txt);
  return openedText(file, name, bytes, stamp, undefined);
}

/**
 * Reads a document file into the model. Bad input (missing, locked, too large, corrupt,
 * encrypted, a .doc, a binary renamed .txt) throws a UserError with a Chinese message.
 */
export async function readDocumentFile(file: string, options: ReadOptions = {}): Promise<OpenedDocument> {
  const name = path.basename(file);
  const kind = openKindOf(file);
  if (!kind) throw new UserError('unsupported-type', `不支持打开“${name}”：文稿能打开 .docx、.txt 和 .wgd 文件。`);
  const cap = kind === 'txt' ? MAX_OPEN_BYTES.txt : kind === 'wgd' ? MAX_OPEN_BYTES.wgd : MAX_OPEN_BYTES.docx;
  const { bytes, stamp } = await readWithStamp(file, cap);

  if (kind === 'txt') return openedText(file, name, bytes, stamp, options.encoding);
  if (kind === 'wgd') {
    const container = sniffContainer(bytes);
    if (container) throw new UserError('corrupt', `“${name}”不是文稿文档（.wgd）：它实际上是${containerName(container)}。`);
    const text = new TextDecoder('utf-8').decode(bytes);
    // The .wgd reader validates with the document schema (zod): loaded for .wgd files only.
    const { parseWgd } = await import('../../shared/model/wgd');
    const { doc, notices, losses, docxBase64 } = parseWgd(text, name);
    checkLength(doc, name);
    const source: DocumentSource = { path: file, format: 'wgd', stamp, losses };
    if (docxBase64) {
      const pkg = Buffer.from(docxBase64, 'base64');
      // A damaged attachment only costs the faithful save: the document itself is whole.
      const { sourceDocumentXml } = await import('../../shared/docx/faithful/writeFaithful');
      if (sourceDocumentXml(pkg)) source.package = await (options.sources ?? memorySourcePackages).put(pkg);
    }
    return { path: file, name, format: 'wgd', doc, notices, source };
  }
  // .docx, .docm, .dotx and .doc: the bytes decide (a .doc may really be a .docx, and vice versa).
  // The Word reader and the faithful writer are loaded for Word files only: reading or exporting
  // text does not evaluate them (nor what they import).
  const { readDocx } = await import('../../shared/docx/read');
  const result = readDocx(bytes, { name });
  checkLength(result.doc, name);
  const template = result.template || kind === 'word-template';
  const notices = [...result.notices];
  if (template) notices.unshift(`“${name}”是 Word 模板：已据此新建文稿，保存时请选择新的文件名。`);
  if (path.extname(file).toLowerCase() === '.docm') notices.push('文档中的宏不会被保留，也不会运行；保存时请另存为 .docx 或 .wgd。');
  // Only a .docx is saved back in place; a template, a macro document or a renamed file is saved as a new file.
  const inPlace = !template && formatOfPath(file) === 'docx';
  const pkg = await (options.sources ?? memorySourcePackages).put(bytes);
  return {
    path: file,
    name: template ? path.basename(file, path.extname(file)) : name,
    format: 'docx',
    doc: result.doc,
    notices,
    source: { path: inPlace ? file : null, format: 'docx', stamp: inPlace ? stamp : null, losses: result.losses, package: pkg },
    storyMarks: result.marks,
  };
}

/** A file nobody may write (mode without write bits; on Windows the read-only attribute, which Node reports the same way). */
async function isReadOnlyFile(file: string): Promise<boolean> {
  const st = await fs.stat(file).catch(() => null);
  return Boolean(st?.isFile() && (st.mode & 0o222) === 0);
}

/** The file's stamp now, or null when it does not exist. */
export async function statDocumentFile(file: string): Promise<FileStamp | null> {
  try {
    const st = await fs.stat(file);
    return st.isFile() ? { mtimeMs: st.mtimeMs, size: st.size } : null;
  } catch {
    return null;
  }
}


/** Word marks a document it has open with an owner file "~$name.docx" (first characters replaced for long names). */
export async function wordOwnerFile(file: string): Promise<string | null> {
  const dir = path.dirname(file);
  const base = path.basename(file);
  for (const candidate of [`~$${base}`, `~$${base.slice(1)}`, `~$${base.slice(2)}`]) {
    const p = path.join(dir, candidate);
    if (await statDocumentFile(p)) return p;
  }
  return null;
}

export interface SaveDependencies {
  /** The Word writer; without one, saving .docx is refused with a message. */
  writeDocx?: DocxWriter | null;
  /** Line ending for new text files (the platform's). */
  lineEnding?: TextSource['lineEnding'];
  /** Where the source packages of documents read from .docx are kept (default: in memory). */
  sources?: SourcePackages;
}

/** Encoding and layout for writing a text file: the source's when it was one, else UTF-8. */
function textSourceFor(source: DocumentSource | null, lineEnding: TextSource['lineEnding']): TextSource {
  if (source?.text) return source.text;
  // New text files: UTF-8; with a BOM on Windows, where older tools otherwise read it as GBK.
  return { encoding: 'utf-8', bom: lineEnding === '\r\n', ...defaultTextLayout(lineEnding) };
}

/**
 * Saves the document to `request.path` in the format of its extension. Returns 'saved' with the
 * new source, or the question to ask first (the request's `accept` answers earlier questions).
 */
export async function saveDocumentFile(request: SaveRequest, deps: SaveDependencies = {}): Promise<SaveOutcome> {
  const { path: file, doc, source, accept } = request;
  const name = path.basename(file);
  const format = formatOfPath(file);
  if (!format) throw new UserError('unsupported-type', `无法保存为“${name}”：文件名须以 .wgd、.docx 或 .txt 结尾。`);
  const sameFile = samePath(source?.path, file);

  const current = await statDocumentFile(file);
  if (!sameFile && current && !accept.replaceExisting) return { status: 'exists' };
  if (sameFile && current && source?.stamp && !accept.overwriteChanged && (current.mtimeMs !== source.stamp.mtimeMs || current.size !== source.stamp.size)) {
    return { status: 'changed' };
  }

  // As Word does: a read-only file is not silently overwritten (saving keeps it read-only).
  if (current && !accept.readOnly && (await isReadOnlyFile(file))) return { status: 'read-only' };

  // The .docx the document came from: a .docx save writes it back with only the edits changed,
  // a .wgd keeps it inside. Then the importer's list of what it left out no longer applies.
  const pkg = format !== 'txt' ? await (deps.sources ?? memorySourcePackages).get(source?.package) : null;
  const faithful = pkg && format === 'docx' ? (await import('../../shared/docx/faithful/writeFaithful')).faithfulSave(doc, pkg) : null;
  const losses = [
    ...(sameFile && source?.format === format && !faithful && !(pkg && format === 'wgd') ? source.losses : []),
    ...(format === 'txt' ? plainTextLosses(doc) : []),
    ...(faithful ? faithful.losses : []),
  ].slice(0, 100);
  if (losses.length > 0 && !accept.loss) return { status: 'loss', losses };

  const owner = format === 'docx' ? await wordOwnerFile(file) : null;
  if (owner && !accept.openElsewhere) return { status: 'open-elsewhere', owner };

  let bytes: Uint8Array;
  let text: TextSource | undefined;
  if (format === 'wgd') {
    const { serializeWgd } = await import('../../shared/model/wgd');
    bytes = new TextEncoder().encode(serializeWgd(doc, pkg ? { docxBase64: Buffer.from(pkg.buffer, pkg.byteOffset, pkg.byteLength).toString('base64') } : {}));
  } else if (format === 'docx') {
    if (faithful) bytes = faithful.bytes;
    else {
      if (!deps.writeDocx) throw new UserError('docx-unavailable', `这一版本的文稿还不能保存为 Word 文档（.docx）。请另存为文稿文档（.wgd）。`);
      bytes = await deps.writeDocx(doc);
    }
  } else {
    text = textSourceFor(source, deps.lineEnding ?? (process.platform === 'win32' ? '\r\n' : '\n'));
    let encoded = encodeText(documentToPlainText(doc, text), text.encoding, text.bom);
    if (encoded.unencodable.length > 0) {
      if (!accept.encodingFallback) return { status: 'unencodable', encoding: text.encoding, characters: encoded.unencodable.slice(0, 20).join('') };
      text = { ...text, encoding: 'utf-8', bom: true };
      encoded = encodeText(documentToPlainText(doc, text), 'utf-8', true);
    }
    bytes = encoded.bytes;
  }

  await removeStaleTempFiles(path.dirname(await fs.realpath(file).catch(() => file)), true);
  try {
    await writeFileAtomic(file, bytes);
  } catch (e) {
    if (e instanceof UserError && owner && (e.code === 'permission' || e.code === 'locked')) {
      throw new UserError(e.code, `“${name}”正在 Word 或 WPS 中打开，无法覆盖。原文件保持不变。请在 Word 中关闭它后重试，或另存为其他文件。`);
    }
    throw e instanceof UserError ? e : fileErrorMessage(e, file);
  }
  const stamp = await statDocumentFile(file);
  const saved: DocumentSource = { path: file, format, stamp, losses: [] };
  if (pkg && source?.package) saved.package = source.package;
  if (text) saved.text = text;
  return { status: 'saved', source: saved, name };
}

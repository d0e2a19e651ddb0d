/**
 * The phrase index on disk, so that starting the app does not rebuild it: one binary file in
 * the user-data folder — a JSON header (format version, the files it was built from with their
 * size and modification time, the documents) followed by the text and the suffix array.
 * Written atomically; any file that does not read back exactly is ignored and rebuilt.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { PHRASEBOOK_VERSION } from '../../../shared/corpus/phrasebook';
import type { CleanReport } from '../../../shared/corpus/clean';
import type { PhraseIndex } from '../../../shared/suggest/phraseIndex';
import { writeFileAtomic } from '../atomicWrite';
import { setAside } from '../storedFiles';

/** Bump when the cleaning rules, the text layout or this format change. */
export const INDEX_FORMAT_VERSION = 1;
const MAGIC = 0x58494757; // "WGIX" little-endian

export interface CachedFile {
  path: string;
  size: number;
  mtimeMs: number;
  /** indexed: its text is document `doc`; duplicate: of `of`; failed: could not be read. */
  state: 'indexed' | 'duplicate' | 'failed' | 'empty';
  doc?: number;
  of?: string;
  message?: string;
}

export interface IndexHeader {
  format: number;
  phrasebook: number;
  folders: string[];
  files: CachedFile[];
  report: CleanReport;
  builtAt: number;
}

export function cacheIsCurrent(h: IndexHeader): boolean {
  return h.format === INDEX_FORMAT_VERSION && h.phrasebook === PHRASEBOOK_VERSION;
}

function align4(n: number): number {
  return (n + 3) & ~3;
}

/**
 * The file's bytes as parts to write in turn: the header, then views of the index's own arrays
 * (no copy of the text or the suffix array: at 10M characters that would be 60 MB more).
 */
export function encodeIndexParts(header: IndexHeader, index: PhraseIndex): Uint8Array[] {
  const json = new TextEncoder().encode(JSON.stringify({ ...header, docs: index.docs }));
  const head = 16;
  const textAt = align4(head + json.length);
  const saAt = align4(textAt + index.text.byteLength);
  const first = new Uint8Array(textAt);
  const view = new DataView(first.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, json.length, true);
  view.setUint32(8, index.text.length, true);
  view.setUint32(12, index.docStarts.length, true);
  first.set(json, head);
  const bytesOf = (a: Uint16Array | Int32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  return [first, bytesOf(index.text), new Uint8Array(saAt - textAt - index.text.byteLength), bytesOf(index.sa), bytesOf(index.docStarts)];
}

export function encodeIndex(header: IndexHeader, index: PhraseIndex): Uint8Array {
  const parts = encodeIndexParts(header, index);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/** Decodes an index file; null if it is not one, or is damaged or truncated. */
export function decodeIndex(bytes: Uint8Array): { header: IndexHeader; index: PhraseIndex } | null {
  if (bytes.byteLength < 16) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) return null;
  const jsonLen = view.getUint32(4, true);
  const n = view.getUint32(8, true);
  const docCount = view.getUint32(12, true);
  const textAt = align4(16 + jsonLen);
  const saAt = align4(textAt + 2 * n);
  const docsAt = saAt + 4 * n;
  if (docsAt + 4 * docCount !== bytes.byteLength) return null;
  let parsed: IndexHeader & { docs: PhraseIndex['docs'] };
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(16, 16 + jsonLen)));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed.docs) || parsed.docs.length !== docCount - 1 || !Array.isArray(parsed.files)) return null;
  // Copy into fresh, aligned buffers (the file's buffer may be shared or unaligned).
  const text = new Uint16Array(n);
  new Uint8Array(text.buffer).set(bytes.subarray(textAt, textAt + 2 * n));
  const sa = new Int32Array(n);
  new Uint8Array(sa.buffer).set(bytes.subarray(saAt, saAt + 4 * n));
  const docStarts = new Int32Array(docCount);
  new Uint8Array(docStarts.buffer).set(bytes.subarray(docsAt, docsAt + 4 * docCount));
  if (docStarts[docCount - 1] !== n) return null;
  const { docs, ...header } = parsed;
  return { header, index: { text, sa, docStarts, docs } };
}

/** Reads an index file; `cache`: it is our own cache, so a damaged one is set aside (a user's index file is left alone). */
export async function readIndexFile(file: string, opts: { cache?: boolean } = {}): Promise<{ header: IndexHeader; index: PhraseIndex } | null> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch {
    return null;
  }
  const decoded = decodeIndex(bytes);
  // A damaged cache is set aside (and rebuilt), never read again.
  if (!decoded && opts.cache) await setAside(file);
  return decoded;
}

export async function writeIndexFile(file: string, header: IndexHeader, index: PhraseIndex): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, encodeIndexParts(header, index));
}

/**
 * The zip container of a .docx, read without trusting anything it declares: the central
 * directory is walked within the bytes actually present (never by the entry count of the end
 * record), each member is inflated as a stream whose output is counted against a budget as it
 * grows (never into a buffer of the declared size), and each member read has its CRC-32 and size
 * checked, so a flipped byte is refused rather than shown as changed text.
 */
import { Inflate } from 'fflate';
import { UserError } from '../../api/errors';
import { textDecoder } from '../../text/codec';

export interface ZipEntry {
  /** The name as stored (UTF-8, or CP437 read as Latin-1). */
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  /** Declared size: checked after inflating, never used to allocate. */
  size: number;
  localOffset: number;
  /** The name's bytes as stored, and the fields a copy of the entry writes back unchanged. */
  nameBytes: Uint8Array;
  versionMadeBy: number;
  modTime: number;
  modDate: number;
  externalAttrs: number;
}

/** More entries than any real document has (a .docx has tens, a large one a few thousand). */
export const MAX_ZIP_ENTRIES = 50_000;

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_LOCATOR64 = 0x07064b50;
/** Compressed bytes handed to the inflater at a time: output per step stays below ~1032× this. */
const CHUNK = 4 * 1024;

export function corruptZip(detail: string): UserError {
  return new UserError('corrupt', `文件已损坏或不完整，无法作为 Word 文档（.docx）打开（${detail}）。`);
}

let crcTable: Int32Array | null = null;

/** CRC-32 (IEEE 802.3), as zip stores it. */
export function crc32(data: Uint8Array, crc = 0): number {
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  const t = crcTable;
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

class Reader {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  fits(at: number, length: number): boolean {
    return at >= 0 && length >= 0 && at + length <= this.bytes.length;
  }
  u16(at: number): number {
    return this.view.getUint16(at, true);
  }
  u32(at: number): number {
    return this.view.getUint32(at, true);
  }
  u64(at: number): number {
    const v = this.view.getBigUint64(at, true);
    return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
  }
}

function findEnd(r: Reader): number {
  const last = r.bytes.length - 22;
  for (let i = last; i >= 0 && i >= last - 0xffff; i--) {
    if (r.bytes[i] === 0x50 && r.bytes[i + 1] === 0x4b && r.u32(i) === SIG_END) return i;
  }
  throw corruptZip('找不到压缩包的目录');
}

/** Where the central directory starts and ends, from the end record (zip64 when it says so). */
function directoryBounds(r: Reader, end: number): { start: number; end: number } {
  let start = r.u32(end + 16);
  let size = r.u32(end + 12);
  let limit = end;
  const locator = end - 20;
  if (r.fits(locator, 20) && r.u32(locator) === SIG_LOCATOR64) {
    const at = r.u64(locator + 8);
    if (r.fits(at, 56) && r.u32(at) === SIG_END64) {
      start = r.u64(at + 48);
      size = r.u64(at + 40);
      limit = at;
    }
  }
  if (start > limit) throw corruptZip('压缩包目录的位置不对');
  return { start, end: Math.min(limit, start + size) };
}

/** Reads the zip64 extra field for the values the fixed fields mark with 0xFFFFFFFF. */
function applyZip64(r: Reader, entry: ZipEntry, extraAt: number, extraLength: number): void {
  let at = extraAt;
  const stop = extraAt + extraLength;
  while (at + 4 <= stop) {
    const id = r.u16(at);
    const len = r.u16(at + 2);
    if (at + 4 + len > stop) return;
    if (id === 0x0001) {
      let p = at + 4;
      const take = () => {
        if (p + 8 > at + 4 + len) return undefined;
        const v = r.u64(p);
        p += 8;
        return v;
      };
      if (entry.size === 0xffffffff) entry.size = take() ?? entry.size;
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = take() ?? entry.compressedSize;
      if (entry.localOffset === 0xffffffff) entry.localOffset = take() ?? entry.localOffset;
      return;
    }
    at += 4 + len;
  }
}

const utf8 = textDecoder('utf-8');
const latin1 = textDecoder('latin1');

/**
 * The entries of the central directory, read within the bytes present: the walk stops where the
 * directory ends or a record does not fit, whatever count the end record claims.
 */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  if (bytes.length < 22) throw corruptZip('文件太短');
  const r = new Reader(bytes);
  const bounds = directoryBounds(r, findEnd(r));
  const entries: ZipEntry[] = [];
  let at = bounds.start;
  while (at + 46 <= bounds.end && r.u32(at) === SIG_CENTRAL) {
    const nameLength = r.u16(at + 28);
    const extraLength = r.u16(at + 30);
    const commentLength = r.u16(at + 32);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > bounds.end) throw corruptZip('压缩包目录不完整');
    const flags = r.u16(at + 8);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const entry: ZipEntry = {
      name: (flags & 0x800 ? utf8 : latin1).decode(nameBytes),
      method: r.u16(at + 10),
      flags,
      crc: r.u32(at + 16),
      compressedSize: r.u32(at + 20),
      size: r.u32(at + 24),
      localOffset: r.u32(at + 42),
      nameBytes,
      versionMadeBy: r.u16(at + 4),
      modTime: r.u16(at + 12),
      modDate: r.u16(at + 14),
      externalAttrs: r.u32(at + 38),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff) applyZip64(r, entry, at + 46 + nameLength, extraLength);
    entries.push(entry);
    if (entries.length > MAX_ZIP_ENTRIES) {
      throw new UserError('too-large', `文档的压缩包中有超过 ${MAX_ZIP_ENTRIES.toLocaleString('zh-CN')} 个文件，可能是异常或恶意构造的文件，已拒绝打开。`);
    }
    at = next;
  }
  if (entries.length === 0) throw corruptZip('压缩包中没有文件');
  return entries;
}

/**
 * Checks that every entry's local header is where the directory says and carries the same name:
 * a damaged name would otherwise make a part (numbering, styles) silently go missing.
 */
export function checkLocalHeaders(bytes: Uint8Array, entries: ZipEntry[]): void {
  const r = new Reader(bytes);
  for (const entry of entries) {
    const at = entry.localOffset;
    if (!r.fits(at, 30) || r.u32(at) !== SIG_LOCAL) throw corruptZip(`${entry.name} 的位置不对`);
    const nameLength = r.u16(at + 26);
    if (!r.fits(at + 30, nameLength)) throw corruptZip(`${entry.name} 不完整，文件可能被截断`);
    const name = (r.u16(at + 6) & 0x800 ? utf8 : latin1).decode(bytes.subarray(at + 30, at + 30 + nameLength));
    if (name !== entry.name) throw corruptZip(`${entry.name} 的名称前后不一致`);
  }
}

/** Counts inflated bytes across the members of one package. */
export interface InflateBudget {
  /** Bytes still allowed. */
  remaining: number;
  /** Thrown when the budget runs out. */
  exceeded: () => UserError;
}

/** Where an entry's stored (compressed) bytes start, after its local header; checked to fit. */
export function entryDataStart(bytes: Uint8Array, entry: ZipEntry): number {
  const r = new Reader(bytes);
  const at = entry.localOffset;
  if (!r.fits(at, 30) || r.u32(at) !== SIG_LOCAL) throw corruptZip(`${entry.name} 的位置不对`);
  const start = at + 30 + r.u16(at + 26) + r.u16(at + 28);
  if (!r.fits(start, entry.compressedSize)) throw corruptZip(`${entry.name} 不完整，文件可能被截断`);
  return start;
}

/**
 * Inflates one member, streaming: the output is counted against the budget as it grows and
 * inflating stops as soon as it runs out. The result must match the declared size and CRC-32.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget): Uint8Array {
  if (entry.flags & 1) throw corruptZip(`${entry.name} 被加密`);
  const start = entryDataStart(bytes, entry);
  if (entry.size > budget.remaining) throw budget.exceeded();
  const data = bytes.subarray(start, start + entry.compressedSize);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const take = (out: Uint8Array) => {
    total += out.length;
    if (total > budget.remaining) throw budget.exceeded();
    if (total > entry.size) throw corruptZip(`${entry.name} 解压后的大小与记录不符`);
    if (out.length > 0) chunks.push(out);
  };
  if (entry.method === 0) take(data);
  else if (entry.method === 8) {
    const inflater = new Inflate((out) => take(out));
    try {
      for (let i = 0; i < data.length || i === 0; i += CHUNK) inflater.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.length);
    } catch (e) {
      if (e instanceof UserError) throw e;
      throw corruptZip(`${entry.name} 的压缩数据已损坏`);
    }
  } else throw corruptZip(`${entry.name} 使用了不支持的压缩方式 ${entry.method}`);
  if (total !== entry.size) throw corruptZip(`${entry.name} 解压后的大小与记录不符`);
  const out = chunks.length === 1 ? chunks[0]! : new Uint8Array(total);
  if (chunks.length !== 1) {
    let o = 0;
    for (const c of chunks) out.set(c, (o += c.length) - c.length);
  }
  if (crc32(out) !== entry.crc) {
    throw new UserError('corrupt', `文件已损坏：文档中的 ${entry.name} 校验不符（CRC-32），内容可能已被改动。为免显示错误的文字，文稿不予打开。`);
  }
  budget.remaining -= total;
  return out;
}

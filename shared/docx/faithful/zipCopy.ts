/**
 * Rewrites a zip package entry by entry without inflating what it keeps: every entry but the
 * replaced ones is copied as its stored (compressed) bytes, so pictures, fonts and parts Wengao
 * does not understand come back bit for bit, and a package whose media would inflate to gigabytes
 * costs nothing to save. The directory is read by the reader's one zip walker (read/zip.ts: within
 * the bytes present, never by the declared count, names checked against the local headers).
 * Packages that need zip64 (over 4 GB or 65,535 entries, never a real .docx) are refused with null.
 */
import { deflateSync } from 'fflate';
import { checkLocalHeaders, crc32, entryDataStart, readZipDirectory, type ZipEntry } from '../read/zip';

interface Entry extends ZipEntry {
  dataStart: number;
}

const MAX32 = 0xffffffff;

function readEntries(zip: Uint8Array): Entry[] | null {
  try {
    const directory = readZipDirectory(zip);
    if (directory.length > 0xfffe) return null;
    checkLocalHeaders(zip, directory);
    return directory.map((e) => {
      if (e.compressedSize >= MAX32 || e.size >= MAX32 || e.localOffset >= MAX32) throw new Error('zip64');
      return { ...e, dataStart: entryDataStart(zip, e) };
    });
  } catch {
    return null;
  }
}

/** Names of the package's entries as written (case kept). */
export function zipEntryNames(zip: Uint8Array): string[] | null {
  return readEntries(zip)?.map((e) => e.name) ?? null;
}

/**
 * The package with the named entries' contents replaced (names compared case-insensitively),
 * every other entry copied as stored. Null when the zip cannot be walked this way.
 */
export function replaceZipEntries(zip: Uint8Array, replacements: ReadonlyMap<string, Uint8Array>): Uint8Array | null {
  const entries = readEntries(zip);
  if (!entries) return null;
  const wanted = new Map([...replacements].map(([k, v]) => [k.toLowerCase(), v]));
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const push = (c: Uint8Array) => {
    chunks.push(c);
    offset += c.length;
  };
  for (const e of entries) {
    const replacement = wanted.get(e.name.toLowerCase());
    let data: Uint8Array;
    let method = e.method;
    let crc = e.crc;
    let size = e.size;
    if (replacement) {
      data = deflateSync(replacement, { level: 6 });
      method = 8;
      crc = crc32(replacement);
      size = replacement.length;
      wanted.delete(e.name.toLowerCase());
    } else {
      data = zip.subarray(e.dataStart, e.dataStart + e.compressedSize);
    }
    const flags = e.flags & ~0x0008 & 0xffff; // sizes are in the local header: no data descriptor
    const header = new Uint8Array(30 + e.nameBytes.length);
    const h = new DataView(header.buffer);
    h.setUint32(0, 0x04034b50, true);
    h.setUint16(4, 20, true);
    h.setUint16(6, flags, true);
    h.setUint16(8, method, true);
    h.setUint16(10, e.modTime, true);
    h.setUint16(12, e.modDate, true);
    h.setUint32(14, crc, true);
    h.setUint32(18, data.length, true);
    h.setUint32(22, size, true);
    h.setUint16(26, e.nameBytes.length, true);
    header.set(e.nameBytes, 30);
    const localOffset = offset;
    push(header);
    push(data);
    const cd = new Uint8Array(46 + e.nameBytes.length);
    const c = new DataView(cd.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, e.versionMadeBy, true);
    c.setUint16(6, 20, true);
    c.setUint16(8, flags, true);
    c.setUint16(10, method, true);
    c.setUint16(12, e.modTime, true);
    c.setUint16(14, e.modDate, true);
    c.setUint32(16, crc, true);
    c.setUint32(20, data.length, true);
    c.setUint32(24, size, true);
    c.setUint16(28, e.nameBytes.length, true);
    c.setUint32(38, e.externalAttrs, true);
    c.setUint32(42, localOffset, true);
    cd.set(e.nameBytes, 46);
    central.push(cd);
  }
  if (wanted.size > 0 || offset > MAX32) return null;
  const cdStart = offset;
  for (const cd of central) push(cd);
  const end = new Uint8Array(22);
  const v = new DataView(end.buffer);
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, entries.length, true);
  v.setUint16(10, entries.length, true);
  v.setUint32(12, offset - cdStart, true);
  v.setUint32(16, cdStart, true);
  push(end);
  const out = new Uint8Array(offset);
  let o = 0;
  for (const ch of chunks) {
    out.set(ch, o);
    o += ch.length;
  }
  return out;
}

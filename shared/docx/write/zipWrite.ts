/**
 * A zip package from named parts, every part deflated (method 8) by the given raw-deflate
 * function: fflate's in pure code, the platform's native zlib where the caller has one (the
 * services pass node:zlib, several times faster on a 2 MB document.xml).
 */
import { deflateSync } from 'fflate';
import { crc32 } from '../read/zip';
import { encodeUtf8 } from '../../text/codec';

export type DeflateRaw = (data: Uint8Array) => Uint8Array;

export const fflateDeflateRaw: DeflateRaw = (data) => deflateSync(data, { level: 6 });

/** MS-DOS time and date of a moment (local fields, as zip tools write them). */
function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.min(Math.max(d.getFullYear(), 1980), 2107);
  return { time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1), date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate() };
}

export function zipParts(parts: ReadonlyArray<readonly [string, Uint8Array]>, deflateRaw: DeflateRaw = fflateDeflateRaw, when = new Date()): Uint8Array {
  const { time, date } = dosDateTime(when);
  const entries = parts.map(([name, data]) => ({ name: encodeUtf8(name), crc: crc32(data), size: data.length, body: deflateRaw(data), offset: 0 }));
  const local = entries.reduce((n, e) => n + 30 + e.name.length + e.body.length, 0);
  const central = entries.reduce((n, e) => n + 46 + e.name.length, 0);
  const out = new Uint8Array(local + central + 22);
  const view = new DataView(out.buffer);
  let p = 0;
  // Flag bit 11: names are UTF-8.
  const common = (at: number, e: (typeof entries)[number]) => {
    view.setUint16(at, 20, true);
    view.setUint16(at + 2, 0x0800, true);
    view.setUint16(at + 4, 8, true);
    view.setUint16(at + 6, time, true);
    view.setUint16(at + 8, date, true);
    view.setUint32(at + 10, e.crc, true);
    view.setUint32(at + 14, e.body.length, true);
    view.setUint32(at + 18, e.size, true);
    view.setUint16(at + 22, e.name.length, true);
    view.setUint16(at + 24, 0, true);
  };
  for (const e of entries) {
    e.offset = p;
    view.setUint32(p, 0x04034b50, true);
    common(p + 4, e);
    out.set(e.name, p + 30);
    out.set(e.body, p + 30 + e.name.length);
    p += 30 + e.name.length + e.body.length;
  }
  const start = p;
  for (const e of entries) {
    view.setUint32(p, 0x02014b50, true);
    view.setUint16(p + 4, 20, true);
    common(p + 6, e);
    // comment length, disk, internal and external attributes: 0
    view.setUint32(p + 42, e.offset, true);
    out.set(e.name, p + 46);
    p += 46 + e.name.length;
  }
  view.setUint32(p, 0x06054b50, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, p - start, true);
  view.setUint32(p + 16, start, true);
  return out;
}

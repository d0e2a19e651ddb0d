/**
 * Hostile .docx files, crafted in the test (never stored): the attacks of issue #13 that froze,
 * exhausted or fooled the reader. Each is a few KB.
 */
import { crc32 as zlibCrc32, deflateRawSync, constants as zlibConstants } from 'node:zlib';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { abstractNum, makeDocx, p } from './makeDocx';

/** Paragraphs numbered from `start` in letters (upperLetter repeats the letter n/26 times). */
export function letterLabelBomb(paragraphs: number, start = 2_000_000_000, fmt = 'upperLetter'): Uint8Array {
  const numbering = `${abstractNum(1, [{ fmt, text: '%1.', start }])}<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>`;
  const body = Array.from({ length: paragraphs }, (_, i) => p(`第${i + 1}段`, '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>')).join('');
  return makeDocx({ body, numbering });
}

/** Text boxes nested `depth` deep, each holding a paragraph with text and the next box. */
export function nestedTextBoxes(depth: number): Uint8Array {
  let inner = '';
  for (let d = depth; d >= 1; d--) {
    inner = `<w:p><w:r><w:t>框${d}</w:t></w:r><w:r><w:pict><v:shape><v:textbox><w:txbxContent>${inner}<w:p><w:r><w:t>末${d}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>`;
  }
  return makeDocx({ body: `${p('正文开头')}${inner}` });
}

/** Tables nested `depth` deep, one cell each. */
export function nestedTables(depth: number): Uint8Array {
  let inner = p('最里层');
  for (let d = depth; d >= 1; d--) inner = `<w:tbl><w:tr><w:tc>${p(`表${d}`)}${inner}<w:p/></w:tc></w:tr></w:tbl>`;
  return makeDocx({ body: `${p('正文开头')}${inner}${p('正文结尾')}` });
}

const u16 = (v: DataView, at: number, x: number) => v.setUint16(at, x, true);
const u32 = (v: DataView, at: number, x: number) => v.setUint32(at, x, true);

/** Offset of the end-of-central-directory record. */
export function eocdOffset(zip: Uint8Array): number {
  for (let i = zip.length - 22; i >= 0; i--) if (zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 5 && zip[i + 3] === 6) return i;
  throw new Error('no end record');
}

/** A small valid .docx whose end record (zip64) claims `entries` entries. */
export function lyingEntryCount(entries = 100_000_000): Uint8Array {
  const zip = makeDocx({ body: p('一、总体要求') });
  const eocd = eocdOffset(zip);
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const cdSize = dv.getUint32(eocd + 12, true);
  const cdOffset = dv.getUint32(eocd + 16, true);
  const z64 = new Uint8Array(56 + 20 + 22);
  const v = new DataView(z64.buffer);
  u32(v, 0, 0x06064b50);
  v.setBigUint64(4, 44n, true);
  u16(v, 12, 45);
  u16(v, 14, 45);
  v.setBigUint64(24, BigInt(entries), true);
  v.setBigUint64(32, BigInt(entries), true);
  v.setBigUint64(40, BigInt(cdSize), true);
  v.setBigUint64(48, BigInt(cdOffset), true);
  u32(v, 56, 0x07064b50);
  v.setBigUint64(56 + 8, BigInt(eocd), true);
  u32(v, 56 + 16, 1);
  const e = 76;
  u32(v, e, 0x06054b50);
  u16(v, e + 8, 0xffff);
  u16(v, e + 10, 0xffff);
  u32(v, e + 12, cdSize);
  u32(v, e + 16, cdOffset);
  const out = new Uint8Array(eocd + z64.length);
  out.set(zip.subarray(0, eocd));
  out.set(z64, eocd);
  return out;
}

/**
 * A zip bomb: word/document.xml is `megabytes` MB of one repeated XML character behind a small
 * valid document, deflated by repeating one byte-aligned block (about 1 KB per MB). Its declared
 * size is `declaredBytes` (default: a lie, the size of the small document).
 */
export function zipBomb(megabytes: number, declaredBytes?: number): Uint8Array {
  const head = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>炸弹</w:t></w:r></w:p><!--`);
  const sync = { finishFlush: zlibConstants.Z_SYNC_FLUSH };
  const parts: Uint8Array[] = [deflateRawSync(head, sync)];
  const block = deflateRawSync(Buffer.alloc(1024 * 1024, 0x61), sync);
  for (let i = 0; i < megabytes; i++) parts.push(block);
  parts.push(deflateRawSync(strToU8('--></w:body></w:document>')));
  const data = Buffer.concat(parts);
  return zipWithRawEntry(makeDocxEntries(), 'word/document.xml', data, declaredBytes ?? head.length + 100, 0);
}

/**
 * A valid but slow document: word/document.xml holds `megabytes` MB of a comment after one
 * paragraph, declared honestly (size and CRC-32), under the inflate cap: reading it costs seconds
 * of inflating, checking and parsing. About 1 KB per MB.
 */
export function slowDocx(megabytes: number): Uint8Array {
  const head = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>慢</w:t></w:r></w:p><!--`);
  const tail = strToU8('--></w:body></w:document>');
  const filler = Buffer.alloc(1024 * 1024, 0x61);
  const sync = { finishFlush: zlibConstants.Z_SYNC_FLUSH };
  const parts: Uint8Array[] = [deflateRawSync(head, sync)];
  const block = deflateRawSync(filler, sync);
  let crc = zlibCrc32(head);
  for (let i = 0; i < megabytes; i++) {
    parts.push(block);
    crc = zlibCrc32(filler, crc);
  }
  parts.push(deflateRawSync(tail));
  crc = zlibCrc32(tail, crc);
  return zipWithRawEntry(makeDocxEntries(), 'word/document.xml', Buffer.concat(parts), head.length + megabytes * filler.length + tail.length, crc);
}

function makeDocxEntries(): Zippable {
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`),
  };
}

/** Zips `files` and adds one entry with raw deflate `data`, declaring `size` and `crc`. */
export function zipWithRawEntry(files: Zippable, name: string, data: Uint8Array, size: number, crc: number): Uint8Array {
  const base = zipSync(files);
  const eocd = eocdOffset(base);
  const bv = new DataView(base.buffer, base.byteOffset, base.byteLength);
  const count = bv.getUint16(eocd + 10, true);
  const cdSize = bv.getUint32(eocd + 12, true);
  const cdOffset = bv.getUint32(eocd + 16, true);
  const nameBytes = strToU8(name);
  const local = new Uint8Array(30 + nameBytes.length);
  const lv = new DataView(local.buffer);
  u32(lv, 0, 0x04034b50);
  u16(lv, 4, 20);
  u16(lv, 8, 8);
  u32(lv, 14, crc);
  u32(lv, 18, data.length);
  u32(lv, 22, size);
  u16(lv, 26, nameBytes.length);
  local.set(nameBytes, 30);
  const central = new Uint8Array(46 + nameBytes.length);
  const cv = new DataView(central.buffer);
  u32(cv, 0, 0x02014b50);
  u16(cv, 4, 20);
  u16(cv, 6, 20);
  u16(cv, 10, 8);
  u32(cv, 16, crc);
  u32(cv, 20, data.length);
  u32(cv, 24, size);
  u16(cv, 28, nameBytes.length);
  u32(cv, 42, cdOffset);
  central.set(nameBytes, 46);
  const newCdOffset = cdOffset + local.length + data.length;
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  u32(ev, 0, 0x06054b50);
  u16(ev, 8, count + 1);
  u16(ev, 10, count + 1);
  u32(ev, 12, cdSize + central.length);
  u32(ev, 16, newCdOffset);
  return Buffer.concat([base.subarray(0, cdOffset), local, data, base.subarray(cdOffset, cdOffset + cdSize), central, end]);
}

/** The zip with its end record's entry counts set to `count` (a lie, smaller or larger than the truth). */
export function misstatedEntryCount(zip: Uint8Array, count: number): Uint8Array {
  const out = zip.slice();
  const eocd = eocdOffset(out);
  const v = new DataView(out.buffer, out.byteOffset, out.byteLength);
  u16(v, eocd + 8, count);
  u16(v, eocd + 10, count);
  return out;
}

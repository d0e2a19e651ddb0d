/**
 * Encoding text for saving, the inverse of shared/text/decode.ts. TextEncoder only writes UTF-8,
 * so GB18030, Big5 and UTF-16 go through iconv-lite (pure JS). Characters an encoding cannot
 * represent are reported rather than silently written as "?".
 *
 * A character fits only if it reads back as itself through the decoder that opens the file (the
 * WHATWG one, as in shared/text/decode.ts). Big5 is written as Windows' code page 950, the Big5
 * every Traditional Chinese PC reads: iconv-lite's "big5" also writes Hong Kong (HKSCS) codes for
 * many simplified characters (国 as 0x98C7), which other programs, and our own reader, show as
 * other characters.
 */
import type * as IconvLite from 'iconv-lite';
import { textDecoder } from '../../shared/text/codec';
import { bomOf, type TextEncoding } from '../../shared/text/decode';

// iconv-lite (0.55 MB) writes only GB18030 and Big5: required on the first such save or export,
// so that writing UTF-8 (and every .docx) never loads it. The bundles keep it in a file of its
// own (build/app/vendor/iconv-lite.cjs, see build/scripts/build.mjs).
let iconvLite: typeof IconvLite | undefined;
function iconv(): typeof IconvLite {
  // A require() esbuild sees, so that the bundles point it at vendor/iconv-lite.cjs.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  iconvLite ??= require('iconv-lite') as typeof IconvLite;
  return iconvLite;
}

export interface EncodedText {
  bytes: Uint8Array;
  /** Distinct characters the encoding cannot represent (empty when the text fits). */
  unencodable: string[];
}

function encodeRaw(text: string, encoding: TextEncoding): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-16le':
      return Buffer.from(text, 'utf16le');
    case 'utf-16be':
      return Buffer.from(text, 'utf16le').swap16();
    case 'big5':
      return iconv().encode(text, 'cp950');
    default:
      return iconv().encode(text, encoding);
  }
}

/** Characters of `text` that do not survive a round trip through `encoding`. */
function unencodableChars(text: string, encoding: TextEncoding): string[] {
  if (encoding === 'utf-8' || encoding === 'utf-16le' || encoding === 'utf-16be') {
    // Only lone surrogates, which no Unicode encoding can write.
    return text.match(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g) ?? [];
  }
  const out: string[] = [];
  for (const ch of new Set(text)) {
    if (decodeRaw(encodeRaw(ch, encoding), encoding) !== ch) out.push(ch);
  }
  return out;
}

function decodeRaw(bytes: Buffer, encoding: TextEncoding): string {
  switch (encoding) {
    case 'utf-8':
      return bytes.toString('utf8');
    case 'utf-16le':
      return bytes.toString('utf16le');
    case 'utf-16be':
      return Buffer.from(bytes).swap16().toString('utf16le');
    default:
      return textDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  }
}

export function encodeText(text: string, encoding: TextEncoding, bom: boolean): EncodedText {
  const body = encodeRaw(text, encoding);
  const unencodable = decodeRaw(body, encoding) === text ? [] : unencodableChars(text, encoding);
  const bytes = bom ? Buffer.concat([Buffer.from(bomOf(encoding)), body]) : body;
  return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), unencodable };
}

/**
 * Streaming XML for OOXML parts, on saxes. Element and attribute names reach the handler with a
 * canonical prefix chosen by namespace URI, whatever prefix the file used: "w:p" for a paragraph
 * in Transitional and in Strict OOXML alike. Names in namespaces we do not read get the prefix
 * "?". saxes never expands external entities, so there is no XXE and no entity bomb.
 */
import { SaxesParser } from 'saxes';
import { UserError } from '../../api/errors';
import { decodeUtf8Strict, textDecoder } from '../../text/codec';

const NAMESPACES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'rel',
  'http://schemas.openxmlformats.org/package/2006/content-types': 'ct',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'http://purl.oclc.org/ooxml/drawingml/main': 'a',
  'http://schemas.openxmlformats.org/drawingml/2006/picture': 'pic',
  'http://purl.oclc.org/ooxml/drawingml/picture': 'pic',
  'http://schemas.openxmlformats.org/drawingml/2006/chart': 'c',
  'http://purl.oclc.org/ooxml/drawingml/chart': 'c',
  'http://schemas.openxmlformats.org/drawingml/2006/diagram': 'dgm',
  'http://purl.oclc.org/ooxml/drawingml/diagram': 'dgm',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing': 'wp',
  'http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing': 'wp',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingShape': 'wps',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingGroup': 'wpg',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas': 'wpc',
  'http://schemas.microsoft.com/office/word/2010/wordml': 'w14',
  'http://schemas.microsoft.com/office/word/2012/wordml': 'w15',
  'urn:schemas-microsoft-com:vml': 'v',
  'urn:schemas-microsoft-com:office:office': 'o',
  'http://schemas.openxmlformats.org/officeDocument/2006/math': 'm',
  'http://purl.oclc.org/ooxml/officeDocument/math': 'm',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://schemas.openxmlformats.org/package/2006/metadata/core-properties': 'cp',
};

export type Attrs = Record<string, string>;

/** Returned by a handler's open() to skip the element's whole subtree (its close is not reported either). */
export const SKIP = 'skip';

export interface XmlHandler {
  open(name: string, attrs: Attrs): void | typeof SKIP;
  close(name: string): void;
  text(text: string): void;
}

interface Scope {
  prefixes: Map<string, string>; // file prefix → canonical prefix
  names: Map<string, string>; // raw qualified name → canonical name
}

/**
 * Where the parser is, for readers that record pieces of the source text: before each open()
 * and close(), the offset (UTF-16 code units into the decoded text) just past the tag's ">".
 */
export interface XmlCursor {
  offset: number;
}

/** Decodes an XML part: UTF-16 when it says so with a BOM, UTF-8 otherwise; drops a BOM. */
export function xmlText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return textDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return textDecoder('utf-16be').decode(bytes.subarray(2));
  const text = decodeUtf8Strict(bytes) ?? textDecoder('utf-8').decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function canonicalPrefix(uri: string): string {
  return NAMESPACES[uri] ?? '?';
}

/**
 * Parses one part, calling the handler for each element and text node. Malformed XML throws a
 * UserError naming the part.
 */
export function parseXml(bytes: Uint8Array | string, handler: XmlHandler, part = 'XML', cursor?: XmlCursor): void {
  const parser = new SaxesParser({ position: cursor !== undefined });
  const root: Scope = { prefixes: new Map([['xml', 'xml']]), names: new Map() };
  const stack: Scope[] = [root];
  const names: string[] = [];
  /** While > 0: the depth of an element whose subtree the handler skips. */
  let skipDepth = 0;

  const canonical = (scope: Scope, raw: string, isAttribute: boolean): string => {
    const colon = raw.indexOf(':');
    if (colon < 0) {
      if (isAttribute) return raw;
      const def = scope.prefixes.get('');
      return def ? `${def}:${raw}` : raw;
    }
    const prefix = scope.prefixes.get(raw.slice(0, colon)) ?? '?';
    return `${prefix}:${raw.slice(colon + 1)}`;
  };

  parser.on('opentag', (node) => {
    let scope = stack[stack.length - 1]!;
    const rawAttrs = node.attributes as Record<string, string>;
    let declares = false;
    for (const key in rawAttrs) {
      if (key === 'xmlns' || key.startsWith('xmlns:')) {
        declares = true;
        break;
      }
    }
    if (declares) {
      const prefixes = new Map(scope.prefixes);
      for (const key in rawAttrs) {
        if (key === 'xmlns') prefixes.set('', canonicalPrefix(rawAttrs[key]!));
        else if (key.startsWith('xmlns:')) prefixes.set(key.slice(6), canonicalPrefix(rawAttrs[key]!));
      }
      scope = { prefixes, names: new Map() };
    }
    stack.push(scope);
    let name = scope.names.get(node.name);
    if (name === undefined) {
      name = canonical(scope, node.name, false);
      scope.names.set(node.name, name);
    }
    names.push(name);
    if (skipDepth) return;
    const attrs: Attrs = {};
    for (const key in rawAttrs) {
      if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
      let attrName = scope.names.get(`@${key}`);
      if (attrName === undefined) {
        attrName = canonical(scope, key, true);
        scope.names.set(`@${key}`, attrName);
      }
      attrs[attrName] = rawAttrs[key]!;
    }
    if (cursor) cursor.offset = parser.position;
    if (handler.open(name, attrs) === SKIP) skipDepth = names.length;
  });
  parser.on('closetag', () => {
    stack.pop();
    const depth = names.length;
    const name = names.pop()!;
    if (cursor) cursor.offset = parser.position;
    if (!skipDepth) handler.close(name);
    else if (depth === skipDepth) skipDepth = 0;
  });
  parser.on('text', (t) => skipDepth || handler.text(t));
  parser.on('cdata', (t) => skipDepth || handler.text(t));
  try {
    parser.write(typeof bytes === 'string' ? bytes : xmlText(bytes)).close();
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError('corrupt', `文件已损坏：${part} 不是有效的 XML（${e instanceof Error ? e.message.split('\n')[0]!.slice(0, 120) : String(e)}）。`);
  }
}

/** ST_OnOff: absent value means on. */
export function onOff(value: string | undefined): boolean {
  return value === undefined || !(value === '0' || value === 'false' || value === 'off');
}

const UNIT_TWIPS: Record<string, number> = { mm: 56.6929, cm: 566.929, in: 1440, pt: 20, pc: 240, pi: 240 };

/** A measure in twentieths of a point; Strict OOXML may write "1.5cm" or "12pt". */
export function twips(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*(mm|cm|in|pt|pc|pi)?\s*$/.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] ? n * UNIT_TWIPS[m[2]]! : n;
}

export function int(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) ? n : undefined;
}

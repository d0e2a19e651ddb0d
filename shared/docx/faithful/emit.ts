/**
 * What every writer of edited blocks shares: where it writes from (document.xml as read, its
 * WordprocessingML prefix), escaping, and rewriting a properties element (w:pPr, w:rPr, w:tcPr,
 * w:trPr) with some children replaced and the rest kept as written. The element families'
 * writers (shared/docx/elements/) use them.
 */
import { childElements, localName, type Element } from './xmlSlice';

export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/**
 * Sets children of a properties element: each given local name's element is replaced (or removed
 * when its value is null), others are kept as written, new ones go in schema order.
 */
export function setChildren(xml: string, el: Element | null, tag: string, w: string, order: string[], changes: Map<string, string | null>): string {
  const kept: Array<{ local: string; text: string }> = [];
  if (el) for (const c of childElements(xml, el)) if (!changes.has(localName(c.name))) kept.push({ local: localName(c.name), text: xml.slice(c.start, c.end) });
  for (const [local, text] of changes) if (text !== null) kept.push({ local, text });
  const rank = (l: string) => {
    const i = order.indexOf(l);
    return i < 0 ? order.length : i;
  };
  kept.sort((a, b) => rank(a.local) - rank(b.local));
  if (kept.length === 0) return '';
  const open = el ? xml.slice(el.start, el.contentStart).replace(/\/>$/, '>') : `<${w}${tag}>`;
  return `${open}${kept.map((k) => k.text).join('')}</${el ? el.name : `${w}${tag}`}>`;
}

export interface EmitContext {
  /** document.xml as read. */
  xml: string;
  /** The WordprocessingML prefix with its colon ("w:"). */
  w: string;
  /** Where the drawings with text boxes the document still holds are (textBoxes.ts: keptTextBoxes). */
  kept?: Array<{ start: number; end: number }>;
}

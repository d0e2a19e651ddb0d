/**
 * Pieces of an XML part's text, found by a small tag scanner: the elements of w:body, a
 * paragraph's w:pPr, a run's w:rPr, as the exact characters the file holds. The faithful writer
 * copies them; it never re-serialises what it did not change. Offsets are UTF-16 code units into
 * the decoded part (the same the reader's cursor gives).
 */

export interface Tag {
  start: number;
  /** Just past the ">". */
  end: number;
  kind: 'open' | 'close' | 'empty';
  /** Qualified name as written ("w:p"). */
  name: string;
}

export interface Element {
  start: number;
  end: number;
  name: string;
  /** Just past the start tag's ">". */
  contentStart: number;
  /** Start of the end tag ("</…"), or end for an empty element. */
  contentEnd: number;
}

export const localName = (qname: string): string => qname.slice(qname.indexOf(':') + 1);

/** The next start, end or empty-element tag at or after `from`; comments, PIs, CDATA and DOCTYPE are skipped. */
export function nextTag(xml: string, from: number): Tag | null {
  let i = from;
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) return null;
    const c = xml.charCodeAt(lt + 1);
    if (c === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) i = endOf(xml, '-->', lt + 4);
      else if (xml.startsWith('<![CDATA[', lt)) i = endOf(xml, ']]>', lt + 9);
      else i = endOf(xml, '>', lt + 2);
      continue;
    }
    if (c === 0x3f /* ? */) {
      i = endOf(xml, '?>', lt + 2);
      continue;
    }
    // A tag: find its ">" outside attribute values.
    let j = lt + 1;
    let quote = 0;
    for (; j < xml.length; j++) {
      const d = xml.charCodeAt(j);
      if (quote) {
        if (d === quote) quote = 0;
      } else if (d === 0x22 || d === 0x27) quote = d;
      else if (d === 0x3e) break;
    }
    if (j >= xml.length) return null;
    const closing = c === 0x2f;
    const nameStart = closing ? lt + 2 : lt + 1;
    let nameEnd = nameStart;
    while (nameEnd < j && !/[\s/>]/.test(xml[nameEnd]!)) nameEnd++;
    const kind = closing ? 'close' : xml.charCodeAt(j - 1) === 0x2f ? 'empty' : 'open';
    return { start: lt, end: j + 1, kind, name: xml.slice(nameStart, nameEnd) };
  }
}

function endOf(xml: string, marker: string, from: number): number {
  const k = xml.indexOf(marker, from);
  return k < 0 ? xml.length : k + marker.length;
}

/** The element whose start tag begins at `start`, or null when there is none. */
export function elementAt(xml: string, start: number): Element | null {
  const first = nextTag(xml, start);
  if (!first || first.start !== start || first.kind === 'close') return null;
  if (first.kind === 'empty') return { start, end: first.end, name: first.name, contentStart: first.end, contentEnd: first.end };
  let depth = 1;
  let i = first.end;
  for (;;) {
    const t = nextTag(xml, i);
    if (!t) return null;
    if (t.kind === 'open') depth++;
    else if (t.kind === 'close' && --depth === 0) return { start, end: t.end, name: first.name, contentStart: first.end, contentEnd: t.start };
    i = t.end;
  }
}

/** The child elements of an element, in order. */
export function childElements(xml: string, parent: Element): Element[] {
  const out: Element[] = [];
  let i = parent.contentStart;
  while (i < parent.contentEnd) {
    const t = nextTag(xml, i);
    if (!t || t.start >= parent.contentEnd) break;
    const el = elementAt(xml, t.start);
    if (!el) break;
    out.push(el);
    i = el.end;
  }
  return out;
}

/** The first child with this local name. */
export function childNamed(xml: string, parent: Element, local: string): Element | null {
  for (const c of childElements(xml, parent)) if (localName(c.name) === local) return c;
  return null;
}

/** How many elements with these local names the element holds, leaving out the subtrees starting at `skip`. */
export function countDescendants(xml: string, el: Element, locals: ReadonlySet<string>, skip: ReadonlySet<number> = new Set()): Map<string, number> {
  const counts = new Map<string, number>();
  let i = el.contentStart;
  while (i < el.contentEnd) {
    const t = nextTag(xml, i);
    if (!t || t.start >= el.contentEnd) break;
    if (skip.has(t.start) && t.kind !== 'close') {
      // Not counted, nor anything in it.
      i = elementAt(xml, t.start)?.end ?? t.end;
      continue;
    }
    if (t.kind !== 'close') {
      const l = localName(t.name);
      if (locals.has(l)) counts.set(l, (counts.get(l) ?? 0) + 1);
    }
    i = t.end;
  }
  return counts;
}

/** The body of document.xml: where it is and its direct children. */
export interface BodyLayout {
  body: Element;
  children: Element[];
  /** The prefix the document uses for WordprocessingML ("w:" usually, "" for a default namespace). */
  prefix: string;
}

const W_NAMESPACES = ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main'];

export function bodyLayout(xml: string): BodyLayout | null {
  let i = 0;
  let root: Tag | null = null;
  for (;;) {
    const t = nextTag(xml, i);
    if (!t) return null;
    if (!root) root = t;
    if (t.kind !== 'close' && localName(t.name) === 'body') {
      const body = elementAt(xml, t.start);
      if (!body) return null;
      const prefixOf = t.name.includes(':') ? t.name.slice(0, t.name.indexOf(':')) : '';
      // The body's prefix must be bound to WordprocessingML on the root (where Word declares it).
      const rootTag = xml.slice(root.start, root.end);
      const declared = new RegExp(`xmlns${prefixOf ? `:${prefixOf}` : ''}\\s*=\\s*["']([^"']*)["']`).exec(rootTag)?.[1];
      if (declared !== undefined && !W_NAMESPACES.includes(declared)) return null;
      return { body, children: childElements(xml, body), prefix: prefixOf ? `${prefixOf}:` : '' };
    }
    i = t.end;
  }
}

/**
 * Reading a .docx back for assertions: unzip (fflate) and pick elements and attributes out of
 * the WordprocessingML. Small on purpose: it reads what our writer produces, element by element.
 */
import { strFromU8, unzipSync } from 'fflate';

export interface DocxParts {
  document: string;
  styles: string;
  settings: string;
  core: string;
  footers: Record<string, string>;
  /** footer file name by reference type (default / even). */
  footerRefs: Record<string, string>;
}

export function readDocxParts(bytes: Uint8Array): DocxParts {
  const files = unzipSync(bytes);
  const text = (name: string) => {
    const f = files[name];
    if (!f) throw new Error(`missing ${name}`);
    return strFromU8(f);
  };
  const document = text('word/document.xml');
  const rels = text('word/_rels/document.xml.rels');
  const footers: Record<string, string> = {};
  for (const name of Object.keys(files)) if (/^word\/footer\d+\.xml$/.test(name)) footers[name] = text(name);
  const footerRefs: Record<string, string> = {};
  for (const m of document.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${m[2]}"`).exec(rels);
    footerRefs[m[1]!] = `word/${target?.[1] ?? target?.[2]}`;
  }
  return { document, styles: text('word/styles.xml'), settings: text('word/settings.xml'), core: text('docProps/core.xml'), footers, footerRefs };
}

/** The value of attribute `attr` on the first `<tag …>` in xml, or null. */
export function attr(xml: string, tag: string, name: string): string | null {
  const el = new RegExp(`<${tag}(?=[\\s/>])[^>]*>`).exec(xml)?.[0];
  if (!el) return null;
  return new RegExp(`\\s${name}="([^"]*)"`).exec(el)?.[1] ?? null;
}

export function has(xml: string, tag: string): boolean {
  return new RegExp(`<${tag}(?=[\\s/>])`).test(xml);
}

/** An on/off property that is on: present, and not w:val="false"/"0". */
export function on(xml: string, tag: string): boolean {
  if (!has(xml, tag)) return false;
  const v = attr(xml, tag, 'w:val');
  return v === null || (v !== 'false' && v !== '0');
}

export interface XmlRun {
  xml: string;
  text: string;
}

export interface XmlParagraph {
  xml: string;
  pPr: string;
  style: string | null;
  runs: XmlRun[];
  text: string;
}

function runText(r: string): string {
  let t = '';
  for (const m of r.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g)) t += m[1] !== undefined ? m[1] : m[0] === '<w:br/>' ? '\n' : '\t';
  return t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** The body's top-level paragraphs (table cells' paragraphs included, in order). */
export function paragraphs(documentXml: string): XmlParagraph[] {
  const out: XmlParagraph[] = [];
  for (const m of documentXml.matchAll(/<w:p>(.*?)<\/w:p>|<w:p\/>/g)) {
    const xml = m[1] ?? '';
    const pPr = /<w:pPr>(.*?)<\/w:pPr>/.exec(xml)?.[1] ?? '';
    const runs = [...xml.matchAll(/<w:r>(.*?)<\/w:r>/g)].map((r) => ({ xml: r[1]!, text: runText(r[1]!) }));
    out.push({ xml, pPr, style: attr(pPr, 'w:pStyle', 'w:val'), runs, text: runs.map((r) => r.text).join('') });
  }
  return out;
}

/** The `<w:style>` element with the given id. */
export function style(stylesXml: string, id: string): string | null {
  return new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>.*?</w:style>`).exec(stylesXml)?.[0] ?? null;
}

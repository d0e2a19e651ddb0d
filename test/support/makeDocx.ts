/** Builds small .docx packages for reader tests: the parts given, plus the relationships they need. */
import { strToU8, zipSync, type Zippable } from 'fflate';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface DocxParts {
  /** The inner XML of w:body. */
  body: string;
  styles?: string;
  numbering?: string;
  /** Where the main part lives (to test that it is found through _rels/.rels). */
  mainPath?: string;
  extra?: Record<string, string | Uint8Array>;
}

export function makeDocx(parts: DocxParts): Uint8Array {
  const main = parts.mainPath ?? 'word/document.xml';
  const dir = main.slice(0, main.lastIndexOf('/'));
  const base = main.slice(main.lastIndexOf('/') + 1);
  const rels: string[] = [];
  if (parts.styles) rels.push(`<Relationship Id="rS" Type="${R}/styles" Target="styles.xml"/>`);
  if (parts.numbering) rels.push(`<Relationship Id="rN" Type="${R}/numbering" Target="numbering.xml"/>`);
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${main}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="${main}"/></Relationships>`,
    ),
    [main]: strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"><w:body>${parts.body}</w:body></w:document>`),
    [`${dir}/_rels/${base}.rels`]: strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`),
  };
  if (parts.styles) files[`${dir}/styles.xml`] = strToU8(`<w:styles xmlns:w="${W}">${parts.styles}</w:styles>`);
  if (parts.numbering) files[`${dir}/numbering.xml`] = strToU8(`<w:numbering xmlns:w="${W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">${parts.numbering}</w:numbering>`);
  for (const [name, xml] of Object.entries(parts.extra ?? {})) files[name] = typeof xml === 'string' ? strToU8(xml) : xml;
  return zipSync(files);
}

export const p = (text: string, pPr = '', rPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

export function abstractNum(id: number, levels: Array<{ fmt: string; text: string; start?: number; style?: string; isLgl?: boolean }>): string {
  return `<w:abstractNum w:abstractNumId="${id}">${levels
    .map(
      (l, i) =>
        `<w:lvl w:ilvl="${i}"><w:start w:val="${l.start ?? 1}"/><w:numFmt w:val="${l.fmt}"/>${l.style ? `<w:pStyle w:val="${l.style}"/>` : ''}${l.isLgl ? '<w:isLgl/>' : ''}<w:lvlText w:val="${l.text}"/></w:lvl>`,
    )
    .join('')}</w:abstractNum>`;
}

/** A block as the editor shows it: without where it came from in the .docx (source, run src ids). */
export function withoutSource<B extends { type: string }>(block: B): B {
  return JSON.parse(JSON.stringify(block, (k, v) => (k === 'source' || k === 'src' ? undefined : v)));
}

/**
 * The OPC package of a .docx: a zip of XML parts linked by relationships. Parts are inflated
 * only when the reader asks for one (never images), streaming, with every byte inflated counted
 * against a cap and each part's CRC-32 checked (zip.ts), so neither a zip bomb nor a lying entry
 * count or size costs more than the cap, and a damaged part is refused, not shown changed.
 * Parts are found through relationships, starting from _rels/.rels, never by assumed paths.
 */
import { UserError } from '../../api/errors';
import { parseXml } from './xml';
import { checkLocalHeaders, corruptZip, inflateEntry, readZipDirectory, type InflateBudget, type ZipEntry } from './zip';

export interface PackageLimits {
  /** Sum of the uncompressed sizes of the XML parts read. */
  maxXmlBytes: number;
}

export const DEFAULT_PACKAGE_LIMITS: PackageLimits = { maxXmlBytes: 256 * 1024 * 1024 };

export interface Relationship {
  id: string;
  /** The last segment of the relationship type URI: "officeDocument", "styles", "header"… (same in Strict and Transitional). */
  type: string;
  /** Resolved part name (no leading slash), or the raw target for external links. */
  target: string;
  external: boolean;
}

const partKey = (name: string) => name.toLowerCase().replace(/^\/+/, '');

export class DocxPackage {
  /** Entries by part name (lower-case, no leading slash). */
  private readonly entries: Map<string, ZipEntry>;
  private readonly inflated = new Map<string, Uint8Array>();
  /** Names of every entry, media included (lower-case). */
  readonly entryNames: string[];

  private constructor(
    private readonly bytes: Uint8Array,
    entries: Map<string, ZipEntry>,
    private readonly budget: InflateBudget,
  ) {
    this.entries = entries;
    this.entryNames = [...entries.values()].map((e) => e.name.toLowerCase());
  }

  static open(bytes: Uint8Array, limits: PackageLimits = DEFAULT_PACKAGE_LIMITS): DocxPackage {
    const entries = new Map<string, ZipEntry>();
    const directory = readZipDirectory(bytes);
    checkLocalHeaders(bytes, directory);
    for (const entry of directory) {
      const key = partKey(entry.name);
      if (key.endsWith('/')) continue;
      // OPC part names are unique: two members of one name would leave it to chance which is read.
      if (entries.has(key)) throw corruptZip(`压缩包中有两个同名的部件 ${entry.name}`);
      entries.set(key, entry);
    }
    const budget: InflateBudget = {
      remaining: limits.maxXmlBytes,
      exceeded: () =>
        new UserError('too-large', `文档解压后超过 ${Math.round(limits.maxXmlBytes / 1024 / 1024)} MB，可能是异常或恶意构造的压缩包，已拒绝打开。`),
    };
    return new DocxPackage(bytes, entries, budget);
  }

  has(part: string): boolean {
    return this.entries.has(partKey(part));
  }

  /** Any part's bytes (a picture's image), inflated against the same budget, not kept; undefined when missing. */
  binaryPart(part: string): Uint8Array | undefined {
    const entry = this.entries.get(partKey(part));
    return entry ? inflateEntry(this.bytes, entry, this.budget) : undefined;
  }

  /** An XML part's bytes, inflated on first use; undefined for a missing or non-XML part. */
  part(part: string): Uint8Array | undefined {
    const key = partKey(part);
    const done = this.inflated.get(key);
    if (done) return done;
    const entry = this.entries.get(key);
    if (!entry || !/\.(xml|rels)$/i.test(key)) return undefined;
    const bytes = inflateEntry(this.bytes, entry, this.budget);
    this.inflated.set(key, bytes);
    return bytes;
  }

  /** Relationships of a part ("" for the package itself). */
  relationships(source: string): Relationship[] {
    const dir = source.includes('/') ? source.slice(0, source.lastIndexOf('/')) : '';
    const base = source.slice(source.lastIndexOf('/') + 1);
    const relsName = source === '' ? '_rels/.rels' : `${dir ? `${dir}/` : ''}_rels/${base}.rels`;
    const bytes = this.part(relsName);
    if (!bytes) return [];
    const out: Relationship[] = [];
    parseXml(
      bytes,
      {
        open: (name, a) => {
          if (!name.endsWith(':Relationship') && name !== 'Relationship') return;
          const type = a.Type ?? '';
          const external = a.TargetMode === 'External';
          const target = a.Target ?? '';
          out.push({ id: a.Id ?? '', type: type.slice(type.lastIndexOf('/') + 1), target: external ? target : resolvePartName(dir, target), external });
        },
        close: () => {},
        text: () => {},
      },
      relsName,
    );
    return out;
  }

  /** Content type of a part from [Content_Types].xml. */
  contentType(part: string): string | undefined {
    const bytes = this.part('[Content_Types].xml');
    if (!bytes) return undefined;
    const wanted = `/${part.toLowerCase()}`;
    const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
    let override: string | undefined;
    let byExtension: string | undefined;
    parseXml(
      bytes,
      {
        open: (name, a) => {
          if (name.endsWith(':Override') && a.PartName?.toLowerCase() === wanted) override = a.ContentType;
          else if (name.endsWith(':Default') && a.Extension?.toLowerCase() === ext) byExtension = a.ContentType;
        },
        close: () => {},
        text: () => {},
      },
      '[Content_Types].xml',
    );
    return override ?? byExtension;
  }
}

/** Resolves a relationship target against the source part's folder: "../media/a.png", "/word/x.xml". */
export function resolvePartName(dir: string, target: string): string {
  const segments = target.startsWith('/') ? [] : dir.split('/').filter(Boolean);
  for (const seg of target.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') segments.pop();
    else segments.push(seg);
  }
  let name = segments.join('/');
  try {
    name = decodeURIComponent(name);
  } catch {
    // keep as written
  }
  return name;
}

/**
 * The OPC package of a .docx: a zip of XML parts linked by relationships. Only XML parts are
 * inflated (never images), each into a buffer no larger than its declared size, and the sum of
 * declared sizes is capped, so a zip bomb costs at most the cap. Parts are found through
 * relationships, starting from _rels/.rels, never by assumed paths.
 */
import { unzipSync } from 'fflate';
import { UserError } from '../../api/contract';
import { parseXml } from './xml';

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

export class DocxPackage {
  private readonly parts: Map<string, Uint8Array>;
  /** Names of every entry, media included (lower-case). */
  readonly entryNames: string[];

  private constructor(parts: Map<string, Uint8Array>, entryNames: string[]) {
    this.parts = parts;
    this.entryNames = entryNames;
  }

  static open(bytes: Uint8Array, limits: PackageLimits = DEFAULT_PACKAGE_LIMITS): DocxPackage {
    const entryNames: string[] = [];
    let declared = 0;
    let tooLarge = false;
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(bytes, {
        filter: (f) => {
          entryNames.push(f.name.toLowerCase());
          if (!/\.(xml|rels)$/i.test(f.name)) return false;
          declared += f.originalSize;
          if (declared > limits.maxXmlBytes) {
            tooLarge = true;
            return false;
          }
          return true;
        },
      });
    } catch (e) {
      throw new UserError('corrupt', `文件已损坏或不完整，无法作为 Word 文档（.docx）打开（${e instanceof Error ? e.message : String(e)}）。`);
    }
    if (tooLarge) {
      throw new UserError(
        'too-large',
        `文档解压后超过 ${Math.round(limits.maxXmlBytes / 1024 / 1024)} MB，可能是异常或恶意构造的压缩包，已拒绝打开。`,
      );
    }
    const parts = new Map<string, Uint8Array>();
    for (const [name, data] of Object.entries(files)) parts.set(name.toLowerCase().replace(/^\/+/, ''), data);
    return new DocxPackage(parts, entryNames);
  }

  has(part: string): boolean {
    return this.parts.has(part.toLowerCase());
  }

  part(part: string): Uint8Array | undefined {
    return this.parts.get(part.toLowerCase());
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

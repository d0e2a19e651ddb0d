/**
 * What a file really is, from its first bytes, whatever its extension says: a user renames
 * files, mail gateways rename them, and a .docx may be a password-protected OLE container.
 */
export type ContainerKind =
  | 'zip' // OOXML (.docx), also .zip, .xlsx…
  | 'ole' // OLE2 compound file: Word 97-2003 .doc, or an encrypted OOXML package
  | 'pdf'
  | 'image'
  | 'executable'
  | 'archive' // 7z, rar, gzip
  | 'rtf';

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[at + i] !== sig[i]) return false;
  return true;
}

export function sniffContainer(bytes: Uint8Array): ContainerKind | null {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'rtf'; // {\rtf
  if (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(bytes, [0xff, 0xd8, 0xff]) ||
    startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) ||
    startsWith(bytes, [0x42, 0x4d]) && bytes.length > 14 && bytes[6] === 0 && bytes[7] === 0
  )
    return 'image';
  if (startsWith(bytes, [0x4d, 0x5a]) || startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46])) return 'executable';
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf]) || startsWith(bytes, [0x52, 0x61, 0x72, 0x21]) || startsWith(bytes, [0x1f, 0x8b])) return 'archive';
  return null;
}

/** Which document an OLE2 compound file holds, from the names in its directory (UTF-16LE). */
export function oleContents(bytes: Uint8Array): 'encrypted-ooxml' | 'word-binary' | 'other' {
  const has = (name: string) => {
    const pattern: number[] = [];
    for (const ch of name) pattern.push(ch.charCodeAt(0), 0);
    outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
      for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
      return true;
    }
    return false;
  };
  if (has('EncryptedPackage') || has('EncryptionInfo')) return 'encrypted-ooxml';
  if (has('WordDocument')) return 'word-binary';
  return 'other';
}

const KIND_NAMES: Record<ContainerKind, string> = {
  zip: '压缩包或 Office 文档',
  ole: 'Office 97-2003 文档',
  pdf: 'PDF 文件',
  image: '图片',
  executable: '程序文件',
  archive: '压缩包',
  rtf: 'RTF 文档',
};

export function containerName(kind: ContainerKind): string {
  return KIND_NAMES[kind];
}

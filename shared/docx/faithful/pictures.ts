/**
 * The image of a picture the editor shows (InlineObject.rel), read from the source package: the
 * part its relationship names, if it is an image a browser can draw. Formats Word keeps but a
 * browser cannot draw (EMF, WMF, TIFF) give null: the editor shows a placeholder, the save keeps
 * the picture all the same.
 */
import { DocxPackage } from '../read/package';

/** Larger images are not shown (kept all the same). */
export const MAX_SHOWN_PICTURE_BYTES = 20 * 1024 * 1024;

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);

/** The image type from its first bytes (never from the name: a part may be named anything). */
export function imageMime(b: Uint8Array): string | null {
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47])) return 'image/png';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(b, [0x47, 0x49, 0x46, 0x38])) return 'image/gif';
  if (startsWith(b, [0x42, 0x4d])) return 'image/bmp';
  if (startsWith(b, [0x52, 0x49, 0x46, 0x46]) && startsWith(b, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

/** The picture's image bytes and type, or null when it cannot be shown. */
export function sourcePicture(sourcePackage: Uint8Array, rel: string): { mime: string; bytes: Uint8Array } | null {
  try {
    const pkg = DocxPackage.open(sourcePackage, { maxXmlBytes: MAX_SHOWN_PICTURE_BYTES });
    const main = pkg.relationships('').find((r) => r.type === 'officeDocument' && !r.external);
    if (!main) return null;
    const target = pkg.relationships(main.target).find((r) => r.id === rel && r.type === 'image' && !r.external);
    if (!target) return null;
    const bytes = pkg.binaryPart(target.target);
    const mime = bytes ? imageMime(bytes) : null;
    return bytes && mime ? { mime, bytes } : null;
  } catch {
    return null;
  }
}

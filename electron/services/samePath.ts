/**
 * Whether two paths name the same file: resolved, and without regard to letter case where the
 * usual file systems ignore it (Windows, macOS).
 */
import path from 'node:path';

export function samePath(a: string | null | undefined, b: string): boolean {
  if (!a) return false;
  const ra = path.resolve(a);
  const rb = path.resolve(b);
  return process.platform === 'win32' || process.platform === 'darwin' ? ra.toLowerCase() === rb.toLowerCase() : ra === rb;
}

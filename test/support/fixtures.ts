/** The shared test data (../shared beside the repository), read at test time, never copied. */
import { chmodSync, copyFileSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const SHARED = path.resolve(__dirname, '..', '..', '..', 'shared');
export const FIXTURES = path.join(SHARED, 'fixtures');

export function fixturePath(kind: 'docx' | 'txt', name: string): string {
  return path.join(FIXTURES, kind, name);
}

export function fixtureBytes(kind: 'docx' | 'txt', name: string): Uint8Array {
  return new Uint8Array(readFileSync(fixturePath(kind, name)));
}

/** Every file present in a fixture folder (the manifest lists a few that are absent). */
export function fixtureNames(kind: 'docx' | 'txt'): string[] {
  return readdirSync(path.join(FIXTURES, kind)).sort();
}

/**
 * Copies a fixture as a user's own document: writable (the shared fixtures are read-only, and
 * saving over a read-only file asks first, as Word does).
 */
export function writableCopy(src: string, dest: string): void {
  copyFileSync(src, dest);
  chmodSync(dest, 0o644);
}

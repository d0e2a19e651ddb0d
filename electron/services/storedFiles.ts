/**
 * Files Wengao keeps in the user-data folder (settings, state, suggestion history, the phrase
 * index cache, backups) are never trusted to have the right shape: one that cannot be read as
 * what it should be is set aside as `<name>.corrupt-<time>` (kept for inspection, never
 * overwritten) and the caller uses its defaults, so a damaged file can never stop the app.
 */
import { promises as fs } from 'node:fs';

/** Renames a damaged file out of the way; the new path, or null when it could not be moved. */
export async function setAside(file: string): Promise<string | null> {
  const aside = `${file}.corrupt-${Date.now()}`;
  try {
    await fs.rename(file, aside);
    return aside;
  } catch {
    return null;
  }
}

export type JsonObject = Record<string, unknown>;

/**
 * A stored JSON object: {} when the file does not exist; when it is not JSON, or is JSON of
 * another shape (`null`, `[]`, `42`), it is set aside and {} is returned.
 */
export async function readStoredObject(file: string): Promise<JsonObject> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    return {};
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) return value as JsonObject;
  await setAside(file);
  return {};
}

import { z } from 'zod';

/** How many corpus folders a user may add (the settings UI adds and removes them one by one). */
export const MAX_CORPUS_FOLDERS = 50;

/**
 * User settings, stored as JSON in the user-data folder. Every field has a default so a
 * settings file written by an older (or newer) version still parses: unknown keys are dropped,
 * missing or invalid ones fall back to their default.
 */
export const SettingsSchema = z.object({
  /** Show the outline pane on the left. */
  showOutline: z.boolean().catch(true),
  /** Editor zoom in percent. */
  zoom: z.number().int().min(50).max(300).catch(100),
  /** Phrase suggestions (ghost text) while typing. */
  suggestions: z.boolean().catch(true),
  /** Folders of the user's own reports that suggestions draw on (absolute paths). */
  corpusFolders: z.array(z.string().min(1).max(32767)).max(MAX_CORPUS_FOLDERS).catch([]),
});

export type Settings = z.infer<typeof SettingsSchema>;

/** A partial update as sent by the renderer; validated field by field. */
export const SettingsPatchSchema = z
  .object({
    showOutline: z.boolean(),
    zoom: z.number().int().min(50).max(300),
    suggestions: z.boolean(),
  })
  .partial()
  .strict();

export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export function parseSettings(raw: unknown): Settings {
  const obj = raw && typeof raw === 'object' ? raw : {};
  return SettingsSchema.parse(obj);
}

export function defaultSettings(): Settings {
  return parseSettings({});
}

export const MAX_RECENT_FILES = 10;

import { z } from 'zod';

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
  /** Renumber 一、/（一）/1./（1） headings when sections are moved, inserted or deleted. */
  autoRenumber: z.boolean().catch(true),
});

export type Settings = z.infer<typeof SettingsSchema>;

/** A partial update as sent by the renderer; validated field by field. */
export const SettingsPatchSchema = z
  .object({
    showOutline: z.boolean(),
    zoom: z.number().int().min(50).max(300),
    autoRenumber: z.boolean(),
  })
  .partial()
  .strict();

export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export function parseSettings(raw: unknown): Settings {
  const obj = raw && typeof raw === 'object' ? raw : {};
  return SettingsSchema.parse(obj);
}

export const MAX_RECENT_FILES = 10;

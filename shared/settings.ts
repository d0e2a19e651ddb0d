import { z } from 'zod';
import { DEFAULT_EXPORT_FONTS, EXPORT_FONT_SLOTS, isValidFontName, type ExportFonts } from './export/fonts';
import { DEFAULT_EXPORT_SETTINGS, EXPORT_TEMPLATES, EXPORT_TEXT_ENCODINGS, type ExportSettings } from './export/settings';

export { DEFAULT_EXPORT_SETTINGS, EXPORT_TEMPLATES, EXPORT_TEXT_ENCODINGS, type ExportSettings, type ExportTemplate, type TextEncodingName } from './export/settings';

const FontName = z.string().refine(isValidFontName, '无效的字体名称');

const FontsShape = (field: (slot: keyof ExportFonts) => z.ZodType<string>) =>
  z.object(Object.fromEntries(EXPORT_FONT_SLOTS.map((k) => [k, field(k)])) as Record<keyof ExportFonts, z.ZodType<string>>);

/** As stored: every field falls back to its default on its own. */
const ExportSettingsStored = z
  .object({
    fonts: FontsShape((k) => FontName.catch(DEFAULT_EXPORT_FONTS[k])).catch({ ...DEFAULT_EXPORT_FONTS }),
    author: z.string().max(200).catch(''),
    heading3Bold: z.boolean().catch(true),
    normalizeDates: z.boolean().catch(false),
    template: z.enum(EXPORT_TEMPLATES).catch('gbt9704'),
    textEncoding: z.enum(EXPORT_TEXT_ENCODINGS).catch('utf-8'),
    textCrlf: z.boolean().catch(true),
  })
  .catch(() => ({ ...DEFAULT_EXPORT_SETTINGS, fonts: { ...DEFAULT_EXPORT_FONTS } })) as z.ZodType<ExportSettings>;

/** As sent by the renderer: the whole export section, every field checked. */
export const ExportSettingsSchema = z
  .object({
    fonts: FontsShape(() => FontName).strict(),
    author: z.string().max(200),
    heading3Bold: z.boolean(),
    normalizeDates: z.boolean(),
    template: z.enum(EXPORT_TEMPLATES),
    textEncoding: z.enum(EXPORT_TEXT_ENCODINGS),
    textCrlf: z.boolean(),
  })
  .strict();

/** 校对: on/off, the kinds switched off, and the findings the user chose to ignore always. */
export const PROOFREAD_KINDS = ['tifa', 'typo', 'idiom', 'wording', 'repeat', 'punct', 'number', 'gongwen', 'placeholder', 'numbering'] as const;
export const MAX_IGNORED_FINDINGS = 2000;
const ProofreadSettingsShape = z.object({
  enabled: z.boolean(),
  off: z.array(z.enum(PROOFREAD_KINDS)).max(PROOFREAD_KINDS.length),
  /** "rule|text" of findings ignored always. */
  ignored: z.array(z.string().min(1).max(200)).max(MAX_IGNORED_FINDINGS),
});
export type ProofreadSettings = z.infer<typeof ProofreadSettingsShape>;
const ProofreadSettingsStored = z
  .object({
    enabled: z.boolean().catch(true),
    off: z.array(z.enum(PROOFREAD_KINDS)).max(PROOFREAD_KINDS.length).catch([]),
    ignored: z.array(z.string().min(1).max(200)).max(MAX_IGNORED_FINDINGS).catch([]),
  })
  .catch({ enabled: true, off: [], ignored: [] });

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
  /** Export (Word, PDF, text): see shared/export and ../shared/docs/gbt9704.md. */
  export: ExportSettingsStored,
  /** Phrase suggestions (ghost text) while typing. */
  suggestions: z.boolean().catch(true),
  /** Folders of the user's own reports that suggestions draw on (absolute paths). */
  corpusFolders: z.array(z.string().min(1).max(32767)).max(MAX_CORPUS_FOLDERS).catch([]),
  /** Renumber 一、/（一）/1./（1） headings when sections are moved, inserted or deleted. */
  autoRenumber: z.boolean().catch(true),
  /** 校对 (shared/proofread). */
  proofread: ProofreadSettingsStored,
});

export type Settings = z.infer<typeof SettingsSchema>;

/** A partial update as sent by the renderer; validated field by field. */
export const SettingsPatchSchema = z
  .object({
    showOutline: z.boolean(),
    zoom: z.number().int().min(50).max(300),
    export: ExportSettingsSchema,
    suggestions: z.boolean(),
    autoRenumber: z.boolean(),
    proofread: ProofreadSettingsShape.strict(),
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

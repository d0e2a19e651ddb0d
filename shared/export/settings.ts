/**
 * The export settings (Word template, fonts, plain-text encoding) and their defaults. Kept free
 * of zod, so that the CLI and the document worker can use them without loading the settings
 * schemas; shared/settings.ts validates them and re-exports these.
 */
import { DEFAULT_EXPORT_FONTS, type ExportFonts } from './fonts';

export const EXPORT_TEMPLATES = ['gbt9704', 'plain'] as const;
export type ExportTemplate = (typeof EXPORT_TEMPLATES)[number];
export const EXPORT_TEXT_ENCODINGS = ['utf-8', 'gb18030'] as const;
export type TextEncodingName = (typeof EXPORT_TEXT_ENCODINGS)[number];

export interface ExportSettings {
  /** Font names written into the Word file and used by the print view / PDF. */
  fonts: ExportFonts;
  /** Author in the Word file's core properties; empty: none. */
  author: string;
  /** 三级标题 "1." in bold (common practice, not the standard). */
  heading3Bold: boolean;
  /** Rewrite the 成文日期 as 2024年3月5日 (Arabic numerals, no leading zeros). */
  normalizeDates: boolean;
  /** Last template chosen for Word export. */
  template: ExportTemplate;
  /** Plain-text export: encoding and Windows line endings (CRLF). */
  textEncoding: TextEncodingName;
  textCrlf: boolean;
}

export const DEFAULT_EXPORT_SETTINGS: Readonly<ExportSettings> = Object.freeze({
  fonts: DEFAULT_EXPORT_FONTS,
  author: '',
  heading3Bold: true,
  normalizeDates: false,
  template: 'gbt9704',
  textEncoding: 'utf-8',
  textCrlf: true,
});

/**
 * The Word writer used wherever a .docx is saved (the app, the web harness, `wengao convert`).
 * Saving .docx is refused with a clear message while this is null.
 */
import type { DocxWriter } from './documentFiles';

export const wordWriter: DocxWriter | null = null;

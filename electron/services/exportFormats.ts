/**
 * The export formats and their file extensions, on their own so that the CLI can tell the format
 * of an output path without loading the writers (exportFiles.ts re-exports them).
 */
import path from 'node:path';

export type ExportFormat = 'docx' | 'txt' | 'pdf';

export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = { docx: '.docx', txt: '.txt', pdf: '.pdf' };

export function exportFormatOfPath(file: string): ExportFormat | null {
  const ext = path.extname(file).toLowerCase();
  for (const [format, e] of Object.entries(EXPORT_EXTENSIONS) as [ExportFormat, string][]) if (e === ext) return format;
  return null;
}

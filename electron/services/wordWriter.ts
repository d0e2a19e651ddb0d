/**
 * The Word writer used wherever a .docx is saved (the app, the web harness, `wengao convert`):
 * the export's writer with the 通用 template, which keeps the document's own alignment, indents
 * and headings (the 公文 layout is an export choice, not something saving imposes), and the
 * user's fonts and author from the export settings.
 */
import type { ExportSettings } from '../../shared/settings';
import type { DocxWriter } from './documentFiles';
import { renderExport } from './exportFiles';

export function wordWriter(settings: () => ExportSettings): DocxWriter {
  return (doc) => renderExport(doc, 'docx', { ...settings(), template: 'plain' });
}

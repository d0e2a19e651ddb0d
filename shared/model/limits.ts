/**
 * The size limits of a document, which every reader enforces and the schema (schema.ts) checks
 * with the same numbers. Kept free of zod, so that the readers, the document worker and the CLI
 * can use them without loading the schemas (schema.ts re-exports them).
 */

/** Characters in one document (documentSize): 25× the 200,000-character design target. */
export const MAX_DOCUMENT_CHARS = 5_000_000;

/** Paragraphs, rows, cells or runs in one list: each costs at least one character of the document's size. */
export const MAX_DOCUMENT_PARTS = MAX_DOCUMENT_CHARS + 1;

/**
 * The widest indent, in characters either way: Word's largest indent (22 inches, 1584 pt) in
 * characters of 5 pt (八号, the smallest size Word lists) is 316.8. A .txt line's leading
 * whitespace counts a full-width space as one character, a tab as two, a space as half.
 */
export const MAX_INDENT_CHARS = 320;

/** Grid columns a table cell spans at most (Word allows 63 columns, LibreOffice 1000 per table). */
export const MAX_COLUMN_SPAN = 1000;

/**
 * The 页眉页脚与批注 panel (model/stories.ts): longest text kept for one header, footer or comment
 * and for a comment's anchored text; sections and comments listed at most (far above any real
 * document). Here so that the body reader, which records sections and comment anchors, need not
 * load the stories' schema.
 */
export const MAX_STORY_CHARS = 4000;
export const MAX_ANCHOR_CHARS = 200;
export const MAX_SECTIONS = 10_000;
export const MAX_COMMENTS = 10_000;

/** Characters of the title or author in the document's properties (the .docx reader keeps 1,000). */
export const MAX_META_CHARS = 10_000;

/**
 * The message when a document is over the size limit (readers and the schema say the same).
 * Formatting the number loads ICU's locale data (~15 ms): only when a message is needed.
 */
export function tooLargeMessage(name?: string): string {
  return `${name ? `“${name}”` : '文档'}的文字超过 ${MAX_DOCUMENT_CHARS.toLocaleString('zh-CN')} 字，超出了文稿能处理的上限。`;
}

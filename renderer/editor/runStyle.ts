/**
 * A run's formatting on a Lexical text node: bold/italic/underline/strikethrough/sub/superscript
 * as Lexical's format bits; size, fonts, colour and highlight as CSS in the node's style (what
 * the user sees), with the model's exact values and the run's source id alongside as custom
 * properties (--wg-…), which Lexical carries through typing, splitting and undo like any style.
 */
import type { Run } from '../../shared/model/document';

const BOLD = 1;
const ITALIC = 2;
const STRIKE = 4;
const UNDERLINE = 8;
const SUBSCRIPT = 32;
const SUPERSCRIPT = 64;

/** Word's highlight colours as CSS colours. */
const HIGHLIGHT_CSS: Record<string, string> = {
  yellow: '#ffff00',
  green: '#00ff00',
  cyan: '#00ffff',
  magenta: '#ff00ff',
  blue: '#0000ff',
  red: '#ff0000',
  darkBlue: '#000080',
  darkCyan: '#008080',
  darkGreen: '#008000',
  darkMagenta: '#800080',
  darkRed: '#800000',
  darkYellow: '#808000',
  darkGray: '#808080',
  lightGray: '#c0c0c0',
  black: '#000000',
  white: '#ffffff',
};

export function formatBitsOf(run: Omit<Run, 'text'>): number {
  return (
    (run.bold ? BOLD : 0) |
    (run.italic ? ITALIC : 0) |
    (run.underline ? UNDERLINE : 0) |
    (run.strike ? STRIKE : 0) |
    (run.vertAlign === 'subscript' ? SUBSCRIPT : 0) |
    (run.vertAlign === 'superscript' ? SUPERSCRIPT : 0)
  );
}

const clean = (v: string) => v.replace(/[;:"'\\{}<>]/g, '');

export function styleOf(run: Omit<Run, 'text'>): string {
  const css: string[] = [];
  if (run.size) css.push(`font-size: ${run.size}pt`);
  const families = [run.fontLatin, run.font].filter((f): f is string => Boolean(f)).map((f) => `"${clean(f)}"`);
  if (families.length > 0) css.push(`font-family: ${families.join(', ')}, var(--wg-body-font, serif)`);
  if (run.color) css.push(`color: #${run.color}`);
  if (run.highlight) css.push(`background-color: ${HIGHLIGHT_CSS[run.highlight] ?? 'transparent'}`);
  if (run.size) css.push(`--wg-size: ${run.size}`);
  if (run.font) css.push(`--wg-font: ${clean(run.font)}`);
  if (run.fontLatin) css.push(`--wg-font-latin: ${clean(run.fontLatin)}`);
  if (run.color) css.push(`--wg-color: ${run.color}`);
  if (run.highlight) css.push(`--wg-highlight: ${clean(run.highlight)}`);
  if (run.src) css.push(`--wg-src: ${clean(run.src.replace(':', '/'))}`);
  return css.join('; ');
}

/** The run formatting a text node's format bits and style stand for. */
export function runFormatOf(format: number, style: string): Omit<Run, 'text'> {
  const f: Omit<Run, 'text'> = {};
  if (format & BOLD) f.bold = true;
  if (format & ITALIC) f.italic = true;
  if (format & UNDERLINE) f.underline = true;
  if (format & STRIKE) f.strike = true;
  if (format & SUBSCRIPT) f.vertAlign = 'subscript';
  else if (format & SUPERSCRIPT) f.vertAlign = 'superscript';
  if (!style) return f;
  const prop = (name: string) => new RegExp(`(?:^|;)\\s*--wg-${name}:\\s*([^;]*)`).exec(style)?.[1]?.trim();
  const size = Number(prop('size'));
  if (size > 0) f.size = size;
  const font = prop('font');
  if (font) f.font = font;
  const latin = prop('font-latin');
  if (latin) f.fontLatin = latin;
  const color = prop('color');
  if (color && /^[0-9A-F]{6}$/.test(color)) f.color = color;
  const highlight = prop('highlight');
  if (highlight) f.highlight = highlight;
  const src = prop('src');
  if (src) f.src = src.replace('/', ':');
  return f;
}

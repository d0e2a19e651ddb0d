/**
 * Redaction placeholders. Reports copied from the web hide names and figures as **, *次, XX,
 * ××, □, ○○ or 某某; in the corpus they all become one slot, so that "尊敬的**部长" and
 * "尊敬的XX部长" are the same phrase, and a suggestion shows the slot as a field to fill in.
 */

/** The one character a placeholder becomes in the index (a private-use code point). */
export const SLOT = '\uE000';
/** How a slot is written into the document when a suggestion is accepted (then selected). */
export const SLOT_TEXT = '××';

const CHINESE_DIGITS = '〇零一二三四五六七八九十百千';

/**
 * Placeholder runs. ○ (U+25CB) is also written as a zero in dates (二○一九年): a run next to
 * a Chinese digit is a number, not a placeholder. A single ×, X or 某 is a real character.
 */
const PLACEHOLDER = /[*＊]+|(?<![A-Za-zＡ-Ｚａ-ｚ])(?:[Xx]{2,}|[Ｘｘ]{2,})(?![A-Za-zＡ-Ｚａ-ｚ])|×{2,}|□+|○{2,}|某某+/g;

export interface PlaceholderMatch {
  start: number;
  end: number;
}

/** Placeholder runs in a line of text. */
export function findPlaceholders(text: string): PlaceholderMatch[] {
  const out: PlaceholderMatch[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    const start = m.index;
    const end = start + m[0].length;
    const isDigit = (ch: string | undefined) => ch !== undefined && CHINESE_DIGITS.includes(ch);
    if (m[0][0] === '○' && (isDigit(text[start - 1]) || isDigit(text[end]) || text[end] === '年')) continue;
    out.push({ start, end });
  }
  return out;
}

/** Replaces every placeholder run by one SLOT character. */
export function markSlots(text: string): string {
  const found = findPlaceholders(text);
  if (found.length === 0) return text;
  let out = '';
  let at = 0;
  for (const m of found) {
    out += text.slice(at, m.start) + SLOT;
    at = m.end;
  }
  return out + text.slice(at);
}

/** Text for display or insertion: each slot as SLOT_TEXT, with the ranges of the slots. */
export function renderSlots(text: string): { text: string; slots: Array<[number, number]> } {
  if (!text.includes(SLOT)) return { text, slots: [] };
  let out = '';
  const slots: Array<[number, number]> = [];
  for (const ch of text) {
    if (ch === SLOT) {
      slots.push([out.length, out.length + SLOT_TEXT.length]);
      out += SLOT_TEXT;
    } else out += ch;
  }
  return { text: out, slots };
}

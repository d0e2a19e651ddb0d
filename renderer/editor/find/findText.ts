/** Plain-text matching for 查找/替换: non-overlapping occurrences, optionally ignoring case. */
export interface FindOptions {
  matchCase: boolean;
}

export function findInText(text: string, query: string, opts: FindOptions): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (query === '') return out;
  let hay = text;
  let needle = query;
  if (!opts.matchCase) {
    const h = text.toLowerCase();
    const n = query.toLowerCase();
    // Lower-casing can change lengths for a few letters (e.g. "İ"); offsets must stay aligned.
    if (h.length === text.length && n.length === query.length) {
      hay = h;
      needle = n;
    }
  }
  let from = 0;
  for (;;) {
    const i = hay.indexOf(needle, from);
    if (i < 0) break;
    out.push([i, i + needle.length]);
    from = i + needle.length;
  }
  return out;
}

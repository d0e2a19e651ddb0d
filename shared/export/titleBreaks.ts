/**
 * Line breaks for a long 公文 title (GB/T 9704-2012 7.3.1): "回行时，要做到词意完整，排列对称，长短
 * 适宜，间距恰当，标题排列应当使用梯形或菱形". Word and browsers break Chinese anywhere, so the
 * exporter chooses the breaks: only at word boundaries, lines as even as possible, never
 * separating "关于" from its subject or "的通知" from what precedes it.
 */
import { displayWidth } from './gbt9704';

/** Words a title line must not end with (they introduce what follows). */
const NO_BREAK_AFTER = /(关于|对|对于|在|为|和|与|及|以及|的|等|“|《|（|\()$/;
/** What must not start a line (binds to what precedes). */
const NO_BREAK_BEFORE = /^(的|之|和|与|及|等|了|”|》|）|\)|、|，|。|：|；|\s)/;
/** A number stays with its unit (2019年, 3号). */
const NUMBER_UNIT = /\d$/;
const UNIT = /^[年月日号届次个项%]/;
/** Strong boundaries: before "关于" (after the issuing organ), before a book title, before the genre phrase. */
const GOOD_BREAK_BEFORE = /^(关于|《)/;
/** Strong boundaries: after "关于" + a verb of the 事由 (关于开展 | …), after a closing bracket. */
const GOOD_BREAK_AFTER = /(关于(进一步)?(开展|印发|做好|加强|推进|实施|建立|完善|深化|促进|加快|同意|设立|调整|表彰|公布|发布|废止|修改|批准|转发|贯彻|落实|规范|支持|组织|做好|召开|举办|下达|确定|命名|授予)|》|）|\))$/;
/** A break between two ordinary words costs this much (a strong boundary costs nothing). */
const WEAK_BREAK = 20;

type Segmenter = { segment(s: string): Iterable<{ segment: string }> };

function words(text: string): string[] {
  const Seg = (Intl as unknown as { Segmenter?: new (l: string, o: { granularity: 'word' }) => Segmenter }).Segmenter;
  if (!Seg) return [...text];
  return [...new Seg('zh-CN', { granularity: 'word' }).segment(text)].map((s) => s.segment);
}

/**
 * Splits a title into lines of at most `maxWidth` characters (full-width units), or returns it
 * as one line when it fits. Balanced lengths win; a rectangle (equal lines) is acceptable.
 */
export function breakTitle(text: string, maxWidth: number): string[] {
  const total = displayWidth(text);
  if (total <= maxWidth || text.includes('\n')) return [text];
  const ws = words(text);
  // Boundaries: index into ws after which a break may go, with the width up to there.
  const pos: number[] = [0];
  const cum: number[] = [0];
  for (const w of ws) {
    pos.push(pos[pos.length - 1]! + w.length);
    cum.push(cum[cum.length - 1]! + displayWidth(w));
  }
  const penalty = (k: number): number => {
    // Break after word k-1, before word k.
    if (k <= 0 || k >= ws.length) return 0;
    const before = ws.slice(0, k).join('');
    const after = ws.slice(k).join('');
    let p = 0;
    if (NO_BREAK_AFTER.test(before)) p += 40;
    if (NO_BREAK_BEFORE.test(after)) p += 40;
    if (NUMBER_UNIT.test(before) && UNIT.test(after)) p += 40;
    if (!GOOD_BREAK_BEFORE.test(after) && !GOOD_BREAK_AFTER.test(before)) p += WEAK_BREAK;
    // The genre word (通知, 意见…) with its "的" stays together: breaking inside a short tail is ugly.
    if (total - cum[k]! < 3) p += 20;
    return p;
  };
  const minLines = Math.ceil(total / maxWidth);
  let best: { cost: number; cuts: number[] } | null = null;
  for (let lines = minLines; lines <= minLines + 1; lines++) {
    const ideal = total / lines;
    // dp[m][k]: cheapest way to set words [0, k) on m lines.
    const n = ws.length;
    const dp: number[][] = Array.from({ length: lines + 1 }, () => new Array<number>(n + 1).fill(Infinity));
    const from: number[][] = Array.from({ length: lines + 1 }, () => new Array<number>(n + 1).fill(-1));
    dp[0]![0] = 0;
    for (let m = 1; m <= lines; m++) {
      for (let k = 1; k <= n; k++) {
        for (let j = 0; j < k; j++) {
          const prev = dp[m - 1]![j]!;
          if (!Number.isFinite(prev)) continue;
          const w = cum[k]! - cum[j]!;
          if (w > maxWidth) continue;
          const c = prev + (w - ideal) ** 2 + (k < n ? penalty(k) : 0);
          if (c < dp[m]![k]!) {
            dp[m]![k] = c;
            from[m]![k] = j;
          }
        }
      }
    }
    const cost = dp[lines]![n]! + (lines - minLines) * 30;
    if (Number.isFinite(cost) && (!best || cost < best.cost)) {
      const cuts: number[] = [];
      for (let m = lines, k = n; m > 0; m--) {
        cuts.unshift(k);
        k = from[m]![k]!;
      }
      best = { cost, cuts };
    }
  }
  if (!best) {
    // A single word longer than a line: fall back to Word's own breaking.
    return [text];
  }
  const out: string[] = [];
  let start = 0;
  for (const k of best.cuts) {
    out.push(text.slice(pos[start]!, pos[k]!));
    start = k;
  }
  return out;
}

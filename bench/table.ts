/** Statistics and the table `npm run bench` prints. */
export function median(xs: number[]): number {
  return percentile(xs, 50);
}

export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const idx = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[idx]!;
}

export interface Row {
  figure: string;
  ours: string;
  baseline?: string;
  ratio?: string;
  goal?: string;
}

export function fmtMs(x: number): string {
  return Number.isFinite(x) ? `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms` : '—';
}

export function ratio(a: number, b: number): string {
  return Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : '—';
}

export function printTable(title: string, rows: Row[], head: Row = { figure: 'figure', ours: 'Wengao', baseline: 'baseline', ratio: 'ratio', goal: 'goal' }): void {
  const cols: (keyof Row)[] = ['figure', 'ours', 'baseline', 'ratio', 'goal'];
  const width = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const widths = cols.map((c) => Math.max(...[head, ...rows].map((r) => width(r[c] ?? ''))));
  const line = (r: Row) => cols.map((c, i) => (r[c] ?? '') + ' '.repeat(widths[i]! - width(r[c] ?? ''))).join(' | ');
  process.stdout.write(`\n## ${title}\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}\n${rows.map(line).join('\n')}\n`);
}

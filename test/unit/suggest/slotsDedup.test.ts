import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SLOT, findPlaceholders, markSlots, renderSlots } from '../../../shared/corpus/slots';
import { containment, findDuplicates, fingerprint } from '../../../shared/corpus/dedup';
import { prepareCorpus } from '../../../shared/corpus/prepare';
import { CORPUS, corpusSources } from './corpusText';

describe('redaction placeholders', () => {
  it('turns every placeholder kind into one slot', () => {
    expect(markSlots('尊敬的**部长')).toBe(`尊敬的${SLOT}部长`);
    expect(markSlots('讲党课*次，培训*余人次')).toBe(`讲党课${SLOT}次，培训${SLOT}余人次`);
    expect(markSlots('XX市××局□□同志与某某某')).toBe(`${SLOT}市${SLOT}局${SLOT}同志与${SLOT}`);
    expect(markSlots('○○县人民政府')).toBe(`${SLOT}县人民政府`);
  });

  it('keeps real characters that look like placeholders', () => {
    for (const s of ['二○一九年一月', '3×4米', '某些地方', 'Xbox 与 XXL', '某项工作']) expect(findPlaceholders(s), s).toEqual([]);
  });

  it('shows a slot as ×× and tells where it is', () => {
    expect(renderSlots(`尊敬的${SLOT}部长`)).toEqual({ text: '尊敬的××部长', slots: [[3, 5]] });
  });

  it('finds the slots of the real seeds', () => {
    const text = readFileSync(path.join(CORPUS, 'seeds', '002_182f94ccda9023a4.txt'), 'utf8');
    expect(markSlots(text)).not.toContain('*');
    expect(markSlots(text).split(SLOT).length - 1).toBeGreaterThan(30);
  });
});

describe('duplicate documents', () => {
  const sources = corpusSources();
  const seed = sources.find((s) => s.id.includes('003_'))!;

  it('indexes an exact copy and a lightly edited copy once, keeping distinct reports', () => {
    const edited = seed.lines.map((l) => l.replace(/2022年/g, '2023年').replace(/132个/g, '140个'));
    edited.splice(3, 1); // a paragraph left out
    const prepared = prepareCorpus([...sources, { id: 'copy', name: 'copy.txt', lines: [...seed.lines] }, { id: 'edited', name: 'edited.txt', lines: edited }]);
    expect(prepared.documents).toHaveLength(sources.length);
    expect(prepared.duplicates).toHaveLength(2);
    for (const pair of prepared.duplicates) for (const id of pair) expect([seed.id, 'copy', 'edited']).toContain(id);
  });

  it('does not take two different reports of the same genre for duplicates', () => {
    const fps = sources.map((s) => fingerprint(s.lines.join('\n')));
    expect([...findDuplicates(fps, sources.map((s) => s.lines.join('').length))].every((d) => d === -1)).toBe(true);
    expect(containment(fps[0]!, fps[1]!)).toBeLessThan(0.2);
  });
});

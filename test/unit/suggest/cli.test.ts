import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, SEED_WITH_ADS } from './corpusText';

const bin = path.resolve(__dirname, '../../../build/app/cli.cjs');
const cache = mkdtempSync(path.join(os.tmpdir(), 'wengao-cli-cache-'));
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input, env: { ...process.env, WENGAO_CACHE_DIR: cache } });

describe('wengao index / suggest / clean', () => {
  it('is built', () => expect(existsSync(bin), 'run `npm run build` first').toBe(true));

  it('suggests continuations from a corpus folder, best first, as text or JSON', () => {
    const text = run(['suggest', '--corpus', CORPUS, '增强']);
    expect(text.status).toBe(0);
    expect(text.stdout.split('\n')[0]).toMatch(/^1\. “四个意识”、坚定“四个自信”、做到“两个维护”\s+（\d+ 篇，来源：.+）$/);
    const json = run(['suggest', '--corpus', CORPUS, '--json', '-k', '3', '一体推进']);
    const out = JSON.parse(json.stdout);
    expect(out.context).toBe('一体推进');
    expect(out.suggestions.length).toBeLessThanOrEqual(3);
    expect(out.suggestions[0]).toEqual({ text: '不敢腐、不能腐、不想腐', documents: 3, source: expect.stringMatching(/\.txt$/) });
  });

  it('answers one JSON line per context line with --stdin (--ghost: only what the editor would show)', () => {
    const r = run(['suggest', '--corpus', CORPUS, '--stdin', '--ghost'], '一体推进\n我们要\n尊敬的\n');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.context)).toEqual(['一体推进', '我们要', '尊敬的']);
    expect(lines[0].suggestions.map((s: { text: string }) => s.text)).toEqual(['不敢腐、不能腐、不想腐']);
    expect(lines[1].suggestions).toEqual([]);
  });

  it('writes an index file and suggests from it; slots print as ××', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'wengao-idx-')), 'corpus.wgi');
    const idx = run(['index', CORPUS, '-o', file, '--json']);
    expect(idx.status).toBe(0);
    expect(JSON.parse(idx.stdout)).toMatchObject({ output: file, documents: 13, duplicates: 0, failed: [] });
    const r = run(['suggest', '--corpus', file, '--json', '尊敬的']);
    expect(JSON.parse(r.stdout).suggestions.map((s: { text: string }) => s.text)).toContain('××部长');
  });

  it('cleans a seed: no advertising left, a summary on stderr', () => {
    const r = run(['clean', SEED_WITH_ADS]);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/哒哒|公众号|##paid/);
    expect(r.stdout).toContain('党组书记抓党建工作报告');
    expect(r.stderr).toContain('推广信息 4 处');
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'wengao-clean-')), '清理后.txt');
    expect(run(['clean', SEED_WITH_ADS, '-o', out]).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(r.stdout);
    const json = run(['clean', SEED_WITH_ADS, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ text: r.stdout, removed: expect.any(Object) });
    const out2 = `${out}.2.txt`;
    const written = JSON.parse(run(['clean', SEED_WITH_ADS, '-o', out2, '--json']).stdout);
    expect(written).toMatchObject({ output: out2, removed: expect.any(Object) });
    expect(written.text).toBeUndefined();
    expect(readFileSync(out2, 'utf8')).toBe(r.stdout);
  });

  it('says what is wrong in one line, without a stack trace', () => {
    for (const args of [
      ['suggest', '--corpus', path.join(CORPUS, 'nope'), '增强'],
      ['suggest', '增强'],
      ['suggest', '--corpus', CORPUS, '-k', '0', '增强'],
      ['suggest', '--corpus', SEED_WITH_ADS, '增强'],
      ['index', path.join(CORPUS, 'nope')],
      ['clean', path.join(CORPUS, 'nope.txt')],
    ]) {
      const r = run(args);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(/^wengao: .*[\u4e00-\u9fa5]/);
      expect(r.stderr).not.toMatch(/at .*:\d+/);
    }
  });
});

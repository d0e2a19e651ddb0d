import { defaultSettings } from '../../../shared/settings';
import { describe, expect, it } from 'vitest';
import {
  API_CALL_NAMES,
  ApiError,
  UserError,
  apiCalls,
  checkCall,
  createApiClient,
  createDispatcher,
  type ApiHandlers,
} from '../../../shared/api/contract';
import { stubHandlers } from '../../support/stubHandlers';

const handlers: ApiHandlers = stubHandlers({
  getAppInfo: () => ({ name: 'wengao', version: '1', shell: 'web', platform: 'linux', userDataDir: '/tmp', documentsDir: '/tmp' }),
  getSettings: () => defaultSettings(),
  updateSettings: (p) => ({ ...defaultSettings(), showOutline: p.showOutline ?? true, zoom: p.zoom ?? 100 }),
  listRecentFiles: () => ['/a.docx'],
  clearRecentFiles: () => null,
  setWindowState: () => null,
  confirmClose: () => null,
  takeStartupFiles: () => {
    throw new UserError('locked', '文件被占用');
  },
});

describe('API contract', () => {
  it('lists the same calls in the zod-free names and the schemas', () => {
    expect([...API_CALL_NAMES].sort()).toEqual(Object.keys(apiCalls).sort());
  });

  it('rejects unknown calls and wrong argument types before any handler runs', async () => {
    expect(checkCall('deleteEverything', []).ok).toBe(false);
    expect(checkCall('__proto__', []).ok).toBe(false);
    expect(checkCall('updateSettings', [{ zoom: 'big' }]).ok).toBe(false);
    expect(checkCall('updateSettings', [{ zoom: 120, evil: 1 }]).ok).toBe(false);
    expect(checkCall('updateSettings', [{ zoom: 120 }, 'extra']).ok).toBe(false);
    expect(checkCall('setWindowState', [{ documentName: 'a', dirty: 'yes' }]).ok).toBe(false);
    expect(checkCall('updateSettings', [{ zoom: 120 }])).toEqual({ ok: true, args: [{ zoom: 120 }] });

    const dispatch = createDispatcher(handlers);
    const bad = await dispatch('updateSettings', [{ zoom: 9999 }]);
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-call' } });
    expect(await dispatch('listRecentFiles', [])).toEqual({ ok: true, value: ['/a.docx'] });
  });

  it('checks a change of the open document for suggestions: block keys, lines, no extra fields, the character budget', () => {
    const change = { reset: false, order: ['12', '15'], blocks: [['15', ['第一行。', '第二行。']]] };
    expect(checkCall('updateSuggestionDocument', [change]).ok).toBe(true);
    expect(checkCall('updateSuggestionDocument', [{ ...change, order: ['12', '../x'] }]).ok).toBe(false);
    expect(checkCall('updateSuggestionDocument', [{ ...change, blocks: [['15', '第一行。']] }]).ok).toBe(false);
    expect(checkCall('updateSuggestionDocument', [{ ...change, paragraphs: [] }]).ok).toBe(false);
    const line = '字'.repeat(200_000);
    const huge = Array.from({ length: 11 }, (_, i) => [String(i + 1), [line]]);
    expect(checkCall('updateSuggestionDocument', [{ reset: true, order: huge.map(([k]) => k), blocks: huge }]).ok).toBe(false);
    expect(checkCall('updateSuggestionDocument', [{ reset: true, order: ['1'], blocks: [['1', [line + '字']]] }]).ok).toBe(false);
  });

  it('carries user errors as a code and a Chinese message, other errors as internal', async () => {
    const dispatch = createDispatcher({ ...handlers, listRecentFiles: () => { throw new TypeError('boom'); } });
    expect(await dispatch('takeStartupFiles', [])).toEqual({ ok: false, error: { code: 'locked', message: '文件被占用' } });
    expect(await dispatch('listRecentFiles', [])).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('gives the renderer typed calls that throw ApiError with the code', async () => {
    const dispatch = createDispatcher(handlers);
    const api = createApiClient((name, args) => dispatch(name, args), () => () => {});
    expect(await api.getSettings()).toEqual(defaultSettings());
    await expect(api.takeStartupFiles()).rejects.toMatchObject({ name: 'ApiError', code: 'locked' });
    await expect(api.takeStartupFiles()).rejects.toBeInstanceOf(ApiError);
  });

  it('drops events whose payload does not match the contract', () => {
    let deliver: (p: unknown) => void = () => {};
    const api = createApiClient(
      async () => ({ ok: true, value: null }),
      (_e, l) => ((deliver = l), () => {}),
    );
    const got: unknown[] = [];
    api.on('command', (p) => got.push(p.command));
    deliver({ command: 'file.save' });
    deliver({ command: 'rm -rf' });
    deliver(null);
    expect(got).toEqual(['file.save']);
    expect(() => api.on('nope' as never, () => {})).toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_SETTINGS, parseSettings } from '../../../shared/settings';

const exportDefaults = { ...DEFAULT_EXPORT_SETTINGS, fonts: { ...DEFAULT_EXPORT_SETTINGS.fonts } };

describe('settings', () => {
  it('falls back to defaults field by field for missing, invalid or foreign values', () => {
    expect(parseSettings(undefined)).toEqual({ showOutline: true, zoom: 100, autoRenumber: true, export: exportDefaults, suggestions: true, corpusFolders: [], proofread: { enabled: true, off: [], ignored: [] } });
    expect(parseSettings({ zoom: 'x', showOutline: false, other: 1 })).toMatchObject({ showOutline: false, zoom: 100, autoRenumber: true, export: exportDefaults, suggestions: true, corpusFolders: [] });
    expect(parseSettings({ suggestions: 'yes', corpusFolders: '/a' })).toMatchObject({ suggestions: true, corpusFolders: [] });
    expect(parseSettings({ suggestions: false, corpusFolders: ['/材料'] })).toMatchObject({ suggestions: false, corpusFolders: ['/材料'] });
    expect(parseSettings({ autoRenumber: false })).toMatchObject({ autoRenumber: false });
    expect(parseSettings({ autoRenumber: 'no' })).toMatchObject({ autoRenumber: true });
    expect(parseSettings({ zoom: 130 })).toMatchObject({ zoom: 130 });
    expect(parseSettings({ proofread: { enabled: false, off: ['typo', 'nonsense'], ignored: ['qita|其它'] } })).toMatchObject({ proofread: { enabled: false, off: [], ignored: ['qita|其它'] } });
    expect(parseSettings({ proofread: { enabled: false, off: ['typo'], ignored: 'x' } })).toMatchObject({ proofread: { enabled: false, off: ['typo'], ignored: [] } });
  });
});

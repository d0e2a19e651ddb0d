import { describe, expect, it } from 'vitest';
import { parseSettings } from '../../../shared/settings';

describe('settings', () => {
  it('falls back to defaults field by field for missing, invalid or foreign values', () => {
    expect(parseSettings(undefined)).toEqual({ showOutline: true, zoom: 100, autoRenumber: true });
    expect(parseSettings({ zoom: 'x', showOutline: false, other: 1 })).toEqual({ showOutline: false, zoom: 100, autoRenumber: true });
    expect(parseSettings({ autoRenumber: false })).toMatchObject({ autoRenumber: false });
    expect(parseSettings({ autoRenumber: 'no' })).toMatchObject({ autoRenumber: true });
    expect(parseSettings({ zoom: 130 })).toMatchObject({ zoom: 130 });
  });
});

import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const require = createRequire(import.meta.url);
// electron-builder's own schema validator, offline.
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, debugLogger: unknown): Promise<void>;
};
const logger = { add() {}, isEnabled: false };

type Config = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- the YAML's shape is what the test checks
const config = yaml.load(readFileSync(path.join(root, 'build/electron-builder.yml'), 'utf8')) as Config;

describe('build/electron-builder.yml', () => {
  it("passes electron-builder's schema validation", async () => {
    await expect(validateConfiguration(config, logger)).resolves.toBeUndefined();
  });

  it('would catch a typo', async () => {
    await expect(validateConfiguration({ ...config, nsis: { ...config.nsis, oneClik: true } }, logger)).rejects.toThrow(/Invalid configuration/);
  });

  it('installs per user in one click on Windows and ships a portable exe', () => {
    expect(config.nsis).toMatchObject({ oneClick: true, perMachine: false, allowElevation: false });
    expect(config.win.target.map((t: Config) => t.target)).toEqual(['nsis', 'portable']);
  });

  it('builds deb and AppImage for x64 and arm64', () => {
    for (const t of config.linux.target) expect(t.arch).toEqual(['x64', 'arm64']);
    expect(config.linux.target.map((t: Config) => t.target)).toEqual(['deb', 'AppImage']);
  });

  it('associates the .wgd document extension', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'wgd', role: 'Editor' })]);
  });

  it('sets the electron fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
    });
  });

  it('packages the built app and points at icons that exist', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('build/app/main.cjs');
    expect(config.files).toContain('build/app/**/*');
    expect(existsSync(path.join(root, 'build', `${config.linux.icon}`))).toBe(true);
    expect(existsSync(path.join(root, 'build', `${config.fileAssociations[0].icon}.png`))).toBe(true);
  });
});

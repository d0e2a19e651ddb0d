/**
 * Settings and small app state (recent files, window bounds) in the user-data folder.
 * Reads tolerate missing, corrupt or wrong-shaped files (defaults are used, the bad file is set
 * aside as `<name>.corrupt-<time>`);
 * writes are atomic and serialised.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { MAX_RECENT_FILES, parseSettings, type Settings, type SettingsPatch } from '../../shared/settings';
import { writeFileAtomic } from './atomicWrite';
import { samePath } from './samePath';
import { readStoredObject } from './storedFiles';

const WindowBoundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200),
  height: z.number().int().min(150),
  maximized: z.boolean(),
});
export type WindowBounds = z.infer<typeof WindowBoundsSchema>;

const AppStateSchema = z.object({
  recentFiles: z.array(z.string()).catch([]),
  windowBounds: WindowBoundsSchema.optional().catch(undefined),
});
type AppState = z.infer<typeof AppStateSchema>;

export class SettingsStore {
  private settings!: Settings;
  private state!: AppState;
  private writes: Promise<void> = Promise.resolve();

  private constructor(readonly dir: string) {}

  static async open(dir: string): Promise<SettingsStore> {
    await fs.mkdir(dir, { recursive: true });
    const store = new SettingsStore(dir);
    store.settings = parseSettings(await readStoredObject(store.settingsFile));
    store.state = AppStateSchema.parse(await readStoredObject(store.stateFile));
    return store;
  }

  get settingsFile() {
    return path.join(this.dir, 'settings.json');
  }
  get stateFile() {
    return path.join(this.dir, 'state.json');
  }

  getSettings(): Settings {
    return structuredClone(this.settings);
  }

  /** Applies a patch (the renderer's patches are validated SettingsPatch; services may set any field). */
  async updateSettings(patch: SettingsPatch | Partial<Settings>): Promise<Settings> {
    this.settings = parseSettings({ ...this.settings, ...patch });
    await this.persist(this.settingsFile, this.settings);
    return this.getSettings();
  }

  recentFiles(): string[] {
    return [...this.state.recentFiles];
  }

  async addRecentFile(file: string): Promise<string[]> {
    this.state.recentFiles = [file, ...this.state.recentFiles.filter((f) => !samePath(f, file))].slice(0, MAX_RECENT_FILES);
    await this.persist(this.stateFile, this.state);
    return this.recentFiles();
  }

  async removeRecentFile(file: string): Promise<string[]> {
    this.state.recentFiles = this.state.recentFiles.filter((f) => !samePath(f, file));
    await this.persist(this.stateFile, this.state);
    return this.recentFiles();
  }

  async clearRecentFiles(): Promise<void> {
    this.state.recentFiles = [];
    await this.persist(this.stateFile, this.state);
  }

  windowBounds(): WindowBounds | undefined {
    return this.state.windowBounds ? { ...this.state.windowBounds } : undefined;
  }

  async setWindowBounds(bounds: WindowBounds): Promise<void> {
    this.state.windowBounds = WindowBoundsSchema.parse(bounds);
    await this.persist(this.stateFile, this.state);
  }

  /** Resolves when every write issued so far has finished. */
  flush(): Promise<void> {
    return this.writes;
  }

  private persist(file: string, value: unknown): Promise<void> {
    const text = JSON.stringify(value, null, 2);
    const next = this.writes.then(() => writeFileAtomic(file, text));
    this.writes = next.catch(() => {});
    return next;
  }
}

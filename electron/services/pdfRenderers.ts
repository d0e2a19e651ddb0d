/**
 * PDF outside Electron (the CLI, tests, benchmarks): the app itself prints its print view with
 * Electron's printToPDF; without Electron we drive a renderer that is already installed.
 *
 * - A Chromium-family browser (Chromium, Chrome, or the Edge every Windows 10/11 PC has) prints
 *   the same print view (shared/export/printView.ts) headless: same layout as the app's PDF.
 * - Otherwise LibreOffice converts the exported .docx: the layout Word users will see.
 *
 * Neither is a dependency of the app: when none is found the user gets a clear message.
 */
import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError } from '../../shared/api/errors';

export type PdfEngine = 'chromium' | 'libreoffice';

function onPath(names: string[]): string | null {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const exts = process.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const name of names) for (const dir of dirs) for (const ext of exts) {
    const p = path.join(dir, name + ext);
    if (existsSync(p)) return p;
  }
  return null;
}

function firstExisting(paths: (string | undefined)[]): string | null {
  for (const p of paths) if (p && existsSync(p)) return p;
  return null;
}

function windowsProgramPaths(rel: string): string[] {
  return [process.env.ProgramFiles, process.env['ProgramFiles(x86)'], process.env.LOCALAPPDATA].filter(Boolean).map((d) => path.join(d!, rel));
}

/** A Chromium-family browser: WENGAO_CHROMIUM, then the usual places. */
export function findChromium(): string | null {
  if (process.env.WENGAO_CHROMIUM) return existsSync(process.env.WENGAO_CHROMIUM) ? process.env.WENGAO_CHROMIUM : null;
  if (process.platform === 'win32') {
    return firstExisting([
      ...windowsProgramPaths('Microsoft\\Edge\\Application\\msedge.exe'),
      ...windowsProgramPaths('Google\\Chrome\\Application\\chrome.exe'),
    ]);
  }
  if (process.platform === 'darwin') {
    return firstExisting(['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge', '/Applications/Chromium.app/Contents/MacOS/Chromium']);
  }
  return onPath(['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge']);
}

/** LibreOffice's soffice: WENGAO_SOFFICE, then PATH and the usual install folders. */
export function findSoffice(): string | null {
  if (process.env.WENGAO_SOFFICE) return existsSync(process.env.WENGAO_SOFFICE) ? process.env.WENGAO_SOFFICE : null;
  if (process.platform === 'win32') return firstExisting(windowsProgramPaths('LibreOffice\\program\\soffice.exe')) ?? onPath(['soffice']);
  if (process.platform === 'darwin') return firstExisting(['/Applications/LibreOffice.app/Contents/MacOS/soffice']);
  return onPath(['soffice', 'libreoffice']);
}

function run(file: string, args: string[], timeoutMs: number, env?: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: timeoutMs, windowsHide: true, env: env ?? process.env, maxBuffer: 16 * 1024 * 1024 }, (err, _stdout, stderr) => {
      if (err) reject(new Error(`${path.basename(file)}: ${err.killed ? 'timed out' : err.message} ${String(stderr).slice(0, 500)}`));
      else resolve();
    });
  });
}

async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'wengao-pdf-'));
  try {
    return await fn(dir);
  } finally {
    await fs.rm(dir, { recursive: true, force: true }).catch(() => {});
  }
}

/** Prints a standalone HTML page (the print view) to PDF bytes with a headless browser. */
export async function pdfFromHtml(browser: string, html: string, timeoutMs = 120_000): Promise<Uint8Array> {
  return withTempDir(async (dir) => {
    const page = path.join(dir, 'print.html');
    const out = path.join(dir, 'print.pdf');
    await fs.writeFile(page, html, 'utf8');
    const args = [
      '--headless',
      '--disable-gpu',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-extensions',
      '--disable-background-networking',
      `--user-data-dir=${path.join(dir, 'profile')}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${out}`,
      pathToFileURL(page).href,
    ];
    // Chromium refuses to run as root with its sandbox (containers, CI).
    if (process.getuid?.() === 0) args.unshift('--no-sandbox');
    await run(browser, args, timeoutMs);
    return new Uint8Array(await fs.readFile(out));
  });
}

/**
 * Converts .docx files to PDF with LibreOffice in one invocation (it starts slowly), with a
 * private profile so a running LibreOffice is not disturbed. Returns the PDFs in input order.
 */
export async function pdfFromDocx(soffice: string, docs: Uint8Array[], timeoutMs = 300_000, env?: NodeJS.ProcessEnv): Promise<Uint8Array[]> {
  return withTempDir(async (dir) => {
    const inputs = await Promise.all(
      docs.map(async (bytes, i) => {
        const p = path.join(dir, `doc${i}.docx`);
        await fs.writeFile(p, bytes);
        return p;
      }),
    );
    await run(soffice, ['--headless', '--norestore', '--nologo', `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`, '--convert-to', 'pdf', '--outdir', dir, ...inputs], timeoutMs, env);
    return Promise.all(inputs.map(async (p) => new Uint8Array(await fs.readFile(p.replace(/\.docx$/, '.pdf')))));
  });
}

export const NO_PDF_RENDERER_MESSAGE =
  '命令行导出 PDF 需要本机装有 Microsoft Edge、Chrome/Chromium 或 LibreOffice，但一个也没有找到。请在文稿应用中导出 PDF，或先导出 .docx 再用 Word/WPS 另存为 PDF（也可用环境变量 WENGAO_CHROMIUM / WENGAO_SOFFICE 指定程序位置）。';

/** The renderer to use: the one asked for, or the first one installed. */
export function choosePdfEngine(wanted: PdfEngine | 'auto'): { engine: PdfEngine; program: string } {
  const chromium = wanted !== 'libreoffice' ? findChromium() : null;
  if (chromium) return { engine: 'chromium', program: chromium };
  const soffice = wanted !== 'chromium' ? findSoffice() : null;
  if (soffice) return { engine: 'libreoffice', program: soffice };
  if (wanted === 'chromium') throw new UserError('no-renderer', '找不到 Chromium/Chrome/Edge（可用环境变量 WENGAO_CHROMIUM 指定）。');
  if (wanted === 'libreoffice') throw new UserError('no-renderer', '找不到 LibreOffice 的 soffice（可用环境变量 WENGAO_SOFFICE 指定）。');
  throw new UserError('no-renderer', NO_PDF_RENDERER_MESSAGE);
}

/**
 * The fonts of a 公文 (GB/T 9704-2012 names font categories; these are the names Word needs).
 * Configurable because many work PCs lack the *_GB2312 fonts: 仿宋_GB2312 → 仿宋 there.
 * See ../shared/docs/gbt9704.md, "Fonts on a work PC".
 */
export interface ExportFonts {
  /** 标题: 二号小标宋体. */
  title: string;
  /** 一级标题 "一、": 黑体. */
  heading1: string;
  /** 二级标题 "（一）": 楷体. */
  heading2: string;
  /** 正文 and 三、四级标题: 仿宋. */
  body: string;
  /** Latin letters and digits (w:rFonts ascii/hAnsi). */
  latin: string;
  /** 页码: 四号半角宋体. */
  pageNumber: string;
}

export const EXPORT_FONT_SLOTS = ['title', 'heading1', 'heading2', 'body', 'latin', 'pageNumber'] as const satisfies readonly (keyof ExportFonts)[];

export const DEFAULT_EXPORT_FONTS: Readonly<ExportFonts> = Object.freeze({
  title: '方正小标宋简体',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  body: '仿宋_GB2312',
  latin: 'Times New Roman',
  pageNumber: '宋体',
});

/** Chinese labels for the settings page. */
export const FONT_SLOT_LABELS: Record<keyof ExportFonts, string> = {
  title: '标题（小标宋）',
  heading1: '一级标题（黑体）',
  heading2: '二级标题（楷体）',
  body: '正文、三四级标题（仿宋）',
  latin: '西文和数字',
  pageNumber: '页码（宋体）',
};

/** Alternatives a user may pick per slot (Windows' built-in names first after the standard's). */
export const FONT_SUGGESTIONS: Record<keyof ExportFonts, string[]> = {
  title: ['方正小标宋简体', '方正小标宋_GBK', '华文中宋', '宋体'],
  heading1: ['黑体', '方正黑体_GBK', '微软雅黑'],
  heading2: ['楷体_GB2312', '楷体', '方正楷体_GBK', '华文楷体'],
  body: ['仿宋_GB2312', '仿宋', '方正仿宋_GBK', '华文仿宋'],
  latin: ['Times New Roman', 'Arial'],
  pageNumber: ['宋体', 'Times New Roman'],
};

/**
 * A font name that can go into w:rFonts and a CSS font-family string safely: 1–64 characters,
 * no quotes, backslashes, angle brackets, semicolons, braces or control characters.
 */
export function isValidFontName(name: string): boolean {
  return name.trim().length > 0 && name.length <= 64 && !/["'\\<>;{}\u0000-\u001f\u007f]/.test(name);
}

/** Fonts that look like the 公文 fonts, for screens and PDF renderers that lack the real ones. */
export const FONT_FALLBACKS: Record<keyof ExportFonts, string[]> = {
  title: ['FZXiaoBiaoSong-B05S', 'STZhongsong', '华文中宋', 'Noto Serif CJK SC', 'Source Han Serif SC', 'SimSun', '宋体', 'serif'],
  heading1: ['SimHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'sans-serif'],
  heading2: ['KaiTi_GB2312', 'KaiTi', '楷体', 'STKaiti', 'AR PL UKai CN', 'Noto Serif CJK SC', 'serif'],
  body: ['FangSong_GB2312', 'FangSong', '仿宋', 'STFangsong', 'Noto Serif CJK SC', 'Source Han Serif SC', 'serif'],
  latin: ['Times New Roman', 'Liberation Serif', 'serif'],
  pageNumber: ['SimSun', '宋体', 'Noto Serif CJK SC', 'serif'],
};

/**
 * numbering.xml and Word's list counters: turns a paragraph's numbering (w:numPr, direct or
 * from its style) into the label Word shows, such as "一、" for a WPS heading numbered "%1、"
 * in chineseCounting. Counters belong to the abstract numbering, so lists that share it
 * continue each other; a w:num with startOverride restarts its levels the first time it is used.
 */
import { MAX_LABEL_CHARS, bulletText, formatNumber } from './numberFormats';
import { applyParagraphProperty, applyRunProperty, type ParaProps, type RunProps } from './properties';
import type { StyleSheet } from './styles';
import { SKIP, int, onOff, parseXml } from './xml';

export interface Level {
  start: number;
  numFmt: string;
  customFormat?: string;
  lvlText: string;
  isLgl: boolean;
  /** 1-based level after which this one restarts; 0 = never; undefined = after any higher level. */
  restart?: number;
  pStyle?: string;
  suffix: 'tab' | 'space' | 'nothing';
  para: ParaProps;
  run: RunProps;
}

interface AbstractNum {
  id: string;
  levels: Map<number, Level>;
  numStyleLink?: string;
}

interface Num {
  id: string;
  abstractId: string;
  overrides: Map<number, { start?: number; level?: Level }>;
}

/**
 * Level text kept from numbering.xml: labels are cut to MAX_LABEL_CHARS once their %1…%9 are
 * filled in, so more than a few times that can never show.
 */
const MAX_LEVEL_TEXT = MAX_LABEL_CHARS * 8;

function newLevel(): Level {
  return { start: 1, numFmt: 'decimal', lvlText: '', isLgl: false, suffix: 'tab', para: {}, run: {} };
}

export interface Label {
  text: string;
  /** Formatting of the label from the numbering level (over the paragraph mark's). */
  run: RunProps;
  /** Level properties (indentation) that apply to the paragraph between style and direct formatting. */
  para: ParaProps;
}

export class Numbering {
  private readonly abstracts = new Map<string, AbstractNum>();
  private readonly nums = new Map<string, Num>();
  private readonly counters = new Map<string, Array<number | undefined>>();
  private readonly startedNums = new Set<string>();

  constructor(private readonly styles: StyleSheet) {}

  static parse(bytes: Uint8Array | undefined, styles: StyleSheet): Numbering {
    const numbering = new Numbering(styles);
    if (!bytes) return numbering;
    let abstract: AbstractNum | null = null;
    let num: Num | null = null;
    let level: Level | null = null;
    let overrideLevel: number | null = null;
    let inPPr = false;
    let inRPr = false;
    const choiceTaken: boolean[] = [];
    parseXml(
      bytes,
      {
        open: (name, a) => {
          // Word 2010 writes custom formats in mc:Choice with a plain fallback: take one branch.
          if (name === 'mc:AlternateContent') {
            choiceTaken.push(false);
            return;
          }
          if (name === 'mc:Choice' || name === 'mc:Fallback') {
            if (choiceTaken[choiceTaken.length - 1]) return SKIP;
            choiceTaken[choiceTaken.length - 1] = true;
            return;
          }
          switch (name) {
            case 'w:abstractNum':
              abstract = { id: a['w:abstractNumId'] ?? '', levels: new Map() };
              return;
            case 'w:num':
              num = { id: a['w:numId'] ?? '', abstractId: '', overrides: new Map() };
              return;
            case 'w:abstractNumId':
              if (num) num.abstractId = a['w:val'] ?? '';
              return;
            case 'w:numStyleLink':
              if (abstract && a['w:val']) abstract.numStyleLink = a['w:val'];
              return;
            case 'w:lvlOverride':
              overrideLevel = int(a['w:ilvl']) ?? 0;
              if (num) num.overrides.set(overrideLevel, {});
              return;
            case 'w:startOverride': {
              const o = num && overrideLevel !== null ? num.overrides.get(overrideLevel) : undefined;
              if (o) o.start = int(a['w:val']) ?? 1;
              return;
            }
            case 'w:lvl':
              level = newLevel();
              if (abstract) abstract.levels.set(int(a['w:ilvl']) ?? 0, level);
              else if (num && overrideLevel !== null) num.overrides.get(overrideLevel)!.level = level;
              return;
            case 'w:pPr':
              inPPr = true;
              return;
            case 'w:rPr':
              inRPr = true;
              return;
          }
          if (!level) return;
          if (inRPr) {
            applyRunProperty(level.run, name, a);
            return;
          }
          if (inPPr) {
            applyParagraphProperty(level.para, name, a);
            return;
          }
          switch (name) {
            case 'w:start':
              level.start = int(a['w:val']) ?? 1;
              break;
            case 'w:numFmt':
              level.numFmt = a['w:val'] ?? 'decimal';
              if (a['w:format']) level.customFormat = a['w:format'].slice(0, MAX_LEVEL_TEXT);
              break;
            case 'w:lvlText':
              // Every numbered paragraph formats this text: a huge one would cost its length each time.
              level.lvlText = (a['w:val'] ?? '').slice(0, MAX_LEVEL_TEXT);
              break;
            case 'w:isLgl':
              level.isLgl = onOff(a['w:val']);
              break;
            case 'w:lvlRestart':
              level.restart = int(a['w:val']);
              break;
            case 'w:pStyle':
              if (a['w:val']) level.pStyle = a['w:val'];
              break;
            case 'w:suff':
              level.suffix = a['w:val'] === 'space' ? 'space' : a['w:val'] === 'nothing' ? 'nothing' : 'tab';
              break;
          }
        },
        close: (name) => {
          switch (name) {
            case 'mc:AlternateContent':
              choiceTaken.pop();
              break;
            case 'w:abstractNum':
              if (abstract) numbering.abstracts.set(abstract.id, abstract);
              abstract = null;
              break;
            case 'w:num':
              if (num) numbering.nums.set(num.id, num);
              num = null;
              break;
            case 'w:lvlOverride':
              overrideLevel = null;
              break;
            case 'w:lvl':
              level = null;
              break;
            case 'w:pPr':
              inPPr = false;
              break;
            case 'w:rPr':
              inRPr = false;
              break;
          }
        },
        text: () => {},
      },
      'numbering.xml',
    );
    return numbering;
  }

  /** The abstract numbering behind a num, following numStyleLink through numbering styles. */
  private abstractOf(numId: string): AbstractNum | undefined {
    let abstract = this.abstracts.get(this.nums.get(numId)?.abstractId ?? '');
    for (let hops = 0; abstract?.numStyleLink && hops < 8; hops++) {
      const linkedNumId = this.styles.numberingStyle(abstract.numStyleLink)?.para.numId;
      const linked = linkedNumId ? this.abstracts.get(this.nums.get(linkedNumId)?.abstractId ?? '') : undefined;
      if (!linked || linked === abstract) break;
      abstract = linked;
    }
    return abstract;
  }

  private levelOf(num: Num, abstract: AbstractNum, ilvl: number): Level | undefined {
    return num.overrides.get(ilvl)?.level ?? abstract.levels.get(ilvl);
  }

  /** The level a style's numbering uses when the style does not say (w:lvl/w:pStyle links it). */
  levelForStyle(numId: string, styleId: string | undefined): number | undefined {
    if (!styleId) return undefined;
    const abstract = this.abstractOf(numId);
    if (!abstract) return undefined;
    for (const [ilvl, lvl] of abstract.levels) if (lvl.pStyle === styleId) return ilvl;
    return undefined;
  }

  /** Level properties of a numbered paragraph, without counting it. */
  levelProps(numId: string | undefined, ilvl: number): Level | undefined {
    if (!numId || numId === '0') return undefined;
    const num = this.nums.get(numId);
    const abstract = this.abstractOf(numId);
    return num && abstract ? this.levelOf(num, abstract, ilvl) : undefined;
  }

  /** Counts a numbered paragraph and returns its label, or null when it has none. */
  next(numId: string | undefined, ilvl: number): Label | null {
    if (!numId || numId === '0') return null;
    const num = this.nums.get(numId);
    const abstract = this.abstractOf(numId);
    if (!num || !abstract) return null;
    const level = this.levelOf(num, abstract, ilvl);
    if (!level) return null;
    let counters = this.counters.get(abstract.id);
    if (!counters) this.counters.set(abstract.id, (counters = []));
    const startOf = (k: number) => num.overrides.get(k)?.start ?? this.levelOf(num, abstract, k)?.start ?? 1;
    if (!this.startedNums.has(num.id)) {
      this.startedNums.add(num.id);
      for (const [k, o] of num.overrides) if (o.start !== undefined) counters[k] = undefined;
    }
    counters[ilvl] = counters[ilvl] === undefined ? startOf(ilvl) : counters[ilvl]! + 1;
    for (let k = ilvl + 1; k < 9; k++) {
      const restart = this.levelOf(num, abstract, k)?.restart;
      if (restart === undefined || (restart !== 0 && ilvl + 1 <= restart)) counters[k] = undefined;
    }
    let text: string;
    if (level.numFmt === 'bullet') text = bulletText(level.lvlText);
    else {
      text = level.lvlText.replace(/%([1-9])/g, (_m, d: string) => {
        const k = Number(d) - 1;
        const lvl = this.levelOf(num, abstract, k);
        if (!lvl) return '';
        const value = counters[k] ?? startOf(k);
        const fmt = level.isLgl && lvl.numFmt !== 'none' && lvl.numFmt !== 'decimalZero' ? 'decimal' : lvl.numFmt;
        return fmt === 'bullet' ? '' : formatNumber(value, fmt, lvl.customFormat);
      });
    }
    if (text.length > MAX_LABEL_CHARS) text = Array.from(text).slice(0, MAX_LABEL_CHARS).join('');
    if (text !== '' && level.suffix !== 'nothing' && !/[、，．。：:）)】」』\s]$/.test(text)) text += level.suffix === 'tab' ? '\t' : ' ';
    return { text, run: level.run, para: level.para };
  }
}

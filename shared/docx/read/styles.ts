/**
 * styles.xml: document defaults and styles with their basedOn chains, flattened on demand.
 * Style names of built-in styles are stored in English ("heading 1") whatever the UI language,
 * while style ids are localised ("berschrift1", "1"): headings are recognised by name and by
 * outline level, never by id.
 */
import { applyParagraphProperty, applyRunProperty, mergePara, mergeRun, type ParaProps, type RunProps } from './properties';
import { SKIP, parseXml } from './xml';
import { DOCUMENT_PARTS, PART_LABELS, type DocumentPart } from '../../model/parts';

/** Styles named like a part; body and headings come from Word's own styles and outline levels. */
const PART_BY_LABEL = new Map<string, DocumentPart>(
  DOCUMENT_PARTS.filter((p) => p !== 'body' && !p.startsWith('heading')).map((p) => [PART_LABELS[p], p] as const),
);

export interface Style {
  id: string;
  type: string;
  name: string;
  basedOn?: string;
  isDefault: boolean;
  para: ParaProps;
  run: RunProps;
}

export class StyleSheet {
  readonly styles = new Map<string, Style>();
  defaultPara: ParaProps = {};
  defaultRun: RunProps = {};
  private defaultParagraphStyle?: string;
  private readonly flatPara = new Map<string, ParaProps>();
  private readonly flatRun = new Map<string, RunProps>();

  static parse(bytes: Uint8Array | undefined): StyleSheet {
    const sheet = new StyleSheet();
    if (!bytes) return sheet;
    let style: Style | null = null;
    let target: 'pPrDefault' | 'rPrDefault' | 'style' | null = null;
    let inPPr = false;
    let inRPr = false;
    const para = (): ParaProps => (target === 'pPrDefault' ? sheet.defaultPara : style!.para);
    const run = (): RunProps => {
      if (target === 'rPrDefault') return sheet.defaultRun;
      if (target === 'pPrDefault') return (sheet.defaultPara.mark ??= {});
      return inPPr ? (style!.para.mark ??= {}) : style!.run;
    };
    parseXml(
      bytes,
      {
        open: (name, a) => {
          switch (name) {
            case 'w:pPrChange':
            case 'w:rPrChange':
            case 'w:tblPr':
            case 'w:tblStylePr':
            case 'w:trPr':
            case 'w:tcPr':
            case 'w:latentStyles':
              return SKIP;
            case 'w:rPrDefault':
              target = 'rPrDefault';
              return;
            case 'w:pPrDefault':
              target = 'pPrDefault';
              return;
            case 'w:style':
              target = 'style';
              style = { id: a['w:styleId'] ?? '', type: a['w:type'] ?? 'paragraph', name: '', isDefault: a['w:default'] === '1' || a['w:default'] === 'true', para: {}, run: {} };
              return;
            case 'w:pPr':
              inPPr = true;
              return;
            case 'w:rPr':
              inRPr = true;
              return;
          }
          if (!target) return;
          if (inRPr) applyRunProperty(run(), name, a);
          else if (inPPr) applyParagraphProperty(para(), name, a);
          else if (style) {
            if (name === 'w:name') style.name = (a['w:val'] ?? '').toLowerCase();
            else if (name === 'w:basedOn' && a['w:val']) style.basedOn = a['w:val'];
          }
        },
        close: (name) => {
          switch (name) {
            case 'w:pPr':
              inPPr = false;
              break;
            case 'w:rPr':
              inRPr = false;
              break;
            case 'w:style':
              if (style?.id) {
                sheet.styles.set(style.id, style);
                if (style.isDefault && style.type === 'paragraph') sheet.defaultParagraphStyle = style.id;
              }
              style = null;
              target = null;
              break;
            case 'w:rPrDefault':
            case 'w:pPrDefault':
              target = null;
              break;
          }
        },
        text: () => {},
      },
      'styles.xml',
    );
    return sheet;
  }

  /** The style chain from the root ancestor down to the style itself (cycles cut). */
  private chain(id: string): Style[] {
    const out: Style[] = [];
    const seen = new Set<string>();
    for (let s = this.styles.get(id); s && !seen.has(s.id) && out.length < 32; s = s.basedOn ? this.styles.get(s.basedOn) : undefined) {
      seen.add(s.id);
      out.unshift(s);
    }
    return out;
  }

  /** The paragraph style a paragraph has: its pStyle if it exists, else the default paragraph style. */
  paragraphStyleOf(id: string | undefined): string | undefined {
    return id && this.styles.has(id) ? id : this.defaultParagraphStyle;
  }

  /** Paragraph properties of a style with its chain, over the document defaults. */
  paraOf(id: string | undefined): ParaProps {
    const key = id ?? '';
    let flat = this.flatPara.get(key);
    if (!flat) {
      flat = { ...this.defaultPara };
      if (id) for (const s of this.chain(id)) flat = mergePara(flat, s.para);
      this.flatPara.set(key, flat);
    }
    return flat;
  }

  /** Run properties of a style with its chain, over the document defaults. */
  runOf(id: string | undefined): RunProps {
    const key = id ?? '';
    let flat = this.flatRun.get(key);
    if (!flat) {
      flat = { ...this.defaultRun };
      if (id) for (const s of this.chain(id)) flat = mergeRun(flat, s.run);
      delete flat.style;
      this.flatRun.set(key, flat);
    }
    return flat;
  }

  /** The heading level (1–9) a style means by its name, or its outline level; 0 for none. */
  headingLevelOf(id: string | undefined): number {
    if (!id) return 0;
    for (const s of this.chain(id).reverse()) {
      const m = /^heading\s*([1-9])$/.exec(s.name);
      if (m) return Number(m[1]);
      if (s.para.outlineLevel !== undefined && s.para.outlineLevel < 9) return s.para.outlineLevel + 1;
    }
    return 0;
  }

  /**
   * The part of a 公文 a paragraph style names ("发文机关标志", "署名", "抄送机关"…: the part labels
   * of model/parts.ts, as Wengao's export and many 公文 templates name their styles), or null.
   */
  partOf(id: string | undefined): DocumentPart | null {
    if (!id) return null;
    for (const s of this.chain(id)) {
      const part = PART_BY_LABEL.get(s.name);
      if (part) return part;
    }
    return null;
  }

  isTitleStyle(id: string | undefined): boolean {
    if (!id) return false;
    return this.chain(id).some((s) => s.name === 'title');
  }

  /** The numbering style (w:type="numbering") with this id, for w:numStyleLink. */
  numberingStyle(id: string): Style | undefined {
    const s = this.styles.get(id);
    return s && s.type === 'numbering' ? s : undefined;
  }
}

/**
 * What the proofreader reports. A finding is a span of one paragraph, with its kind, the authority
 * it rests on and a short Chinese message; `suggestion` is the replacement text for the span, given
 * only where the fix is sure.
 */

/** The kinds of finding, in the order the 校对 panel lists them. */
export const PROOF_CATEGORIES = ['tifa', 'typo', 'idiom', 'wording', 'repeat', 'punct', 'number', 'gongwen', 'placeholder', 'numbering'] as const;
export type ProofCategory = (typeof PROOF_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<ProofCategory, string> = {
  tifa: '提法',
  typo: '错别字',
  idiom: '成语/四字格',
  wording: '词语规范',
  repeat: '重复',
  punct: '标点',
  number: '数字',
  gongwen: '公文要素',
  placeholder: '占位符',
  numbering: '序号',
};

/** 规定: binding standard or regulation; 规范表述: set formulation; 建议: practice. */
export const AUTHORITIES = ['规定', '规范表述', '建议'] as const;
export type Authority = (typeof AUTHORITIES)[number];

export interface Finding {
  /** 0-based offsets in the paragraph's text, end exclusive. */
  start: number;
  end: number;
  category: ProofCategory;
  authority: Authority;
  /** Stable name of the rule, for tests, ignore lists and the evaluation. */
  rule: string;
  /** Why, and on what authority. */
  message: string;
  /** The text to put in place of [start, end), or null when no fix is sure. */
  suggestion: string | null;
}

/** A finding located in a document: the paragraph (block) it is in. */
export interface DocFinding extends Finding {
  block: number;
  /** The text of the span. */
  text: string;
}

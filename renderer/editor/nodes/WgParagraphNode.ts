/**
 * The editor's paragraph: Lexical's ParagraphNode plus what a 公文 paragraph carries — its role
 * (a part of the 公文: model/parts.ts) and indents in characters. It replaces
 * ParagraphNode everywhere (node replacement), so every paragraph Lexical creates is one.
 * Role and indents are NodeState: they travel through clones, undo and JSON for free.
 */
import {
  $applyNodeReplacement,
  $getState,
  $setState,
  ParagraphNode,
  createState,
  type EditorConfig,
  type LexicalNode,
  type RangeSelection,
  type SerializedParagraphNode,
  type SerializedPartial,
} from 'lexical';
import { $beforeBlockRemoved, $keepInGroup } from './BlockGroupNode';
import { PARAGRAPH_ROLES, isHeadingRole, type BlockSource, type ParagraphRole } from '../../../shared/model/document';

export const roleState = createState('role', {
  parse: (v): ParagraphRole | null => ((PARAGRAPH_ROLES as readonly unknown[]).includes(v) ? (v as ParagraphRole) : null),
});

function charsValue(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= 100 ? Math.round(v * 100) / 100 : 0;
}
export const firstLineCharsState = createState('firstLineChars', { parse: charsValue });
export const leftCharsState = createState('leftChars', { parse: charsValue });
export const rightCharsState = createState('rightChars', { parse: charsValue });

/** Parts of one paragraph each: Enter after one starts a plain paragraph, as after a title. */
const ONE_LINE_PARTS: ReadonlySet<ParagraphRole> = new Set<ParagraphRole>([
  'copy-number', 'secrecy', 'urgency', 'issuer-mark', 'doc-number', 'signer', 'subtitle', 'byline', 'dateline', 'attachment-label', 'attachment-title', 'imprint',
]);

/**
 * Where a paragraph (or table) came from in the source .docx (BlockSource): kept through edits,
 * clones, undo and JSON, so that saving can carry the paragraph's Word properties over.
 */
export const sourceState = createState('wgSource', {
  parse: (v): BlockSource | null => (v && typeof v === 'object' && typeof (v as BlockSource).at === 'number' && typeof (v as BlockSource).fp === 'string' ? (v as BlockSource) : null),
});

/**
 * The paragraph continues the previous one's line in the source .txt (model: Paragraph.continuesLine).
 * Not passed on by Enter: a paragraph the user starts is a real line break.
 */
export const continuesLineState = createState('continuesLine', { parse: (v): boolean => v === true });

export class WgParagraphNode extends ParagraphNode {
  override $config() {
    return this.config('wg-paragraph', {
      extends: ParagraphNode,
      $transform: $keepInGroup,
      stateConfigs: [
        { stateConfig: roleState, flat: true },
        { stateConfig: firstLineCharsState, flat: true },
        { stateConfig: leftCharsState, flat: true },
        { stateConfig: rightCharsState, flat: true },
        { stateConfig: continuesLineState, flat: true },
      ],
    });
  }

  /** A caret in a group's first block removed goes to the block before, as without groups. */
  override remove(preserveEmptyParent?: boolean): void {
    $beforeBlockRemoved(this);
    super.remove(preserveEmptyParent);
  }

  getSource(): BlockSource | null {
    return $getState(this, sourceState);
  }
  setSource(source: BlockSource | null): this {
    return $setState(this, sourceState, source);
  }

  getRole(): ParagraphRole | null {
    return $getState(this, roleState);
  }
  setRole(role: ParagraphRole | null): this {
    return $setState(this, roleState, role);
  }
  getFirstLineChars(): number {
    return $getState(this, firstLineCharsState);
  }
  setFirstLineChars(chars: number): this {
    return $setState(this, firstLineCharsState, chars);
  }
  getLeftChars(): number {
    return $getState(this, leftCharsState);
  }
  setLeftChars(chars: number): this {
    return $setState(this, leftCharsState, chars);
  }
  getRightChars(): number {
    return $getState(this, rightCharsState);
  }
  setRightChars(chars: number): this {
    return $setState(this, rightCharsState, chars);
  }

  getContinuesLine(): boolean {
    return $getState(this, continuesLineState);
  }
  setContinuesLine(continues: boolean): this {
    return $setState(this, continuesLineState, continues);
  }

  /**
   * Lexical's JSON is what copy and paste carry: a copied piece of a long line is pasted as a
   * paragraph of its own, not joined to whatever line it lands after.
   */
  override exportJSON(compact?: false): SerializedParagraphNode;
  override exportJSON(compact: boolean): SerializedPartial<SerializedParagraphNode>;
  override exportJSON(compact?: boolean): SerializedPartial<SerializedParagraphNode> {
    const json = super.exportJSON(compact ?? false);
    delete (json as { continuesLine?: unknown }).continuesLine;
    return json;
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const dom = super.createDOM(config);
    this.decorate(dom);
    return dom;
  }

  override updateDOM(prevNode: ParagraphNode, dom: HTMLElement, config: EditorConfig): boolean {
    const replace = super.updateDOM(prevNode, dom, config);
    if (!replace) this.decorate(dom);
    return replace;
  }

  private decorate(dom: HTMLElement): void {
    const role = this.getRole();
    if (role) dom.dataset.role = role;
    else delete dom.dataset.role;
    const first = this.getFirstLineChars();
    const left = this.getLeftChars();
    const right = this.getRightChars();
    dom.style.textIndent = first ? `${first}em` : '';
    dom.style.paddingLeft = left ? `${left}em` : '';
    dom.style.paddingRight = right ? `${right}em` : '';
  }

  /**
   * Enter at the end of a paragraph. Like Word's "style for following paragraph": a title or
   * heading is followed by a plain paragraph with the body indent; other paragraphs pass their
   * role, alignment and indents on.
   */
  override insertNewAfter(selection: RangeSelection, restoreSelection: boolean): ParagraphNode {
    const next = super.insertNewAfter(selection, restoreSelection);
    if (!$isWgParagraphNode(next)) return next;
    const role = this.getRole();
    const startsPlain = role === 'title' || role === 'salutation' || isHeadingRole(role) || (role !== null && ONE_LINE_PARTS.has(role));
    if (startsPlain) {
      next.setRole(null);
      const flush = role === 'title' || role === 'salutation' || ONE_LINE_PARTS.has(role);
      next.setFormat(flush ? '' : this.getFormatType());
      next.setFirstLineChars(flush ? 2 : this.getFirstLineChars() || 2);
    } else {
      next.setRole(role);
      next.setFirstLineChars(this.getFirstLineChars());
    }
    next.setLeftChars(this.getLeftChars());
    next.setRightChars(this.getRightChars());
    // A paragraph split from a Word paragraph keeps its Word properties (after a heading or a
    // one-line part, Word's next paragraph is a plain one: it starts without them).
    if (!startsPlain) next.setSource(this.getSource());
    return next;
  }
}

export function $createWgParagraphNode(): WgParagraphNode {
  return $applyNodeReplacement(new WgParagraphNode());
}

export function $isWgParagraphNode(node: LexicalNode | null | undefined): node is WgParagraphNode {
  return node instanceof WgParagraphNode;
}

/**
 * The 校对 finding under the caret, for the right-click menu (as Word offers a spelling fix at the
 * top of its menu). The 校对 panel publishes what it shows and how to act on it; the menu asks for
 * the finding at a paragraph offset. Null while the panel is off: the menu then offers none.
 */
import type { DocFinding } from '../../../shared/proofread';
import { createStore } from '../../app/store';

/** A finding as the panel shows it: in the paragraph with this Lexical key (indices shift as paragraphs come and go). */
export interface PanelFinding extends Omit<DocFinding, 'block'> {
  blockKey: string;
  /** Names the finding with everything shown of it: the same id, the same entry. */
  id: string;
}

export interface FindingsAtCaret {
  /** The shown finding whose text spans `offset` of the paragraph with this Lexical key. */
  at(blockKey: string, offset: number): PanelFinding | null;
  /** Applies its fix as one undo step. */
  fix(f: PanelFinding): void;
  /** Hides it for this session, as the panel's 忽略. */
  ignore(f: PanelFinding): void;
}

export const findingsAtCaret = createStore<FindingsAtCaret | null>(null);

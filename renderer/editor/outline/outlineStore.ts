/**
 * What the outline publishes to the sidebar. The structure (headings, numbers, titles, problems,
 * suggestions) goes through a store that changes only when the heading list does; the section
 * counts and the caret's section change on every keystroke and are written to the DOM by their
 * subscribers, never through React state.
 */
import type { OutlineLevel } from '../../../shared/outline/outline';
import type { ProblemKind } from '../../../shared/outline/check';
import type { DocumentFormat, DocumentPart } from '../../../shared/model/parts';
import { createStore } from '../../app/store';

export interface ProblemView {
  kind: ProblemKind;
  severity: 'error' | 'warning';
  message: string;
  /** The fix's button label, '' when there is no fix. */
  fixLabel: string;
}

export interface OutlineItem {
  /** The key of the heading's (first) block: stable while the heading exists. */
  key: string;
  kind: 'title' | 'heading' | 'suggestion';
  level: OutlineLevel;
  /** Nesting depth in the tree (0 for roots). */
  depth: number;
  number: string;
  title: string;
  /** Body text follows the heading in the same paragraph ("（一）标题。正文…"). */
  runIn: boolean;
  parentKey: string | null;
  hasChildren: boolean;
  problems: ProblemView[];
}

export interface OutlineView {
  items: OutlineItem[];
  problemCount: number;
}

export const EMPTY_VIEW: OutlineView = { items: [], problemCount: 0 };

function sameProblems(a: ProblemView[], b: ProblemView[]): boolean {
  return a.length === b.length && a.every((p, i) => p.kind === b[i]!.kind && p.message === b[i]!.message && p.fixLabel === b[i]!.fixLabel);
}

export function sameView(a: OutlineView, b: OutlineView): boolean {
  if (a === b) return true;
  if (a.items.length !== b.items.length || a.problemCount !== b.problemCount) return false;
  return a.items.every((x, i) => {
    const y = b.items[i]!;
    return (
      x.key === y.key &&
      x.kind === y.kind &&
      x.level === y.level &&
      x.depth === y.depth &&
      x.number === y.number &&
      x.title === y.title &&
      x.runIn === y.runIn &&
      x.parentKey === y.parentKey &&
      x.hasChildren === y.hasChildren &&
      sameProblems(x.problems, y.problems)
    );
  });
}

/** The sidebar's tree: re-rendered only when it changes. */
export const outlineViewStore = createStore<OutlineView>(EMPTY_VIEW, sameView);

/**
 * The document's parts as the anatomy finds them (shared/anatomy), by paragraph key: what the
 * editor shows each paragraph as (`data-part`, headingStyles.ts) and what the toolbar's role list
 * names as the inferred part. Body paragraphs are not listed.
 */
export interface PartsView {
  parts: ReadonlyMap<string, DocumentPart>;
  /** Keys whose part was inferred from content and place (no role set). */
  inferred: ReadonlySet<string>;
  /** Headings that run into body text: only their heading part would take the heading font. */
  runIn: ReadonlySet<string>;
  format: DocumentFormat;
}

export const EMPTY_PARTS: PartsView = { parts: new Map(), inferred: new Set(), runIn: new Set(), format: 'document' };

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const k of a) if (!b.has(k)) return false;
  return true;
}

export function sameParts(a: PartsView, b: PartsView): boolean {
  if (a === b) return true;
  if (a.format !== b.format || a.parts.size !== b.parts.size || !sameSet(a.inferred, b.inferred) || !sameSet(a.runIn, b.runIn)) return false;
  for (const [k, v] of a.parts) if (b.parts.get(k) !== v) return false;
  return true;
}

export const partsViewStore = createStore<PartsView>(EMPTY_PARTS, sameParts);

/** The key of the innermost heading whose section holds the caret (null: none). */
export const activeSectionStore = createStore<string | null>(null);

/**
 * Values by heading key that change on every keystroke (section 字数, a title being typed):
 * subscribers get the keys that changed and write them into the DOM themselves.
 */
class KeyedValues<T> {
  private values = new Map<string, T>();
  private listeners = new Set<(changed: readonly string[]) => void>();

  get(key: string): T | undefined {
    return this.values.get(key);
  }

  /** Replaces all values (after a structural change). */
  reset(next: Map<string, T>): void {
    this.values = next;
    this.emit([...next.keys()]);
  }

  update(changed: Map<string, T>): void {
    for (const [k, v] of changed) this.values.set(k, v);
    this.emit([...changed.keys()]);
  }

  subscribe(listener: (changed: readonly string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(keys: readonly string[]): void {
    for (const l of this.listeners) l(keys);
  }
}

/** 字数 of each section, by heading key. */
export const sectionCounts = new KeyedValues<number>();

/** Titles that changed while the user typed in a heading, by heading key (no tree re-render). */
export const typedTitles = new KeyedValues<string>();


/** Formats a count for the sidebar: 1234 → "1234", 12345 → "1.2万". */
export function formatCount(n: number): string {
  return n >= 10000 ? `${(n / 10000).toFixed(1)}万` : String(n);
}

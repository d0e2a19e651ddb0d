/**
 * mc:AlternateContent: one branch is read, the first usable one (mc:Choice, else mc:Fallback),
 * so a text box or picture Word writes twice is read once. An object inside it points at the
 * whole mc:AlternateContent when that is in the same run, so saving copies both branches back.
 */
import { SKIP } from '../read/xml';
import type { BodyReader, ElementHandler, ElementHandlers } from './context';

/** The run-level element an object at `at` belongs to: the mc:AlternateContent around it when that is in the same run. */
export function runLevelStart(ctx: BodyReader, at: number): number {
  const alt = ctx.alternates[ctx.alternates.length - 1];
  return alt && alt.run === ctx.runs.length ? alt.at : at;
}

const branch: ElementHandler = {
  open(ctx) {
    const alt = ctx.alternates[ctx.alternates.length - 1];
    if (!alt || alt.taken) return SKIP;
    alt.taken = true;
  },
};

export const alternateContentHandlers: ElementHandlers = {
  'mc:AlternateContent': {
    open: (ctx) => void ctx.alternates.push({ taken: false, at: ctx.tagStart(), run: ctx.runs.length }),
    close: (ctx) => void ctx.alternates.pop(),
  },
  'mc:Choice': branch,
  'mc:Fallback': branch,
};

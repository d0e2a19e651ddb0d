/**
 * The element families of the main story, each one module with its reading handlers and, where
 * saving mirrors reading, its writer. readBody (read/body.ts) dispatches each element by name to
 * its family's handler; the faithful writer (faithful/writeFaithful.ts) calls the families'
 * writers for what the user edited.
 */
import { alternateContentHandlers } from './alternateContent';
import type { ElementHandler, ElementHandlers } from './context';
import { equationHandlers } from './equations';
import { fieldHandlers } from './fields';
import { inlineObjectHandlers } from './inlineObjects';
import { paragraphHandlers } from './paragraphs';
import { runHandlers } from './runs';
import { sectionHandlers } from './sections';
import { tableHandlers } from './tables';
import { textBoxHandlers } from './textBoxes';
import { textHandlers } from './text';
import { trackedChangeHandlers } from './trackedChanges';
import { wrapperHandlers } from './wrappers';

export const ELEMENT_FAMILIES: Record<string, ElementHandlers> = {
  paragraphs: paragraphHandlers,
  runs: runHandlers,
  text: textHandlers,
  inlineObjects: inlineObjectHandlers,
  equations: equationHandlers,
  textBoxes: textBoxHandlers,
  alternateContent: alternateContentHandlers,
  fields: fieldHandlers,
  tables: tableHandlers,
  trackedChanges: trackedChangeHandlers,
  wrappers: wrapperHandlers,
  sections: sectionHandlers,
};

/** Element name → its handler, over all families (each name belongs to one family). */
export const ELEMENT_HANDLERS: ReadonlyMap<string, ElementHandler> = new Map(Object.values(ELEMENT_FAMILIES).flatMap((f) => Object.entries(f)));

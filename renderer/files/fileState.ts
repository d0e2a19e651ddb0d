/**
 * The open document's file: where it came from (DocumentSource: path, format, encoding, stamp,
 * what saving back would lose), its backup id, and a counter of edits so that a save started
 * before further typing does not mark that typing as saved.
 */
import type { DocumentSource, FileStamp } from '../../shared/api/contract';
import type { WgDocument } from '../../shared/model/document';
import { createStore } from '../app/store';

export interface FileState {
  source: DocumentSource | null;
  /** Document properties kept from the file (the editor does not show them). */
  meta: WgDocument['meta'];
  /** Names this document's backup in the user-data folder. */
  backupId: string;
  /** Losses the user already accepted for this document (仍然保存): not asked again. */
  acceptedLosses: string[];
  /** An outside change the user chose to keep working over: not asked about again on focus. */
  dismissedStamp: FileStamp | null;
}

export function newBackupId(): string {
  return `doc-${crypto.randomUUID()}`;
}

export const fileStore = createStore<FileState>({ source: null, meta: {}, backupId: newBackupId(), acceptedLosses: [], dismissedStamp: null });

let edits = 0;

/** Counts edits (not loads): compare before and after an asynchronous save. */
export function noteEdit(): void {
  edits++;
}

export function editCount(): number {
  return edits;
}

/**
 * The proofreader off the renderer's main thread: after typing stops the panel posts what changed
 * (documentMirror.ts), the worker checks its whole copy of the document and answers with the
 * findings. Its Proofreader keeps the per-paragraph cache, so a re-check costs the paragraphs that
 * changed (and the document-level rules, which see the whole copy).
 */
import { BUILTIN_TIFA, Proofreader, mergeTifa, proofreadDocument, type DocFinding, type TifaData } from '../../../shared/proofread';
import { DocumentMirror, type DocumentChanges } from './documentMirror';

export interface ProofreadRequest {
  id: number;
  changes: DocumentChanges;
  /** The user's 提法 file laid over the built-in data (null: none), sent when `tifaVersion` changes. */
  userTifa?: TifaData | null;
  tifaVersion: number;
}
export interface ProofreadResponse {
  id: number;
  findings: DocFinding[];
  error?: string;
  /** The worker had lost blocks it was told to keep: post everything again. */
  resend?: boolean;
}

const proofreader = new Proofreader();
const mirror = new DocumentMirror();
let tifaVersion = 0;
const scope = self as unknown as { onmessage: ((e: MessageEvent<ProofreadRequest>) => void) | null; postMessage: (m: ProofreadResponse) => void };
scope.onmessage = (e) => {
  const { id, changes } = e.data;
  try {
    if (e.data.tifaVersion !== tifaVersion && e.data.userTifa !== undefined) {
      tifaVersion = e.data.tifaVersion;
      proofreader.setTifa(mergeTifa(BUILTIN_TIFA, e.data.userTifa));
    }
    const doc = mirror.apply(changes);
    if (!doc) return scope.postMessage({ id, findings: [], resend: true });
    scope.postMessage({ id, findings: proofreadDocument(doc, proofreader) });
  } catch (err) {
    scope.postMessage({ id, findings: [], error: err instanceof Error ? err.message : String(err), resend: true });
  }
};
